using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Settings;

/// <summary>Settings a region's admin chooses; a region without a row has the defaults.</summary>
public class RegionSettings
{
    public const int DefaultExpiringWindowDays = 90;

    public required string RegionCode { get; set; }
    /// <summary>How many days before its end an agreement shows as "akan berakhir".</summary>
    public int ExpiringWindowDays { get; set; } = DefaultExpiringWindowDays;

    /// <summary>The region's "akan berakhir" window; the default for the whole country or a region that chose none.</summary>
    public static async Task<int> ExpiringWindowAsync(AppDbContext db, string? regionCode, CancellationToken ct = default) =>
        regionCode is null ? DefaultExpiringWindowDays
            : await db.RegionSettings.Where(s => s.RegionCode == regionCode).Select(s => (int?)s.ExpiringWindowDays).SingleOrDefaultAsync(ct)
                ?? DefaultExpiringWindowDays;
}

internal sealed class RegionSettingsConfiguration : IEntityTypeConfiguration<RegionSettings>
{
    public void Configure(EntityTypeBuilder<RegionSettings> settings)
    {
        settings.HasKey(s => s.RegionCode);
        settings.Property(s => s.RegionCode).HasMaxLength(5);
        settings.HasOne<Region>().WithOne().HasForeignKey<RegionSettings>(s => s.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}
