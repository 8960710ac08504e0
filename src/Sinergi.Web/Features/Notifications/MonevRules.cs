using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Notifications;

/// <summary>
/// Evaluation periods from the monitoring module: a period that has ended with the OPD's report not
/// in is due (once), and past its due date overdue (once more). The offset is the period's due date
/// as a day number, so each period of an agreement is its own ledger key.
/// </summary>
public sealed class EvaluationRules : INotificationRule
{
    public const string DueName = "evaluation-due";
    public const string OverdueName = "evaluation-overdue";

    public async Task<IReadOnlyList<Due>> DueAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct)
    {
        var (due, overdue) = (await NotificationRuleCatalog.EnabledAsync(db, regionCode, DueName, ct), await NotificationRuleCatalog.EnabledAsync(db, regionCode, OverdueName, ct));
        if (!due && !overdue)
            return [];
        // Outside a request the scope is unrestricted; naming the region keeps it to the region's own agreements.
        var rows = await MonevQueries.DueAsync(db, new RegionScope(new HttpContextAccessor()), regionCode, today, ct);
        return rows.Where(r => r.State < PeriodState.Dikirim && (r.Overdue ? overdue : due)).Select(r =>
        {
            var name = r.Number ?? r.Title;
            return r.Overdue
                ? new Due(OverdueName, NotificationKind.EvaluationDue, r.AgreementId, r.Period.DueOn.DayNumber,
                    $"Laporan monev {r.Period.Label} terlambat: {name}",
                    $"Laporan pelaksanaan kerja sama {r.Title} untuk periode {r.Period.Label} ({EvaluationPeriods.Span(r.Period)}) seharusnya dikirim paling lambat {Indonesian.Date(r.Period.DueOn)} dan belum masuk.",
                    ToPartners: false)
                : new Due(DueName, NotificationKind.EvaluationDue, r.AgreementId, r.Period.DueOn.DayNumber,
                    $"Laporan monev {r.Period.Label} jatuh tempo {Indonesian.Date(r.Period.DueOn)}: {name}",
                    $"Periode {r.Period.Label} ({EvaluationPeriods.Span(r.Period)}) kerja sama {r.Title} telah berakhir. Kirim laporan pelaksanaannya paling lambat {Indonesian.Date(r.Period.DueOn)}.",
                    ToPartners: false);
        }).ToList();
    }
}

/// <summary>
/// Kendala whose follow-up is due: not solved, due within <see cref="DaysAhead"/> days (offset: the
/// obstacle's id) and again once past due (offset: minus its id), on agreements that are not drafts.
/// </summary>
public sealed class ObstacleDueRule : INotificationRule
{
    public const string Name = "obstacle-due";
    public const int DaysAhead = 7;

    public async Task<IReadOnlyList<Due>> DueAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct)
    {
        if (!await NotificationRuleCatalog.EnabledAsync(db, regionCode, Name, ct))
            return [];
        var horizon = today.AddDays(DaysAhead);
        var open = await db.Obstacles.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.RegionCode == regionCode && o.Status != ObstacleStatus.Selesai && o.DueOn != null && o.DueOn <= horizon
                && o.Agreement!.Lifecycle != AgreementLifecycle.Draf)
            .OrderBy(o => o.Id)
            .Select(o => new { o.Id, o.AgreementId, o.Agreement!.Number, o.Agreement.Title, o.Description, o.Action, DueOn = o.DueOn!.Value })
            .ToListAsync(ct);
        return open.Select(o =>
        {
            var late = o.DueOn < today;
            var what = o.Description.Length > 120 ? o.Description[..120] + "…" : o.Description;
            return new Due(Name, NotificationKind.ObstacleDue, o.AgreementId, late ? -o.Id : o.Id,
                $"Tindak lanjut kendala {(late ? "terlambat" : "jatuh tempo")} {Indonesian.Date(o.DueOn)}: {o.Number ?? o.Title}",
                $"Kendala pada kerja sama {o.Title}: {what}. Tindak lanjut{(o.Action is null ? "" : $" ({o.Action})")} "
                + (late ? $"seharusnya selesai pada {Indonesian.Date(o.DueOn)} dan kini dibahas TKKSD." : $"harus selesai paling lambat {Indonesian.Date(o.DueOn)}."),
                ToPartners: false);
        }).ToList();
    }
}
