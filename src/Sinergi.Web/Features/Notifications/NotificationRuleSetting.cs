using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Notifications;

/// <summary>
/// A region's choice for one reminder rule: on or off, and who receives it. A region without a row
/// for a rule has its defaults (<see cref="NotificationRuleCatalog"/>); the expiry days stay in
/// <c>RegionSettings.ReminderDays</c>, where the expiry rule has always read them.
/// </summary>
public class NotificationRuleSetting
{
    public required string RegionCode { get; set; }
    /// <summary>The rule's fixed name, e.g. <c>expiry</c>.</summary>
    public required string Rule { get; set; }
    public bool Enabled { get; set; } = true;
    public bool ToAdmin { get; set; } = true;
    public bool ToOpd { get; set; } = true;
    /// <summary>The partners' contact emails (only rules about the partner's side offer this).</summary>
    public bool ToPartners { get; set; }
}

/// <summary>The rules a region can configure, with their labels and defaults.</summary>
public static class NotificationRuleCatalog
{
    public sealed record Entry(string Rule, string Label, string Description, bool OffersPartners);

    public static readonly IReadOnlyList<Entry> All =
    [
        new(ExpiryRule.Name, "Kerja sama akan berakhir", "Pada hari-hari pengingat sebelum tanggal berakhir. Berhenti bila kerja sama diperpanjang atau diakhiri.", true),
        new(EvaluationRules.DueName, "Laporan monev jatuh tempo", "Periode evaluasi telah berakhir dan laporan pelaksanaan OPD belum dikirim.", false),
        new(EvaluationRules.OverdueName, "Laporan monev terlambat", "Batas waktu laporan pelaksanaan telah lewat dan laporan belum dikirim.", false),
        new(ObstacleDueRule.Name, "Tindak lanjut kendala jatuh tempo", $"Kendala yang belum selesai, {ObstacleDueRule.DaysAhead} hari sebelum batas waktu tindak lanjutnya atau sesudahnya.", false),
        new(Participants.ParticipantsRule.Name, "Peserta magang/PKL tanpa BPJS Ketenagakerjaan", "Peserta pada kerja sama yang berlaku belum terdaftar atau masa berlakunya habis; kepada OPD pelaksana.", false),
        new(Tkksd.TkksdTermRule.Name, "Masa tugas TKKSD akan berakhir", $"{Tkksd.TkksdRegister.TermWarningDays}, 30 dan 7 hari sebelum akhir masa tugas menurut SK TKKSD; kepada Admin dan anggota TKKSD.", false),
        new(Tkksd.ActionItemOverdueRule.Name, "Tindak lanjut rapat TKKSD terlambat", "Tindak lanjut yang lewat batas waktu dieskalasi kepada penanggung jawab, Admin dan ketua TKKSD.", false),
        new(BudgetMissingRule.Name, "Anggaran belum tercantum", "Pada bulan Januari: kerja sama yang berlaku tahun itu tanpa baris anggaran tahun itu.", false),
    ];

    public static NotificationRuleSetting Default(string regionCode, string rule) =>
        new() { RegionCode = regionCode, Rule = rule, ToPartners = rule == ExpiryRule.Name };

    /// <summary>The region's setting for a rule: its row, or the defaults.</summary>
    public static async Task<NotificationRuleSetting> ForAsync(AppDbContext db, string regionCode, string rule, CancellationToken ct = default) =>
        await db.NotificationRuleSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode && s.Rule == rule, ct)
            ?? Default(regionCode, rule);

    public static async Task<bool> EnabledAsync(AppDbContext db, string regionCode, string rule, CancellationToken ct = default) =>
        (await ForAsync(db, regionCode, rule, ct)).Enabled;

    /// <summary>Every configurable rule of the region, in the catalogue's order.</summary>
    public static async Task<List<NotificationRuleSetting>> AllAsync(AppDbContext db, string regionCode, CancellationToken ct = default)
    {
        var rows = await db.NotificationRuleSettings.AsNoTracking().Where(s => s.RegionCode == regionCode).ToListAsync(ct);
        return All.Select(e => rows.SingleOrDefault(r => r.Rule == e.Rule) ?? Default(regionCode, e.Rule)).ToList();
    }
}

internal sealed class NotificationRuleSettingConfiguration : IEntityTypeConfiguration<NotificationRuleSetting>
{
    public void Configure(EntityTypeBuilder<NotificationRuleSetting> setting)
    {
        setting.HasKey(s => new { s.RegionCode, s.Rule });
        setting.Property(s => s.RegionCode).HasMaxLength(5);
        setting.Property(s => s.Rule).HasMaxLength(40);
        setting.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}
