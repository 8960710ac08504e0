using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Settings;

/// <summary>Settings a region's admin chooses; a region without a row has the defaults.</summary>
public class RegionSettings
{
    public const int DefaultExpiringWindowDays = 90;
    public const int DefaultMinRealisationPercent = 80;

    public required string RegionCode { get; set; }
    /// <summary>How many days before its end an agreement shows as "akan berakhir".</summary>
    public int ExpiringWindowDays { get; set; } = DefaultExpiringWindowDays;

    /// <summary>Below this share of plan realised at the end of a fiscal year, an agreement is listed by the budget checks.</summary>
    public int MinRealisationPercent { get; set; } = DefaultMinRealisationPercent;

    /// <summary>Days before an agreement's end that its reminders go out, comma-separated.</summary>
    public string ReminderDays { get; set; } = DefaultReminderDays;

    public const string DefaultReminderDays = "90,60,30,7,0";

    /// <summary>Whether agreements without a budget line are announced at the start of a fiscal year.</summary>
    public bool BudgetReminders { get; set; } = true;

    /// <summary>Who signs the region's official reports, and where: see <see cref="ReportSigner"/>.</summary>
    public string? ReportPlace { get; set; }
    public string? ReportSignerTitle { get; set; }
    public string? ReportSignerName { get; set; }
    public string? ReportSignerNip { get; set; }

    /// <summary>The region's "akan berakhir" window; the default for the whole country or a region that chose none.</summary>
    public static async Task<int> ExpiringWindowAsync(AppDbContext db, string? regionCode, CancellationToken ct = default) =>
        regionCode is null ? DefaultExpiringWindowDays
            : await db.RegionSettings.Where(s => s.RegionCode == regionCode).Select(s => (int?)s.ExpiringWindowDays).SingleOrDefaultAsync(ct)
                ?? DefaultExpiringWindowDays;
}

/// <summary>The share of plan a region expects realised by the end of a year; the default for a region that chose none.</summary>
public static class RealisationShare
{
    public static async Task<int> PercentAsync(AppDbContext db, string regionCode, CancellationToken ct = default) =>
        await db.RegionSettings.Where(s => s.RegionCode == regionCode).Select(s => (int?)s.MinRealisationPercent).SingleOrDefaultAsync(ct)
            ?? RegionSettings.DefaultMinRealisationPercent;
}

internal sealed class RegionSettingsConfiguration : IEntityTypeConfiguration<RegionSettings>
{
    public void Configure(EntityTypeBuilder<RegionSettings> settings)
    {
        settings.HasKey(s => s.RegionCode);
        settings.Property(s => s.MinRealisationPercent).HasDefaultValue(RegionSettings.DefaultMinRealisationPercent);
        settings.Property(s => s.ReminderDays).HasMaxLength(60).HasDefaultValue(RegionSettings.DefaultReminderDays);
        settings.Property(s => s.BudgetReminders).HasDefaultValue(true);
        settings.Property(s => s.RegionCode).HasMaxLength(5);
        settings.Property(s => s.ReportPlace).HasMaxLength(ReportSigner.MaxPlace);
        settings.Property(s => s.ReportSignerTitle).HasMaxLength(ReportSigner.MaxTitle);
        settings.Property(s => s.ReportSignerName).HasMaxLength(ReportSigner.MaxName);
        settings.Property(s => s.ReportSignerNip).HasMaxLength(18);
        settings.HasOne<Region>().WithOne().HasForeignKey<RegionSettings>(s => s.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}
