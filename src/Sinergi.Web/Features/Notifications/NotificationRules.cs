using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Budget;
using Sinergi.Features.Settings;
using Sinergi.Web;

namespace Sinergi.Features.Notifications;

/// <summary>What a rule owes on a day: a message about one agreement, for its admin and OPD users (and its partners' contacts).</summary>
/// <remarks>
/// A rule about something other than an agreement (the TKKSD's SK, an action item) puts that row's id in
/// <c>AgreementId</c> (the ledger key), its own <c>Link</c>, and the accounts it is for in <c>UserIds</c>.
/// </remarks>
public sealed record Due(string Rule, NotificationKind Kind, int AgreementId, int Offset, string Title, string Body, bool ToPartners,
    string? Link = null, IReadOnlyList<string>? UserIds = null);

/// <summary>
/// A reminder rule of the daily job. Other modules (monitoring: evaluation periods, obstacles)
/// add theirs by registering an implementation; the job, the ledger and the channels are shared.
/// </summary>
public interface INotificationRule
{
    Task<IReadOnlyList<Due>> DueAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct);
}

/// <summary>
/// Expiry: at each of the region's reminder days (90, 60, 30, 7 and 0 by default) before the end.
/// The offset is the smallest reminder day not before the days left, so a day the job missed is
/// caught up on the next run and the ledger keeps it to one message per offset. An agreement that
/// was extended (by a signed extension) or terminated gets no more.
/// </summary>
public sealed class ExpiryRule : INotificationRule
{
    public const string Name = "expiry";

    public static IReadOnlyList<int> Offsets(string? setting)
    {
        var days = (setting ?? RegionSettings.DefaultReminderDays).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(d => int.TryParse(d, out var n) ? n : -1).Where(n => n is >= 0 and <= 730).Distinct().Order().ToList();
        return days.Count > 0 ? days : Offsets(RegionSettings.DefaultReminderDays);
    }

    public async Task<IReadOnlyList<Due>> DueAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct)
    {
        if (!await NotificationRuleCatalog.EnabledAsync(db, regionCode, Name, ct))
            return [];
        var offsets = Offsets(await db.RegionSettings.Where(s => s.RegionCode == regionCode).Select(s => s.ReminderDays).SingleOrDefaultAsync(ct));
        var horizon = today.AddDays(offsets[^1]);
        var ending = await db.Agreements.IgnoreQueryFilters()
            .Where(a => a.RegionCode == regionCode && a.Lifecycle == AgreementLifecycle.Aktif && a.EndsOn != null && a.EndsOn >= today && a.EndsOn <= horizon)
            .Where(a => !a.Extensions.Any(e => e.Lifecycle != AgreementLifecycle.Draf))
            .Select(a => new { a.Id, a.Number, a.Title, EndsOn = a.EndsOn!.Value })
            .ToListAsync(ct);
        return ending.Select(a =>
        {
            var left = a.EndsOn.DayNumber - today.DayNumber;
            var offset = offsets.First(o => o >= left);
            var when = left == 0 ? "hari ini" : $"dalam {left} hari, pada {Indonesian.Date(a.EndsOn)}";
            var name = a.Number is null ? a.Title : $"{a.Number} — {a.Title}";
            return new Due(Name, NotificationKind.Expiry, a.Id, offset,
                $"Kerja sama berakhir {(left == 0 ? "hari ini" : $"dalam {left} hari")}: {a.Number ?? a.Title}",
                $"Kerja sama {name} berakhir {when}. Siapkan perpanjangan melalui TKKSD bila kerja sama masih diperlukan.", ToPartners: true);
        }).ToList();
    }
}

/// <summary>At the start of a fiscal year (January): agreements in force that year with no budget line for it.</summary>
public sealed class BudgetMissingRule : INotificationRule
{
    public const string Name = "budget-missing";

    public async Task<IReadOnlyList<Due>> DueAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct)
    {
        if (today.Month != 1 || !await NotificationRuleCatalog.EnabledAsync(db, regionCode, Name, ct) || !(await db.RegionSettings.Where(s => s.RegionCode == regionCode).Select(s => (bool?)s.BudgetReminders).SingleOrDefaultAsync(ct) ?? true))
            return [];
        var query = await BudgetChecks.QueryAsync(db, regionCode, BudgetCheck.NotIntegrated, today.Year, today, RegionSettings.DefaultMinRealisationPercent, ct);
        var missing = await query.Select(a => new { a.Id, a.Number, a.Title }).ToListAsync(ct);
        return missing.Select(a => new Due(Name, NotificationKind.BudgetMissing, a.Id, today.Year,
            $"Belum ada anggaran {today.Year}: {a.Number ?? a.Title}",
            $"Kerja sama {a.Title} berlaku pada tahun {today.Year} tetapi belum memiliki baris anggaran tahun itu. Catat pagunya dan dokumen perencanaannya (RKPD, Renja OPD, DPA).",
            ToPartners: false)).ToList();
    }
}
