using Sinergi.Features.Import;

namespace Sinergi.Tests.Import;

public sealed class IndonesianDatesTests
{
    [Theory]
    [InlineData("15 Januari 2025")]
    [InlineData("15 Jan 2025")]
    [InlineData("15 Jan. 2025")]
    [InlineData("15-01-2025")]
    [InlineData("15/1/2025")]
    [InlineData("15/01/2025")]
    [InlineData("15.01.2025")]
    [InlineData("15-1-2025")]
    [InlineData("2025-01-15")]
    [InlineData("2025/01/15")]
    [InlineData("Rabu, 15 Januari 2025")]
    [InlineData("rabu 15 januari 2025")]
    [InlineData("15 JANUARI 2025")]
    [InlineData("15 januari 2025")]
    [InlineData("  15   Januari    2025  ")]
    [InlineData("15\u00A0Januari\u00A02025")]
    [InlineData("15-Jan-2025")]
    [InlineData("15 January 2025")]
    [InlineData("January 15, 2025")]
    [InlineData("Tanggal 15 Januari 2025")]
    [InlineData("tgl. 15-01-2025")]
    [InlineData("15/01/2025 00:00:00")]
    [InlineData("2025-01-15T00:00:00")]
    [InlineData("2025-01-15 10.30")]
    public void Every_way_offices_write_the_fifteenth_of_january_reads_the_same(string cell)
    {
        var parsed = IndonesianDates.ParseDate(cell);
        Assert.Null(parsed.Error);
        Assert.Equal(new DateOnly(2025, 1, 15), parsed.Value);
        Assert.Empty(parsed.Warnings);
    }

    [Theory]
    [InlineData("1 Feb 2025", 2, 1)]
    [InlineData("2 Pebruari 2025", 2, 2)]
    [InlineData("3 Mar 2025", 3, 3)]
    [InlineData("3 Maret 2025", 3, 3)]
    [InlineData("4 Apr 2025", 4, 4)]
    [InlineData("5 Mei 2025", 5, 5)]
    [InlineData("5 May 2025", 5, 5)]
    [InlineData("6 Jun 2025", 6, 6)]
    [InlineData("6 June 2025", 6, 6)]
    [InlineData("7 Jul 2025", 7, 7)]
    [InlineData("7 Juli 2025", 7, 7)]
    [InlineData("17 Agu 2025", 8, 17)]
    [InlineData("17 Agt 2025", 8, 17)]
    [InlineData("17 Ags 2025", 8, 17)]
    [InlineData("17 Aug 2025", 8, 17)]
    [InlineData("17 Agustus 2025", 8, 17)]
    [InlineData("9 Sep 2025", 9, 9)]
    [InlineData("9 Sept 2025", 9, 9)]
    [InlineData("9 Sept. 2025", 9, 9)]
    [InlineData("10 Okt 2025", 10, 10)]
    [InlineData("10 Oct 2025", 10, 10)]
    [InlineData("10 Oktober 2025", 10, 10)]
    [InlineData("11 Nov 2025", 11, 11)]
    [InlineData("11 Nopember 2025", 11, 11)]
    [InlineData("24 Des 2025", 12, 24)]
    [InlineData("24 Dec 2025", 12, 24)]
    [InlineData("24 DESEMBER 2025", 12, 24)]
    public void Indonesian_and_english_month_names_and_abbreviations_are_read(string cell, int month, int day) =>
        Assert.Equal(new DateOnly(2025, month, day), IndonesianDates.ParseDate(cell).Value);

    [Fact]
    public void A_leap_day_that_exists_is_read()
    {
        Assert.Equal(new DateOnly(2024, 2, 29), IndonesianDates.ParseDate("29 Februari 2024").Value);
        Assert.Equal(new DateOnly(2024, 2, 29), IndonesianDates.ParseDate("29/02/2024").Value);
    }

