using Sinergi.Features.Import;

namespace Sinergi.Tests.Import;

public sealed class PeriodRangeTests
{
    private static readonly DateOnly Signed = new(2025, 1, 15);

    [Theory]
    [InlineData("2023 s.d. 2028")]
    [InlineData("2023 s/d 2028")]
    [InlineData("2023 sd 2028")]
    [InlineData("2023 - 2028")]
    [InlineData("2023-2028")]
    [InlineData("2023 – 2028")]
    [InlineData("2023 sampai 2028")]
    [InlineData("2023 sampai dengan 2028")]
    [InlineData("Tahun 2023 s.d. 2028")]
    public void Years_only_range_is_read_as_whole_years_and_says_so(string cell)
    {
        var period = IndonesianDates.ParsePeriod(cell, null);
        Assert.Null(period.Error);
        Assert.Equal(new DateOnly(2023, 1, 1), period.Start);
        Assert.Equal(new DateOnly(2028, 12, 31), period.End);
        Assert.Null(period.DurationMonths);
        Assert.Equal($"\"{cell}\" dibaca sebagai 1 Januari 2023 sampai 31 Desember 2028.", Assert.Single(period.Warnings));
    }

    [Theory]
    [InlineData("15 Januari 2025 s.d. 14 Januari 2030")]
    [InlineData("15 Januari 2025 s/d 14 Januari 2030")]
    [InlineData("15/1/2025 - 14/1/2030")]
    [InlineData("15/1/2025-14/1/2030")]
    [InlineData("15-01-2025 - 14-01-2030")]
    [InlineData("15-01-2025 s.d. 14-01-2030")]
    [InlineData("15 Januari 2025 sampai dengan 14 Januari 2030")]
    [InlineData("15 Januari 2025 sampai 14 Januari 2030")]
    [InlineData("15 Januari 2025 hingga 14 Januari 2030")]
    [InlineData("15 Januari 2025 – 14 Januari 2030")]
    [InlineData("15 Jan 2025 S.D. 14 Jan 2030")]
    [InlineData("Berlaku mulai 15 Januari 2025 s.d. 14 Januari 2030")]
    [InlineData("tanggal 15 Januari 2025 sampai dengan tanggal 14 Januari 2030")]
    [InlineData("2025-01-15 s.d. 2030-01-14")]
    public void Date_range_gives_start_and_end(string cell)
    {
        var period = IndonesianDates.ParsePeriod(cell, null);
        Assert.Null(period.Error);
        Assert.Equal(new DateOnly(2025, 1, 15), period.Start);
        Assert.Equal(new DateOnly(2030, 1, 14), period.End);
        Assert.Null(period.DurationMonths);
        Assert.Empty(period.Warnings);
    }

    [Theory]
    [InlineData("s/d 31 Desember 2027")]
    [InlineData("s.d. 31 Desember 2027")]
    [InlineData("s.d. 31-12-2027")]
    [InlineData("S.D. 31 DESEMBER 2027")]
    [InlineData("sd 31/12/2027")]
    [InlineData("sampai 31 Desember 2027")]
    [InlineData("sampai dengan 31 Desember 2027")]
    [InlineData("hingga 31 Des 2027")]
    [InlineData("Berlaku s.d. 31 Desember 2027")]
    [InlineData("berlaku sampai dengan 31 Desember 2027")]
    [InlineData("31 Desember 2027")]
    [InlineData("31-12-2027")]
    [InlineData("Jumat, 31 Desember 2027")]
    public void An_end_date_alone_is_the_end(string cell)
    {
        var period = IndonesianDates.ParsePeriod(cell, Signed);
        Assert.Null(period.Error);
        Assert.Null(period.Start);
        Assert.Equal(new DateOnly(2027, 12, 31), period.End);
        Assert.Null(period.DurationMonths);
        Assert.Empty(period.Warnings);
    }

    [Theory]
    [InlineData("berlaku sampai dengan 2027")]
    [InlineData("s.d. 2027")]
    [InlineData("s/d Tahun 2027")]
    [InlineData("2027")]
    public void A_year_alone_as_the_end_is_the_31st_of_december_and_says_so(string cell)
    {
        var period = IndonesianDates.ParsePeriod(cell, Signed);
        Assert.Null(period.Error);
        Assert.Equal(new DateOnly(2027, 12, 31), period.End);
        Assert.Equal($"\"{cell}\" dibaca sebagai berakhir 31 Desember 2027.", Assert.Single(period.Warnings));
    }

    [Fact]
    public void A_month_and_year_as_the_end_is_the_last_day_of_that_month()
    {
        var period = IndonesianDates.ParsePeriod("s.d. Februari 2028", Signed);
        Assert.Equal(new DateOnly(2028, 2, 29), period.End);
        Assert.Single(period.Warnings);
    }

    [Fact]
    public void A_start_date_alone_is_the_start_when_the_text_says_mulai()
    {
        var period = IndonesianDates.ParsePeriod("Berlaku mulai 1 Januari 2025", null);
        Assert.Null(period.Error);
        Assert.Equal(new DateOnly(2025, 1, 1), period.Start);
        Assert.Null(period.End);
    }

