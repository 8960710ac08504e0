using Sinergi.Features.Agreements;
using Sinergi.Features.Import;

namespace Sinergi.Tests.Import;

public sealed class PeriodDurationTests
{
    private static readonly DateOnly Signed = new(2025, 1, 15);

    [Theory]
    [InlineData("5 (lima) tahun")]
    [InlineData("5 tahun")]
    [InlineData("lima tahun")]
    [InlineData("Lima Tahun")]
    [InlineData("LIMA (5) TAHUN")]
    [InlineData("5 thn")]
    [InlineData("5 th")]
    [InlineData("60 bulan")]
    [InlineData("60 bln")]
    [InlineData("5 (lima) tahun sejak ditandatangani")]
    [InlineData("5 (lima) tahun terhitung sejak tanggal penandatanganan")]
    [InlineData("Jangka waktu 5 (lima) tahun")]
    [InlineData("5 tahun (60 bulan)")]
    public void Duration_in_words_counts_from_the_start_date(string cell)
    {
        var period = IndonesianDates.ParsePeriod(cell, Signed);
        Assert.Null(period.Error);
        Assert.Equal(60, period.DurationMonths);
        Assert.Equal(new DateOnly(2030, 1, 14), period.End);
        Assert.Equal(AgreementStatusRules.EndFromDuration(Signed, 60), period.End);
        Assert.Null(period.Start);
        Assert.Empty(period.Warnings);
    }

    [Theory]
    [InlineData("satu tahun", 12)]
    [InlineData("dua tahun", 24)]
    [InlineData("tiga tahun", 36)]
    [InlineData("empat tahun", 48)]
    [InlineData("enam tahun", 72)]
    [InlineData("tujuh tahun", 84)]
    [InlineData("delapan tahun", 96)]
    [InlineData("sembilan tahun", 108)]
    [InlineData("sepuluh tahun", 120)]
    [InlineData("sebelas bulan", 11)]
    [InlineData("dua belas bulan", 12)]
    [InlineData("lima belas tahun", 180)]
    [InlineData("dua puluh tahun", 240)]
    [InlineData("dua puluh lima tahun", 300)]
    [InlineData("25 (dua puluh lima) tahun", 300)]
    [InlineData("setahun", 12)]
    [InlineData("satu setengah tahun", 18)]
    [InlineData("setengah tahun", 6)]
    public void Indonesian_number_words_give_the_duration(string cell, int months) =>
        Assert.Equal(months, IndonesianDates.ParsePeriod(cell, Signed).DurationMonths);

    [Theory]
    [InlineData("2 tahun 6 bulan", 30)]
    [InlineData("2 (dua) tahun 6 (enam) bulan", 30)]
    [InlineData("2 tahun dan 6 bulan", 30)]
    [InlineData("18 bulan", 18)]
    [InlineData("6 (enam) bulan", 6)]
    [InlineData("1 (satu) tahun 6 (enam) bulan", 18)]
    [InlineData("2,5 tahun", 30)]
    [InlineData("1.5 tahun", 18)]
    public void Years_and_months_add_up(string cell, int months)
    {
        var period = IndonesianDates.ParsePeriod(cell, Signed);
        Assert.Null(period.Error);
        Assert.Equal(months, period.DurationMonths);
        Assert.Equal(AgreementStatusRules.EndFromDuration(Signed, months), period.End);
    }

    [Fact]
    public void Duration_splits_into_years_and_months_as_the_draft_takes_them()
    {
        var period = IndonesianDates.ParsePeriod("2 tahun 6 bulan", Signed);
        Assert.Equal(2, period.DurationYears);
        Assert.Equal(6, period.DurationExtraMonths);
    }

    [Fact]
    public void Duration_from_the_first_of_march_ends_on_the_last_day_of_february()
    {
        var period = IndonesianDates.ParsePeriod("5 (lima) tahun", new DateOnly(2024, 3, 1));
        Assert.Equal(new DateOnly(2029, 2, 28), period.End);
    }

    [Fact]
    public void Duration_without_a_start_date_is_kept_with_a_warning_not_an_error()
    {
        var period = IndonesianDates.ParsePeriod("5 (lima) tahun", null);
        Assert.Null(period.Error);
        Assert.Equal(60, period.DurationMonths);
        Assert.Null(period.End);
        Assert.Equal("Jangka waktu \"5 (lima) tahun\" belum dapat dihitung menjadi tanggal berakhir karena tanggal mulai kosong.", Assert.Single(period.Warnings));
    }

    [Fact]
    public void Duration_with_its_own_start_date_counts_from_it()
    {
        var period = IndonesianDates.ParsePeriod("5 tahun terhitung mulai 1 Maret 2024", Signed);
        Assert.Null(period.Error);
        Assert.Equal(new DateOnly(2024, 3, 1), period.Start);
        Assert.Equal(new DateOnly(2029, 2, 28), period.End);
        Assert.Equal(60, period.DurationMonths);
    }