    [Theory]
    [InlineData("1/2/2025", 2, 1)]
    [InlineData("12/01/2025", 1, 12)]
    [InlineData("3-4-2025", 4, 3)]
    public void Numeric_dates_are_always_day_first(string cell, int month, int day) =>
        Assert.Equal(new DateOnly(2025, month, day), IndonesianDates.ParseDate(cell).Value);

    [Theory]
    [InlineData("31 Februari 2025")]
    [InlineData("29 Februari 2025")]
    [InlineData("31 April 2025")]
    [InlineData("32-01-2025")]
    [InlineData("0/1/2025")]
    [InlineData("30.02.2025")]
    public void A_date_that_does_not_exist_is_an_error_not_a_guess(string cell)
    {
        var parsed = IndonesianDates.ParseDate(cell);
        Assert.Null(parsed.Value);
        Assert.Equal($"Tanggal \"{cell}\" tidak ada.", parsed.Error);
    }

    [Theory]
    [InlineData("15/13/2025")]
    [InlineData("1/25/2025")]
    public void A_month_above_twelve_is_an_error_that_says_dates_are_day_first(string cell)
    {
        var parsed = IndonesianDates.ParseDate(cell);
        Assert.Null(parsed.Value);
        Assert.StartsWith($"Tanggal \"{cell}\" tidak ada", parsed.Error);
        Assert.Contains("hari-bulan-tahun", parsed.Error);
    }

    [Fact]
    public void Unreadable_text_is_an_error_naming_what_was_read_and_how_to_write_it()
    {
        var parsed = IndonesianDates.ParseDate("kemarin sore");
        Assert.Null(parsed.Value);
        Assert.Equal("Tidak dapat membaca \"kemarin sore\" sebagai tanggal. Tulis seperti 15 Januari 2025 atau 15-01-2025.", parsed.Error);
    }

