using Sinergi.Features.Import;

namespace Sinergi.Tests.Import;

/// <summary>Near matches for names the directory does not know as written, against OPDs and partners like the demo's.</summary>
public sealed class ImportSuggestionsTests
{
    private static readonly ImportSuggestions Opds = new(new (string Name, string Short)[]
    {
        ("Sekretariat Daerah", "Setda"),
        ("Dinas Kesehatan", "Dinkes"),
        ("Dinas Pendidikan", "Disdik"),
        ("Dinas Kebudayaan dan Pariwisata", "Disbudpar"),
        ("Dinas Pemuda dan Olahraga", "Dispora"),
        ("Dinas Lingkungan Hidup", "DLH"),
        ("Dinas Perhubungan", "Dishub"),
        ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
        ("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil"),
    }.Select((o, i) => new ImportCandidate(i + 1, $"{o.Short} ({o.Name})", o.Name, o.Short)), "Palangkaraya");

    private static readonly ImportSuggestions Partners = new(new[]
    {
        "Universitas Palangka Raya",
        "Universitas Muhammadiyah Palangkaraya",
        "Institut Agama Islam Negeri Palangka Raya",
        "PT Bank Pembangunan Daerah Kalimantan Tengah",
        "PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Palangka Raya",
        "BPJS Kesehatan Cabang Palangka Raya",
        "BPJS Ketenagakerjaan Cabang Palangka Raya",
        "Badan Pusat Statistik Kota Palangka Raya",
        "Kejaksaan Negeri Palangka Raya",
        "Yayasan WWF Indonesia",
    }.Select((n, i) => new ImportCandidate(i + 1, n, n, null)), null);

    private static string[] Labels(IReadOnlyList<ImportSuggestion> suggestions) => suggestions.Select(s => s.Label).ToArray();

    [Theory]
    [InlineData("Dinas Pariwisata", "Disbudpar (Dinas Kebudayaan dan Pariwisata)")]
    [InlineData("Dinas Kebudayaan", "Disbudpar (Dinas Kebudayaan dan Pariwisata)")]
    [InlineData("Dinas Kesehatan Kota Palangka Raya", "Dinkes (Dinas Kesehatan)")]
    [InlineData("Dinkes Kota", "Dinkes (Dinas Kesehatan)")]
    [InlineData("Dispar", "Disbudpar (Dinas Kebudayaan dan Pariwisata)")]
    [InlineData("Dinas Kesehatn", "Dinkes (Dinas Kesehatan)")]
    [InlineData("Dinas Pendudukan dan Pencatatan Sipil", "Disdukcapil (Dinas Kependudukan dan Pencatatan Sipil)")]
    [InlineData("Badan Keuangan Daerah", "BPKAD (Badan Pengelolaan Keuangan dan Aset Daerah)")]
    public void An_opd_name_written_otherwise_suggests_the_opd_it_means_first(string written, string meant) =>
        Assert.Equal(meant, Labels(Opds.For(written)).First());

    [Theory]
    [InlineData("UPR", "Universitas Palangka Raya")]
    [InlineData("Univ. Palangka Raya", "Universitas Palangka Raya")]
    [InlineData("Universitas Muhammadiyah Palangka Raya", "Universitas Muhammadiyah Palangkaraya")]
    [InlineData("IAIN Palangka Raya", "Institut Agama Islam Negeri Palangka Raya")]
    [InlineData("Bank Rakyat Indonesia Cabang Palangka Raya", "PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Palangka Raya")]
    [InlineData("BPJS Kesehatan", "BPJS Kesehatan Cabang Palangka Raya")]
    public void A_partner_name_written_otherwise_suggests_the_partner_it_means_first(string written, string meant) =>
        Assert.Equal(meant, Labels(Partners.For(written)).First());

    [Theory]
    [InlineData("Dinas Perikanan")]
    [InlineData("Dinas")]
    [InlineData("Kecamatan Sebangau")]
    public void An_opd_like_none_the_region_has_gets_no_suggestion(string written) => Assert.Empty(Opds.For(written));

    [Theory]
    // Sharing the city most partners are in, or "Kesehatan", does not make a polytechnic BPJS.
    [InlineData("Politeknik Kesehatan Kemenkes Palangka Raya")]
    [InlineData("PT Dharma Lautan Utama")]
    [InlineData("Yayasan Borneo Nature Indonesia")]
    public void A_partner_like_none_in_the_directory_gets_no_suggestion(string written) => Assert.Empty(Partners.For(written));

    [Fact]
    public void At_most_three_are_suggested_the_likeliest_first()
    {
        var suggestions = Partners.For("Universitas Palangka Raya Muhammadiyah");
        Assert.InRange(suggestions.Count, 1, 3);
        Assert.Equal("Universitas Muhammadiyah Palangkaraya", suggestions[0].Label);
    }
}
