using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sinergi.Features.Regions;

public enum RegionLevel
{
    Provinsi,
    Kabupaten,
    Kota,
}

/// <summary>
/// A Pemerintah Daerah, keyed by its Kemendagri code (<c>62</c> for a province, <c>62.71</c> for a
/// kabupaten/kota). Loaded from idn-area-data; it is the tenant of everything a region owns.
/// </summary>
public class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public RegionLevel Level { get; set; }
    public string? ProvinceCode { get; set; }
    public Region? Province { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>
    /// Rises with every committed change to what the region's registry shows (its agreements, those
    /// shared with it, their links and search text, its OPDs and partners). Figures kept in memory
    /// about the registry, such as the counts per status, are valid only for the version they were
    /// read at, so every app node sees a change at once.
    /// </summary>
    public long RegistryVersion { get; set; }

    public bool IsProvince => Level == RegionLevel.Provinsi;

    /// <summary>"Pemerintah Kota Palangkaraya", "Pemerintah Provinsi Kalimantan Tengah".</summary>
    public string GovernmentName => IsProvince ? $"Pemerintah Provinsi {Name}" : $"Pemerintah {Name}";

    public static RegionLevel LevelOf(string code, string name) =>
        !code.Contains('.') ? RegionLevel.Provinsi
        : name.StartsWith("Kota ", StringComparison.OrdinalIgnoreCase) ? RegionLevel.Kota
        : RegionLevel.Kabupaten;

    public static string ProvinceCodeOf(string code) => code.Split('.')[0];

    /// <summary>What an API answers for a <c>region=</c> that is not a region code at all.</summary>
    public const string CodeFormatProblem = "region adalah kode wilayah Kemendagri, mis. 62 atau 62.71.";

    public static bool IsWellFormedCode(string? code) =>
        code is { Length: 2 or 5 }
        && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1])
        && (code.Length == 2 || (code[2] == '.' && char.IsAsciiDigit(code[3]) && char.IsAsciiDigit(code[4])));
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> region)
    {
        region.HasKey(r => r.Code);
        region.Property(r => r.Code).HasMaxLength(5);
        region.Property(r => r.Name).HasMaxLength(100);
        region.Property(r => r.Level).HasConversion<string>().HasMaxLength(10);
        region.Property(r => r.ProvinceCode).HasMaxLength(2);
        region.HasOne(r => r.Province).WithMany().HasForeignKey(r => r.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        region.HasIndex(r => r.Name);
    }
}
