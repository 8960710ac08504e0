using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Budget;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Features.Dashboards;

/// <summary>
/// What an OPD has to do now: its monev reports still to send, its agreements in force this year with
/// no budget line, and the open obstacles it owns. Each read through the module that owns the rule.
/// </summary>
public sealed record OpdInbox(int OpdId, string OpdName, IReadOnlyList<MonevQueries.DueRow> Reports, IReadOnlyList<BudgetChecks.Row> NoBudget, int NoBudgetTotal,
    IReadOnlyList<OpdInbox.ObstacleRow> Obstacles)
{
    public sealed record ObstacleRow(int Id, int AgreementId, string Title, string Description, DateOnly? DueOn, bool PastDue);

    /// <summary>How many rows of each list the inbox shows before linking to the whole list.</summary>
    public const int Shown = 10;

    public static async Task<OpdInbox> ReadAsync(AppDbContext db, RegionScope scope, RegistryCache cache, string regionCode, int opdId, DateOnly today, CancellationToken ct = default)
    {
        var name = await db.Opds.IgnoreQueryFilters().Where(o => o.Id == opdId && o.RegionCode == regionCode).Select(o => o.ShortName).SingleOrDefaultAsync(ct) ?? "";
        var reports = (await MonevQueries.DueAsync(db, scope, cache, regionCode, today, ct))
            .Where(r => r.OpdIds.Contains(opdId) && r.State < PeriodState.Dikirim).ToList();
        var minPercent = await RealisationShare.PercentAsync(db, regionCode, ct);
        // The region's list is short (its agreements in force without a line); the OPD's part of it is kept.
        var (all, _) = await BudgetChecks.ListAsync(db, regionCode, BudgetCheck.NotIntegrated, today.Year, today, minPercent, 1, 10_000, ct);
        var noBudget = all.Where(r => r.OpdIds.Contains(opdId)).ToList();
        var obstacles = await db.Obstacles.IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.RegionCode == regionCode && o.OpdId == opdId && o.Status != ObstacleStatus.Selesai)
            .OrderBy(o => o.DueOn == null).ThenBy(o => o.DueOn).ThenBy(o => o.Id)
            .Select(o => new { o.Id, o.AgreementId, o.Agreement!.Title, o.Description, o.DueOn }).ToListAsync(ct);
        return new OpdInbox(opdId, name, reports, noBudget.Take(Shown).ToList(), noBudget.Count,
            obstacles.Select(o => new ObstacleRow(o.Id, o.AgreementId, o.Title, o.Description, o.DueOn, o.DueOn < today)).ToList());
    }
}
