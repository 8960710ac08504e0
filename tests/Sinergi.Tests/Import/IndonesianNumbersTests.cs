using Sinergi.Features.Import;

namespace Sinergi.Tests.Import;

public sealed class IndonesianNumbersTests
{
    [Theory]
    [InlineData("Rp 1.250.000.000", "1250000000")]
    [InlineData("Rp1.250.000.000,00", "1250000000")]
    [InlineData("Rp. 1.250.000.000,00", "1250000000")]
    [InlineData("1.250.000.000", "1250000000")]
    [InlineData("1250000000", "1250000000")]
    [InlineData("IDR 1.250.000.000", "1250000000")]
    [InlineData("1.250.000.000 rupiah", "1250000000")]
    [InlineData("1,25 M", "1250000000")]
    [InlineData("1,25M", "1250000000")]
    [InlineData("Rp 1,25 M", "1250000000")]
    [InlineData("1,25 miliar", "1250000000")]
    [InlineData("1,25 Milyar", "1250000000")]
    [InlineData("1.5 miliar", "1500000000")]
    [InlineData("250 juta", "250000000")]
    [InlineData("Rp 250 jt", "250000000")]
    [InlineData("1.250 juta", "1250000000")]
    [InlineData("500 ribu", "500000")]
    [InlineData("500rb", "500000")]
    [InlineData("2 T", "2000000000000")]
    [InlineData("Rp. 75.500.000,-", "75500000")]
    [InlineData("Rp 75.500.000,--", "75500000")]
    [InlineData("Rp75.500.000.-", "75500000")]
    [InlineData("Rp 250.000.000 (dua ratus lima puluh juta rupiah)", "250000000")]
    [InlineData("1,250,000,000.00", "1250000000")]
    [InlineData("1,250,000,000", "1250000000")]
    [InlineData("1250000,50", "1250000.50")]
    [InlineData("75.500", "75500")]
    [InlineData("Rp 1 250 000 000", "1250000000")]
    public void Rupiah_in_the_forms_offices_write_it(string cell, string expected)
    {
        var value = IndonesianNumbers.Rupiah(cell, out var error);
        Assert.Null(error);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    public static TheoryData<object, decimal> NumberCells => new()
    {
        { 1250000000.0, 1250000000m },
        { 1250000000m, 1250000000m },
        { 75500000, 75500000m },
        { 75500000L, 75500000m },
        { 0.1 + 0.2, 0.3m },
    };

    [Theory]
    [MemberData(nameof(NumberCells))]
    public void Number_cells_are_taken_as_they_are(object cell, decimal expected)
    {
        Assert.Equal(expected, IndonesianNumbers.Rupiah(cell, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("Tanpa biaya")]
    [InlineData("tanpa biaya")]
    [InlineData("Nihil")]
    [InlineData("NIHIL")]
    [InlineData("Gratis")]
    [InlineData("Tidak ada biaya")]
    [InlineData("Rp 0")]
    [InlineData("Rp -")]
    [InlineData("Rp. -,-")]
    [InlineData("0")]
    public void A_cell_that_says_there_is_no_cost_is_zero(string cell)
    {
        Assert.Equal(0m, IndonesianNumbers.Rupiah(cell, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("—")]
    [InlineData("belum ada")]
    public void A_blank_or_a_bare_dash_is_no_value_and_no_error(string? cell)
    {
        Assert.Null(IndonesianNumbers.Rupiah(cell, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("sekitar dua ratus", "Tidak dapat membaca \"sekitar dua ratus\" sebagai nilai rupiah. Tulis seperti Rp 1.250.000.000 atau 1,25 miliar.")]
    [InlineData("USD 10,000", "Nilai \"USD 10,000\" bukan dalam rupiah; tulis nilainya dalam rupiah.")]
    [InlineData("$ 10.000", "Nilai \"$ 10.000\" bukan dalam rupiah; tulis nilainya dalam rupiah.")]
    [InlineData("-5.000.000", "Nilai \"-5.000.000\" negatif; nilai kerja sama tidak boleh negatif.")]
    [InlineData("1.25.000", "Tidak dapat membaca \"1.25.000\" sebagai nilai rupiah. Tulis seperti Rp 1.250.000.000 atau 1,25 miliar.")]
    [InlineData("15 Januari 2025", "Tidak dapat membaca \"15 Januari 2025\" sebagai nilai rupiah. Tulis seperti Rp 1.250.000.000 atau 1,25 miliar.")]
    public void Garbage_is_an_indonesian_error_naming_what_was_read(string cell, string expected)
    {
        Assert.Null(IndonesianNumbers.Rupiah(cell, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_lone_comma_before_three_digits_is_ambiguous_and_refused()
    {
        Assert.Null(IndonesianNumbers.Rupiah("75,500", out var error));
        Assert.Contains("tidak jelas", error);
        Assert.Contains("75.500", error);
    }

    [Theory]
    [InlineData("satu", 1)]
    [InlineData("lima", 5)]
    [InlineData("sepuluh", 10)]
    [InlineData("sebelas", 11)]
    [InlineData("dua belas", 12)]
    [InlineData("lima belas", 15)]
    [InlineData("dua puluh", 20)]
    [InlineData("dua puluh lima", 25)]
    [InlineData("Sembilan Puluh Sembilan", 99)]
    [InlineData("satu setengah", 1.5)]
    [InlineData("setengah", 0.5)]
    public void Number_words_are_read(string words, double expected) =>
        Assert.Equal((decimal)expected, IndonesianNumbers.FromWords(words));

    [Theory]
    [InlineData("")]
    [InlineData("lima dua")]
    [InlineData("belas")]
    [InlineData("dua puluh lima belas")]
    [InlineData("banyak")]
    public void Words_that_are_not_a_number_are_null(string words) =>
        Assert.Null(IndonesianNumbers.FromWords(words));

    private static readonly Dictionary<string, string> Urusan = new()
    {
        ["Pendidikan"] = "1.01",
        ["Kesehatan"] = "1.02",
        ["Pekerjaan Umum dan Penataan Ruang"] = "1.03",
        ["Perumahan dan Kawasan Permukiman"] = "1.04",
        ["Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat"] = "1.05",
        ["Sosial"] = "1.06",
        ["Lingkungan Hidup"] = "2.11",
        ["Komunikasi dan Informatika"] = "2.16",
        ["Koperasi, Usaha Kecil, dan Menengah"] = "2.17",
        ["Kebudayaan"] = "2.22",
        ["Pariwisata"] = "3.26",
        ["Pertanian"] = "3.27",
    };

    [Theory]
    [InlineData("1.02", new[] { "1.02" })]
    [InlineData("1.02; 2.11", new[] { "1.02", "2.11" })]
    [InlineData("1.02, 2.11", new[] { "1.02", "2.11" })]
    [InlineData("1.2", new[] { "1.02" })]
    [InlineData("01.02", new[] { "1.02" })]
    [InlineData("Kesehatan", new[] { "1.02" })]
    [InlineData("KESEHATAN", new[] { "1.02" })]
    [InlineData("1.02 Kesehatan", new[] { "1.02" })]
    [InlineData("Pendidikan dan Kesehatan", new[] { "1.01", "1.02" })]
    [InlineData("Kebudayaan; Pariwisata", new[] { "2.22", "3.26" })]
    [InlineData("Pekerjaan Umum dan Penataan Ruang", new[] { "1.03" })]
    [InlineData("Koperasi, Usaha Kecil dan Menengah", new[] { "2.17" })]
    [InlineData("PUPR, Kominfo", new[] { "1.03", "2.16" })]
    [InlineData("UMKM", new[] { "2.17" })]
    [InlineData("Urusan Kesehatan\nUrusan Sosial", new[] { "1.02", "1.06" })]
    public void Urusan_cells_give_codes_by_code_or_by_name(string cell, string[] expected)
    {
        Assert.Equal(expected, IndonesianNumbers.UrusanCodes(cell, Urusan, out var unrecognised));
        Assert.Empty(unrecognised);
    }

    [Fact]
    public void Unknown_codes_and_names_are_reported_not_dropped_silently()
    {
        var codes = IndonesianNumbers.UrusanCodes("1.02; 9.99; Antariksa", Urusan, out var unrecognised);
        Assert.Equal(["1.02"], codes);
        Assert.Equal(["9.99", "Antariksa"], unrecognised);
    }

    [Fact]
    public void Without_a_list_codes_are_taken_as_written()
    {
        Assert.Equal(["1.02", "2.11"], IndonesianNumbers.UrusanCodes("2.11; 1.02", new Dictionary<string, string>()));
        Assert.Empty(IndonesianNumbers.UrusanCodes(null, Urusan));
        Assert.Empty(IndonesianNumbers.UrusanCodes("  ", Urusan));
    }
}
