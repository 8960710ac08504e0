using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Settings;

namespace Sinergi.Features.Notifications;

/// <summary>A region's reminder rules and expiry days: what the settings page and the API both read and save.</summary>
public static class NotificationSettingsStore
{
    public sealed record RuleChoice(string Rule, bool Enabled, bool ToAdmin, bool ToOpd, bool ToPartners);

    public sealed record View(string ReminderDays, IReadOnlyList<RuleChoice> Rules);

    public static async Task<View> ReadAsync(AppDbContext db, string regionCode, CancellationToken ct = default)
    {
        var days = await db.RegionSettings.Where(s => s.RegionCode == regionCode).Select(s => s.ReminderDays).SingleOrDefaultAsync(ct);
        var rules = await NotificationRuleCatalog.AllAsync(db, regionCode, ct);
        return new View(string.Join(", ", ExpiryRule.Offsets(days).OrderDescending()),
            rules.Select(r => new RuleChoice(r.Rule, r.Enabled, r.ToAdmin, r.ToOpd, r.ToPartners)).ToList());
    }

    /// <summary>The reminder days as typed (<c>90, 60, 30, 7, 0</c>), or the problem with them.</summary>
    public static (List<int>? Days, string? Problem) ParseDays(string? text)
    {
        var parts = (text ?? "").Split([',', ';', ' '], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
            return (null, "Isi paling sedikit satu hari pengingat, misalnya 90, 60, 30, 7, 0.");
        var days = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day) || day > 730)
                return (null, $"\"{part}\" bukan hari pengingat yang sah: isi angka 0 sampai 730, dipisahkan koma.");
            days.Add(day);
        }
        return (days.Distinct().OrderDescending().ToList(), null);
    }

    /// <summary>Saves the region's choices; field problems (keys <c>reminderDays</c>, <c>rules</c>) and nothing saved when any.</summary>
    public static async Task<Dictionary<string, string[]>> SaveAsync(AppDbContext db, string regionCode, string? reminderDays, IReadOnlyList<RuleChoice>? rules,
        CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var (days, problem) = ParseDays(reminderDays);
        if (problem is not null)
            problems["reminderDays"] = [problem];
        var unknown = (rules ?? []).Select(r => r.Rule).Where(r => NotificationRuleCatalog.All.All(e => e.Rule != r)).ToList();
        if (unknown.Count > 0)
            problems["rules"] = [$"Aturan pengingat tidak dikenal: {string.Join(", ", unknown)}."];
        if (problems.Count > 0)
            return problems;

        var settings = await db.RegionSettings.SingleOrDefaultAsync(s => s.RegionCode == regionCode, ct);
        if (settings is null)
            db.RegionSettings.Add(settings = new RegionSettings { RegionCode = regionCode });
        settings.ReminderDays = string.Join(",", days!);
        var existing = await db.NotificationRuleSettings.Where(s => s.RegionCode == regionCode).ToListAsync(ct);
        foreach (var choice in rules ?? [])
        {
            var offersPartners = NotificationRuleCatalog.All.Single(e => e.Rule == choice.Rule).OffersPartners;
            var row = existing.SingleOrDefault(s => s.Rule == choice.Rule);
            if (row is null)
                db.NotificationRuleSettings.Add(row = new NotificationRuleSetting { RegionCode = regionCode, Rule = choice.Rule });
            (row.Enabled, row.ToAdmin, row.ToOpd, row.ToPartners) = (choice.Enabled, choice.ToAdmin, choice.ToOpd, offersPartners && choice.ToPartners);
            if (choice.Rule == BudgetMissingRule.Name)
                settings.BudgetReminders = choice.Enabled;
        }
        await db.SaveChangesAsync(ct);
        return problems;
    }
}