    [Theory]
    [InlineData("2025", "hanya berisi tahun")]
    [InlineData("Januari 2025", "hanya berisi bulan dan tahun")]
    [InlineData("15 Janu 2025", "Nama bulan \"Janu\"")]
    [InlineData("15 Januari 1900", "di luar rentang 1945–2100")]
    [InlineData("15 Januari 1944", "di luar rentang 1945–2100")]
    [InlineData("15 Januari 2205", "di luar rentang 1945–2100")]
    public void Incomplete_or_implausible_dates_are_errors(string cell, string expected)
    {
        var parsed = IndonesianDates.ParseDate(cell);
        Assert.Null(parsed.Value);
        Assert.Contains(expected, parsed.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("—")]
    public void An_empty_cell_or_a_dash_has_no_value_and_no_error(string? cell)
    {
        var parsed = IndonesianDates.ParseDate(cell);
        Assert.True(parsed.IsEmpty);
        Assert.Null(parsed.Error);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void A_weekday_that_does_not_match_the_date_is_a_warning_and_the_date_wins()
    {
        var parsed = IndonesianDates.ParseDate("Senin, 15 Januari 2025");
        Assert.Equal(new DateOnly(2025, 1, 15), parsed.Value);
        Assert.Null(parsed.Error);
        Assert.Equal("Hari \"Senin\" tidak cocok dengan 15 Januari 2025 (hari Rabu); tanggalnya yang dipakai.", Assert.Single(parsed.Warnings));
    }

    [Theory]
    [InlineData("Jum'at, 17 Januari 2025")]
    [InlineData("Jumat, 17 Januari 2025")]
    public void Friday_reads_with_or_without_its_apostrophe(string cell)
    {
        var parsed = IndonesianDates.ParseDate(cell);
        Assert.Equal(new DateOnly(2025, 1, 17), parsed.Value);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void A_two_digit_year_is_read_with_a_warning()
    {
        var parsed = IndonesianDates.ParseDate("15-01-25");
        Assert.Equal(new DateOnly(2025, 1, 15), parsed.Value);
        Assert.Equal("Tahun \"25\" pada \"15-01-25\" dibaca sebagai 2025.", Assert.Single(parsed.Warnings));
    }

    public static TheoryData<object> SerialCells => new() { 45292.0, 45292, 45292L, 45292m, 45292.75, 45292f };

    [Theory]
    [MemberData(nameof(SerialCells))]
    public void Excel_serial_numbers_are_dates_in_the_1900_system(object cell)
    {
        var parsed = IndonesianDates.ParseDate(cell);
        Assert.Null(parsed.Error);
        Assert.Equal(new DateOnly(2024, 1, 1), parsed.Value);
        Assert.Empty(parsed.Warnings);
    }

    [Fact]
    public void An_excel_serial_typed_as_text_is_read_and_says_so()
    {
        var parsed = IndonesianDates.ParseDate("45292");
        Assert.Equal(new DateOnly(2024, 1, 1), parsed.Value);
        Assert.Equal("\"45292\" dibaca sebagai nomor seri tanggal Excel: 1 Januari 2024.", Assert.Single(parsed.Warnings));
    }

    [Theory]
    [InlineData(1, "1900-01-01")]
    [InlineData(59, "1900-02-28")]
    [InlineData(61, "1900-03-01")]
    [InlineData(16438, "1945-01-01")]
    [InlineData(18264, "1950-01-01")]
    [InlineData(45658, "2025-01-01")]
    [InlineData(73415, "2100-12-31")]
    public void Excel_serials_skip_the_29th_of_february_1900_that_excel_counts(double serial, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), IndonesianDates.FromExcelSerial(serial));

    [Theory]
    [InlineData(60)]
    [InlineData(0)]
    [InlineData(-5)]
    public void Excel_serial_60_and_serials_below_1_are_no_date(double serial) =>
        Assert.Null(IndonesianDates.FromExcelSerial(serial));

    [Fact]
    public void Excel_serial_60_is_an_error_naming_the_day_that_never_was()
    {
        var parsed = IndonesianDates.ParseDate(60.0);
        Assert.Null(parsed.Value);
        Assert.Equal("Nomor seri tanggal Excel 60 adalah 29 Februari 1900, tanggal yang tidak ada.", parsed.Error);
    }

    [Theory]
    [InlineData(61.0, "Angka 61 dibaca sebagai tanggal Excel 1 Maret 1900, di luar rentang 1945–2100.")]
    [InlineData(16437.0, "Angka 16437 dibaca sebagai tanggal Excel 31 Desember 1944, di luar rentang 1945–2100.")]
    [InlineData(73416.0, "Angka 73416 dibaca sebagai tanggal Excel 1 Januari 2101, di luar rentang 1945–2100.")]
    public void Excel_serials_outside_1945_to_2100_are_errors(double serial, string error)
    {
        var parsed = IndonesianDates.ParseDate(serial);
        Assert.Null(parsed.Value);
        Assert.Equal(error, parsed.Error);
    }

    [Fact]
    public void A_year_typed_as_a_number_is_not_taken_for_an_excel_serial()
    {
        var parsed = IndonesianDates.ParseDate(2025.0);
        Assert.Null(parsed.Value);
        Assert.Contains("hanya berisi tahun", parsed.Error);
    }

    [Fact]
    public void Date_values_from_the_file_reader_pass_through()
    {
        Assert.Equal(new DateOnly(2025, 1, 15), IndonesianDates.ParseDate(new DateTime(2025, 1, 15, 13, 45, 0)).Value);
        Assert.Equal(new DateOnly(2025, 1, 15), IndonesianDates.ParseDate(new DateOnly(2025, 1, 15)).Value);
        Assert.Equal(new DateOnly(2025, 1, 15), IndonesianDates.ParseDate(new DateTimeOffset(2025, 1, 15, 8, 0, 0, TimeSpan.FromHours(7))).Value);
        Assert.NotNull(IndonesianDates.ParseDate(new DateTime(1899, 12, 31)).Error);
    }
}
