using Sinergi.Features.Import;
using Sinergi.Features.Partners;

namespace Sinergi.Tests.Import;

public sealed class PartnerGuessesTests
{
    [Theory]
    [InlineData("Kabupaten Pulang Pisau", PartnerType.PemerintahDaerah)]
    [InlineData("Kab. Kapuas", PartnerType.PemerintahDaerah)]
    [InlineData("Pemprov Kalteng", PartnerType.PemerintahDaerah)]
    [InlineData("DPRD Kota Palangka Raya", PartnerType.PemerintahDaerah)]
    [InlineData("RSUD dr. Doris Sylvanus", PartnerType.PemerintahDaerah)]
    [InlineData("Kementerian Kesehatan", PartnerType.KementerianLembaga)]
    [InlineData("Kemenkes RI", PartnerType.KementerianLembaga)]
    [InlineData("Bank Indonesia Perwakilan Kalimantan Tengah", PartnerType.KementerianLembaga)]
    [InlineData("Otoritas Jasa Keuangan", PartnerType.KementerianLembaga)]
    [InlineData("Kejaksaan Negeri Palangka Raya", PartnerType.KementerianLembaga)]
    [InlineData("Universitas Palangka Raya", PartnerType.PerguruanTinggi)]
    [InlineData("Universitas Muhammadiyah Palangkaraya", PartnerType.PerguruanTinggi)]
    [InlineData("Institut Agama Islam Negeri Palangka Raya", PartnerType.PerguruanTinggi)]
    [InlineData("STIE Palangka Raya", PartnerType.PerguruanTinggi)]
    [InlineData("PT Bank Rakyat Indonesia (Persero) Tbk", PartnerType.BumnBumd)]
    [InlineData("PT Bank Kalteng", PartnerType.BumnBumd)]
    [InlineData("PDAM Kota Palangka Raya", PartnerType.BumnBumd)]
    [InlineData("Perumda Air Minum", PartnerType.BumnBumd)]
    [InlineData("Badan Usaha Milik Desa Maju Bersama", PartnerType.BumnBumd)]
    [InlineData("PT PLN (Persero)", PartnerType.BumnBumd)]
    [InlineData("PT Telkom Indonesia", PartnerType.BumnBumd)]
    [InlineData("PT Bank Central Asia Tbk", PartnerType.Swasta)]
    [InlineData("PT Sinar Jaya Abadi", PartnerType.Swasta)]
    [InlineData("CV Maju Bersama", PartnerType.Swasta)]
    [InlineData("Koperasi Produsen Gula Aren", PartnerType.Swasta)]
    [InlineData("PT Toyota Motor Manufacturing Indonesia", PartnerType.Swasta)]
    [InlineData("Rumah Sakit Siloam", PartnerType.Swasta)]
    [InlineData("Yayasan Borneo Nature", PartnerType.Ormas)]
    [InlineData("Lembaga Swadaya Masyarakat Peduli Hutan", PartnerType.Ormas)]
    [InlineData("Palang Merah Indonesia", PartnerType.Ormas)]
    [InlineData("Dewan Adat Dayak", PartnerType.Ormas)]
    [InlineData("JICA", PartnerType.LuarNegeri)]
    [InlineData("Japan International Cooperation Agency", PartnerType.LuarNegeri)]
    [InlineData("Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH", PartnerType.LuarNegeri)]
    [InlineData("World Bank", PartnerType.LuarNegeri)]
    [InlineData("University of Queensland", PartnerType.LuarNegeri)]
    [InlineData("Universiti Malaysia Sabah", PartnerType.LuarNegeri)]
    public void Partner_type_is_guessed_from_the_name(string name, PartnerType expected)
    {
        var guess = ImportGuesses.PartnerTypeFrom(name);
        Assert.NotNull(guess);
        Assert.Equal(expected, guess.Value);
        Assert.True(guess.IsGuess);
        Assert.StartsWith("Jenis mitra ditebak dari nama: \"", guess.Reason);
    }

