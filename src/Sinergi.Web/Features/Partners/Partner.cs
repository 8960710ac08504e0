using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Partners;

public enum PartnerType
{
    PemerintahDaerah,
    KementerianLembaga,
    Swasta,
    PerguruanTinggi,
    BumnBumd,
    Ormas,
    LuarNegeri,
}

/// <summary>
/// A party a region cooperates with, kept in the region's own directory. A partner that is
/// another Pemerintah Daerah points at its <see cref="Region"/>, which lets that region see the
/// agreements it is party to.
/// </summary>
public class Partner : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public PartnerType Type { get; set; }
    public required string Name { get; set; }
    /// <summary>The name reduced for duplicate detection: see <see cref="NormalizeName"/>.</summary>
    public required string NormalizedName { get; set; }
    public string? LinkedRegionCode { get; set; }
    public Region? LinkedRegion { get; set; }
    public string? Address { get; set; }
    public string? Country { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public List<Agreement> Agreements { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static string Label(PartnerType type) => type switch
    {
        PartnerType.PemerintahDaerah => "Pemerintah daerah",
        PartnerType.KementerianLembaga => "Kementerian/lembaga",
        PartnerType.Swasta => "Swasta",
        PartnerType.PerguruanTinggi => "Perguruan tinggi",
        PartnerType.BumnBumd => "BUMN/BUMD",
        PartnerType.Ormas => "Ormas/LSM",
        _ => "Luar negeri",
    };

    public static string Slug(PartnerType type) => type switch
    {
        PartnerType.PemerintahDaerah => "pemda",
        PartnerType.KementerianLembaga => "kl",
        PartnerType.Swasta => "swasta",
        PartnerType.PerguruanTinggi => "pt",
        PartnerType.BumnBumd => "bumn-bumd",
        PartnerType.Ormas => "ormas",
        _ => "luar-negeri",
    };

    public static PartnerType? TypeFromSlug(string? slug) =>
        Enum.GetValues<PartnerType>().Select(t => (PartnerType?)t).FirstOrDefault(t => Slug(t!.Value) == slug?.Trim().ToLowerInvariant());

    /// <summary>
    /// The partners a directory search finds: by name (with or without its legal form, and with or
    /// without the spaces between words, so "palangkaraya" finds "Palangka Raya") or by contact name.
    /// The directory page and the API search through here.
    /// </summary>
    public static IQueryable<Partner> Matching(IQueryable<Partner> partners, string? query)
    {
        // Control characters (a NUL) would fail the query on PostgreSQL; they are never part of a name.
        query = Web.Text.Clean(query);
        if (query is null)
            return partners;
        var term = query.ToLower();
        var normalized = NormalizeName(query);
        var compact = normalized.Replace(" ", "", StringComparison.Ordinal);
        return partners.Where(p => p.Name.ToLower().Contains(term) || p.NormalizedName.Contains(normalized)
            || (compact.Length > 0 && p.NormalizedName.Replace(" ", "").Contains(compact))
            || (p.ContactName != null && p.ContactName.ToLower().Contains(term)));
    }

    // Words that say what kind of body it is, not which one: "PT. Bank Kalteng" is "Bank Kalteng".
    private static readonly HashSet<string> LegalForms = ["pt", "cv", "tbk", "persero", "perseroda", "perum", "ud", "pd", "yayasan", "koperasi"];

    /// <summary>
    /// Lower case, letters and digits only, accents dropped, legal forms and the "pemerintah"
    /// prefix removed: "PT. Bank Pembangunan Daerah Kalteng (Perseroda)" and
    /// "Bank Pembangunan Daerah Kalteng" are one partner.
    /// </summary>
    public static string NormalizeName(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var cleaned = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            cleaned.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        var words = cleaned.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !LegalForms.Contains(w))
            .ToList();
        if (words.Count > 1 && words[0] == "pemerintah")
            words.RemoveAt(0);
        return string.Join(' ', words);
    }
}

internal sealed class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> partner)
    {
        partner.Property(p => p.RegionCode).HasMaxLength(5);
        partner.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
        partner.Property(p => p.Name).HasMaxLength(300);
        partner.Property(p => p.NormalizedName).HasMaxLength(300);
        partner.Property(p => p.LinkedRegionCode).HasMaxLength(5);
        partner.Property(p => p.Address).HasMaxLength(500);
        partner.Property(p => p.Country).HasMaxLength(100);
        partner.Property(p => p.ContactName).HasMaxLength(120);
        partner.Property(p => p.ContactPhone).HasMaxLength(40);
        partner.Property(p => p.ContactEmail).HasMaxLength(200);
        partner.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        partner.HasOne(p => p.LinkedRegion).WithMany().HasForeignKey(p => p.LinkedRegionCode).OnDelete(DeleteBehavior.Restrict);
        partner.HasIndex(p => new { p.RegionCode, p.Type, p.NormalizedName }).IsUnique();
    }
}