    [Fact]
    public void Digits_and_words_that_disagree_are_a_warning_and_the_digits_win()
    {
        var period = IndonesianDates.ParsePeriod("5 (empat) tahun", Signed);
        Assert.Equal(60, period.DurationMonths);
        Assert.Contains("angka 5 dan \"empat\" berbeda", Assert.Single(period.Warnings));
    }

    [Fact]
    public void Text_after_a_duration_that_is_not_a_date_is_ignored_with_a_warning()
    {
        var period = IndonesianDates.ParsePeriod("5 tahun dan dapat diperpanjang", Signed);
        Assert.Null(period.Error);
        Assert.Equal(60, period.DurationMonths);
        Assert.Equal("Bagian \"dapat diperpanjang\" pada \"5 tahun dan dapat diperpanjang\" tidak dibaca.", Assert.Single(period.Warnings));
    }

    [Theory]
    [InlineData("365 hari", "dalam hari")]
    [InlineData("0 tahun", "tidak boleh nol")]
    [InlineData("1,3 tahun", "tidak bulat dalam bulan")]
    [InlineData("150 tahun", "lebih dari 99 tahun")]
    [InlineData("123456 bulan", "Tidak dapat membaca \"123456 bulan\" sebagai jangka waktu.")]
    public void Durations_that_cannot_be_months_are_errors(string cell, string expected)
    {
        var period = IndonesianDates.ParsePeriod(cell, Signed);
        Assert.Contains(expected, period.Error);
        Assert.Null(period.DurationMonths);
    }

    [Fact]
    public void Duration_and_range_that_agree_give_no_warning()
    {
        var period = IndonesianDates.ParsePeriod("5 (lima) tahun (15 Januari 2025 s.d. 14 Januari 2030)", null);
        Assert.Null(period.Error);
        Assert.Equal(new DateOnly(2025, 1, 15), period.Start);
        Assert.Equal(new DateOnly(2030, 1, 14), period.End);
        Assert.Equal(60, period.DurationMonths);
        Assert.Empty(period.Warnings);
    }

    [Fact]
    public void Duration_and_end_date_that_disagree_keep_the_written_end_and_warn()
    {
        var period = IndonesianDates.ParsePeriod("5 tahun (15 Januari 2025 s.d. 15 Januari 2030)", null);
        Assert.Equal(new DateOnly(2030, 1, 15), period.End);
        Assert.Equal(60, period.DurationMonths);
        Assert.Equal("Tanggal berakhir 15 Januari 2030 tidak sama dengan jangka waktu 5 tahun sejak 15 Januari 2025 (14 Januari 2030).", Assert.Single(period.Warnings));
    }

    [Fact]
    public void Duration_over_a_years_only_range_counts_from_the_signing_date()
    {
        var period = IndonesianDates.ParsePeriod("5 tahun (2023 s.d. 2028)", new DateOnly(2023, 3, 15));
        Assert.Null(period.Error);
        Assert.Null(period.Start);
        Assert.Equal(new DateOnly(2028, 3, 14), period.End);
        Assert.Equal(60, period.DurationMonths);
        Assert.Empty(period.Warnings);
    }

    [Fact]
    public void Duration_over_a_years_only_range_without_a_start_warns_that_they_differ()
    {
        var period = IndonesianDates.ParsePeriod("5 tahun (2023 s.d. 2028)", null);
        Assert.Null(period.Error);
        Assert.Equal(new DateOnly(2023, 1, 1), period.Start);
        Assert.Equal(new DateOnly(2028, 12, 31), period.End);
        Assert.Equal(60, period.DurationMonths);
        Assert.Equal(2, period.Warnings.Count);
        Assert.Equal("\"5 tahun (2023 s.d. 2028)\" dibaca sebagai 1 Januari 2023 sampai 31 Desember 2028.", period.Warnings[0]);
    }

    [Fact]
    public void A_bare_small_number_is_years_and_says_so()
    {
        foreach (var cell in new object[] { 5, 5.0, "5" })
        {
            var period = IndonesianDates.ParsePeriod(cell, Signed);
            Assert.Equal(60, period.DurationMonths);
            Assert.Equal(new DateOnly(2030, 1, 14), period.End);
            Assert.Equal("\"5\" dibaca sebagai 5 tahun.", Assert.Single(period.Warnings));
        }
    }

    [Fact]
    public void The_same_duration_written_twice_is_read_once()
    {
        var period = IndonesianDates.ParsePeriod("2 tahun / 24 bulan", Signed);
        Assert.Equal(24, period.DurationMonths);
        Assert.Empty(period.Warnings);
    }

    [Fact]
    public void A_duration_from_a_year_that_is_not_the_start_date_year_warns()
    {
        var period = IndonesianDates.ParsePeriod("5 tahun mulai 2023", Signed);
        Assert.Equal(AgreementStatusRules.EndFromDuration(Signed, 60), period.End);
        Assert.Equal("Tahun mulai 2023 pada \"5 tahun mulai 2023\" tidak sama dengan tanggal mulai 15 Januari 2025; jangka waktu dihitung dari 15 Januari 2025.", Assert.Single(period.Warnings));
    }
}