    [Theory]
    [InlineData("15 Januari 2030 s.d. 14 Januari 2025", "lebih awal dari tanggal mulai")]
    [InlineData("31 Februari 2025 s.d. 2030", "Tanggal \"31 Februari 2025\" tidak ada.")]
    [InlineData("kemarin sore", "Tidak dapat membaca \"kemarin sore\" sebagai jangka waktu.")]
    [InlineData("s.d.", "tanggalnya tidak ada")]
    [InlineData("2023 s.d. 2025 s.d. 2028", "lebih dari satu")]
    [InlineData("1 Januari 2025 s.d. kapan-kapan", "\"kapan-kapan\" bukan tanggal")]
    [InlineData("2230 s.d. 2235", "di luar rentang")]
    public void Unreadable_or_impossible_periods_are_errors(string cell, string expected)
    {
        var period = IndonesianDates.ParsePeriod(cell, null);
        Assert.Contains(expected, period.Error);
        Assert.Null(period.End);
    }

    [Fact]
    public void An_end_before_the_start_date_given_is_an_error()
    {
        var period = IndonesianDates.ParsePeriod("s.d. 31 Desember 2020", Signed);
        Assert.Equal("Tanggal berakhir 31 Desember 2020 lebih awal dari tanggal mulai 15 Januari 2025 pada \"s.d. 31 Desember 2020\".", period.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("-")]
    [InlineData("—")]
    public void An_empty_cell_or_a_dash_is_an_empty_period(string? cell) =>
        Assert.True(IndonesianDates.ParsePeriod(cell, Signed).IsEmpty);

    [Fact]
    public void Date_cells_and_excel_serials_are_end_dates()
    {
        Assert.Equal(new DateOnly(2027, 12, 31), IndonesianDates.ParsePeriod(new DateTime(2027, 12, 31), Signed).End);
        Assert.Equal(new DateOnly(2024, 1, 1), IndonesianDates.ParsePeriod(45292.0, null).End);
        Assert.Equal(new DateOnly(2027, 12, 31), IndonesianDates.ParsePeriod(2027, null).End);
    }

    [Theory]
    [InlineData("15 Januari 2025 - sekarang")]
    [InlineData("15 Januari 2025 sampai sekarang")]
    [InlineData("Mulai 15 Januari 2025, tidak terbatas")]
    public void An_open_ended_period_has_a_start_and_no_end(string cell)
    {
        var period = IndonesianDates.ParsePeriod(cell, null);
        Assert.Null(period.Error);
        Assert.Equal(new DateOnly(2025, 1, 15), period.Start);
        Assert.Null(period.End);
        Assert.Equal($"\"{cell}\" dibaca tanpa tanggal berakhir.", Assert.Single(period.Warnings));
    }

    [Fact]
    public void A_remark_in_brackets_after_the_end_date_is_set_aside_with_a_warning()
    {
        var period = IndonesianDates.ParsePeriod("31 Desember 2027 (dapat diperpanjang)", Signed);
        Assert.Equal(new DateOnly(2027, 12, 31), period.End);
        Assert.Equal("Bagian \"(dapat diperpanjang)\" pada \"31 Desember 2027 (dapat diperpanjang)\" tidak dibaca.", Assert.Single(period.Warnings));
    }

    [Fact]
    public void A_month_and_year_range_reads_as_whole_months()
    {
        var period = IndonesianDates.ParsePeriod("Jan 2024 - Des 2028", null);
        Assert.Equal(new DateOnly(2024, 1, 1), period.Start);
        Assert.Equal(new DateOnly(2028, 12, 31), period.End);
        Assert.Equal("\"Jan 2024 - Des 2028\" dibaca sebagai 1 Januari 2024 sampai 31 Desember 2028.", Assert.Single(period.Warnings));
    }

    [Fact]
    public void A_period_in_years_starts_on_the_signing_date_in_its_first_year_not_before()
    {
        var period = IndonesianDates.ParsePeriod("2023 s.d. 2028", new DateOnly(2023, 3, 1));
        Assert.Null(period.Error);
        Assert.Equal(new DateOnly(2023, 3, 1), period.Start);
        Assert.Equal(new DateOnly(2028, 12, 31), period.End);
        Assert.Equal("\"2023 s.d. 2028\" dibaca sebagai 1 Januari 2023 sampai 31 Desember 2028. Mulai berlaku 1 Maret 2023, bukan 1 Januari 2023.", Assert.Single(period.Warnings));
    }

    [Fact]
    public void A_period_in_years_signed_the_year_before_starts_on_1_January()
    {
        var period = IndonesianDates.ParsePeriod("2023 s.d. 2028", new DateOnly(2022, 12, 20));
        Assert.Equal(new DateOnly(2023, 1, 1), period.Start);
        Assert.Equal("\"2023 s.d. 2028\" dibaca sebagai 1 Januari 2023 sampai 31 Desember 2028.", Assert.Single(period.Warnings));
    }

    [Fact]
    public void A_period_in_years_signed_in_a_later_year_starts_on_signing_and_asks_to_check_the_year()
    {
        var period = IndonesianDates.ParsePeriod("2023 s.d. 2028", new DateOnly(2024, 3, 1));
        Assert.Equal(new DateOnly(2024, 3, 1), period.Start);
        Assert.Equal(new DateOnly(2028, 12, 31), period.End);
        Assert.Equal("\"2023 s.d. 2028\" dibaca sebagai 1 Januari 2023 sampai 31 Desember 2028. Mulai berlaku 1 Maret 2024, bukan 1 Januari 2023; tahun mulai 2023 lebih awal dari itu, periksa tahunnya.",
            Assert.Single(period.Warnings));
    }

    [Fact]
    public void A_period_in_months_starts_on_the_signing_date_in_its_first_month()
    {
        var period = IndonesianDates.ParsePeriod("Maret 2023 s.d. Februari 2028", new DateOnly(2023, 3, 15));
        Assert.Equal(new DateOnly(2023, 3, 15), period.Start);
        Assert.Equal(new DateOnly(2028, 2, 29), period.End);
    }
}