    [Fact]
    public void Partner_type_reason_quotes_the_word_it_went_by()
    {
        Assert.Equal("Jenis mitra ditebak dari nama: \"Universitas\" (perguruan tinggi).", ImportGuesses.PartnerTypeFrom("Universitas Palangka Raya")!.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bapak Budi Santoso")]
    [InlineData("Sinar Jaya")]
    public void A_name_that_says_nothing_about_its_type_gives_no_guess(string name) =>
        Assert.Null(ImportGuesses.PartnerTypeFrom(name));

    [Theory]
    [InlineData("PT A Jaya; Universitas B", new[] { "PT A Jaya", "Universitas B" })]
    [InlineData("1. PT A Jaya 2. PT B Makmur", new[] { "PT A Jaya", "PT B Makmur" })]
    [InlineData("1) PT A Jaya\n2) PT B Makmur", new[] { "PT A Jaya", "PT B Makmur" })]
    [InlineData("PT A Jaya\r\nUniversitas B\r\n", new[] { "PT A Jaya", "Universitas B" })]
    [InlineData("- PT A Jaya\n- CV B Makmur", new[] { "PT A Jaya", "CV B Makmur" })]
    [InlineData("PT A Jaya dan Universitas B", new[] { "PT A Jaya", "Universitas B" })]
    [InlineData("Kabupaten Katingan dan Kabupaten Gunung Mas", new[] { "Kabupaten Katingan", "Kabupaten Gunung Mas" })]
    [InlineData("PT A Jaya, PT B Makmur, dan Universitas C", new[] { "PT A Jaya", "PT B Makmur", "Universitas C" })]
    [InlineData("Pihak I: Pemerintah Kota Palangka Raya; Pihak II: PT A Jaya", new[] { "Pemerintah Kota Palangka Raya", "PT A Jaya" })]
    [InlineData("Dinas Kebudayaan dan Pariwisata", new[] { "Dinas Kebudayaan dan Pariwisata" })]
    [InlineData("Dinas Kebudayaan dan Pariwisata Kota Banjarmasin", new[] { "Dinas Kebudayaan dan Pariwisata Kota Banjarmasin" })]
    [InlineData("Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi", new[] { "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi" })]
    [InlineData("PT Bank Rakyat Indonesia (Persero), Tbk", new[] { "PT Bank Rakyat Indonesia (Persero), Tbk" })]
    [InlineData("Kabupaten Kotawaringin Timur, Provinsi Kalimantan Tengah", new[] { "Kabupaten Kotawaringin Timur, Provinsi Kalimantan Tengah" })]
    [InlineData("SMA Negeri 1 Palangka Raya", new[] { "SMA Negeri 1 Palangka Raya" })]
    [InlineData("PT Sinar Jaya dan Rekan", new[] { "PT Sinar Jaya dan Rekan" })]
    [InlineData("Kota Palangka Raya - Kabupaten Katingan", new[] { "Kota Palangka Raya", "Kabupaten Katingan" })]
    [InlineData("BPJS Kesehatan & BPJS Ketenagakerjaan", new[] { "BPJS Kesehatan", "BPJS Ketenagakerjaan" })]
    [InlineData("PT A Jaya; PT. A Jaya", new[] { "PT A Jaya" })]
    [InlineData("Direktorat Jenderal Kependudukan dan Pencatatan Sipil, Kementerian Dalam Negeri", new[] { "Direktorat Jenderal Kependudukan dan Pencatatan Sipil, Kementerian Dalam Negeri" })]
    [InlineData("Balai Wilayah Sungai Kalimantan II, Kementerian PUPR; Universitas Palangka Raya", new[] { "Balai Wilayah Sungai Kalimantan II, Kementerian PUPR", "Universitas Palangka Raya" })]
    public void Multi_partner_cells_split_only_between_organisations(string cell, string[] expected) =>
        Assert.Equal(expected, ImportGuesses.Partners(cell));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ; ")]
    public void An_empty_partner_cell_has_no_partners(string? cell) =>
        Assert.Empty(ImportGuesses.Partners(cell));
}
