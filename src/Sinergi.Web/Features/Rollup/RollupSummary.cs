using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Features.Rollup;

/// <summary>
/// One row per region with its roll-up figures (its own agreements, as the roll-up counts them).
/// It is rewritten inside the transaction of every change that moves a figure
/// (<see cref="RollupSummaries.Interceptor"/>), so the roll-up reads 552 rows instead of every
/// region's agreements. The figures that move with the calendar alone (in force, ending soon, the
/// year's budget and evaluations) hold from <see cref="ComputedOn"/> until the day before
/// <see cref="FreshUntil"/>, the first day an agreement starts, enters its ending window or ends;
/// a reader that finds a row past it recomputes that row first.
/// </summary>
public class RollupSummary
{
    public required string RegionCode { get; set; }
    /// <summary>The region's date the figures were reckoned for; null until the first reckoning (a backfilled row).</summary>
    public DateOnly? ComputedOn { get; set; }
    public DateOnly? FreshUntil { get; set; }
    /// <summary>Rises with every reckoning: the dashboard keeps its budget and kendala counts under it.</summary>
    public int Version { get; set; }
    /// <summary>Agreements the region has recorded, of any status: a region with one uses Sinergi.</summary>
    public int Recorded { get; set; }
    public int InForce { get; set; }
    public int EndingSoon { get; set; }
    public int Evaluated { get; set; }
    public int InForceThisYear { get; set; }
    public int Budgeted { get; set; }
    public double? AverageRating { get; set; }
    public int Ratings { get; set; }
    public int OpenObstacles { get; set; }

    public bool IsFreshOn(DateOnly today) => ComputedOn <= today && today < FreshUntil;
}

internal sealed class RollupSummaryConfiguration : IEntityTypeConfiguration<RollupSummary>
{
    public void Configure(EntityTypeBuilder<RollupSummary> summary)
    {
        summary.ToTable("RollupSummaries");
        summary.HasKey(s => s.RegionCode);
        summary.Property(s => s.RegionCode).HasMaxLength(5);
        summary.HasOne<Region>().WithOne().HasForeignKey<RollupSummary>(s => s.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Reckons regions' summary rows: inside the transaction of a change, and for rows the calendar has overtaken.</summary>
public static class RollupSummaries
{
    /// <summary>The regions whose figures the pending changes move, beyond those the registry version already marks (agreements and their links).</summary>
    public static HashSet<string> Touched(AppDbContext db)
    {
        var regions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)
                || entry.Entity is not (Agreement or Budget.BudgetLine or Obstacle or Assessment or RegionSettings))
                continue;
            var region = entry.Property("RegionCode");
            regions.Add((string)region.CurrentValue!);
            if (entry.State == EntityState.Modified)
                regions.Add((string)region.OriginalValue!);
        }
        return regions;
    }

    /// <summary>Reckons the rows of <paramref name="regionCodes"/> afresh from their agreements, budget lines, evaluations and kendala, each for its region's day.</summary>
    public static async Task RefreshAsync(AppDbContext db, TimeProvider clock, IReadOnlyCollection<string> regionCodes, CancellationToken ct = default)
    {
        if (regionCodes.Count == 0)
            return;
        // Rows missing for regions loaded after the migration's backfill; figures follow below.
        await db.Database.ExecuteSqlRawAsync(EnsureRowsSql, ct);
        foreach (var day in regionCodes.GroupBy(code => RegionClock.Today(clock, code)))
        {
            foreach (var figures in await ReckonAsync(db, day.ToList(), day.Key, ct))
            {
                var f = figures;
                await db.Set<RollupSummary>().Where(s => s.RegionCode == f.RegionCode).ExecuteUpdateAsync(s => s
                    .SetProperty(x => x.ComputedOn, f.ComputedOn).SetProperty(x => x.FreshUntil, f.FreshUntil).SetProperty(x => x.Version, x => x.Version + 1)
                    .SetProperty(x => x.Recorded, f.Recorded).SetProperty(x => x.InForce, f.InForce).SetProperty(x => x.EndingSoon, f.EndingSoon)
                    .SetProperty(x => x.Evaluated, f.Evaluated).SetProperty(x => x.InForceThisYear, f.InForceThisYear).SetProperty(x => x.Budgeted, f.Budgeted)
                    .SetProperty(x => x.AverageRating, f.AverageRating).SetProperty(x => x.Ratings, f.Ratings).SetProperty(x => x.OpenObstacles, f.OpenObstacles), ct);
            }
        }
    }

    /// <summary>One statement both engines run: a zero row for every region that has none (a region's row is never read before it is reckoned).</summary>
    internal const string EnsureRowsSql =
        """
        INSERT INTO "RollupSummaries" ("RegionCode", "Version", "Recorded", "InForce", "EndingSoon", "Evaluated", "InForceThisYear", "Budgeted", "Ratings", "OpenObstacles")
        SELECT r."Code", 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM "Regions" r
        WHERE NOT EXISTS (SELECT 1 FROM "RollupSummaries" s WHERE s."RegionCode" = r."Code")
        ON CONFLICT ("RegionCode") DO NOTHING
        """;

    private static async Task<List<RollupSummary>> ReckonAsync(AppDbContext db, List<string> codes, DateOnly today, CancellationToken ct)
    {
        var year = today.Year;
        var (yearStart, yearEnd) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var agreements = db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => codes.Contains(a.RegionCode));
        var rows = await agreements.Select(a => new { a.Id, a.RegionCode, a.Lifecycle, a.StartsOn, a.EndsOn, a.Funding }).ToListAsync(ct);
        var windows = await db.RegionSettings.IgnoreQueryFilters().AsNoTracking().Where(s => codes.Contains(s.RegionCode))
            .ToDictionaryAsync(s => s.RegionCode, s => s.ExpiringWindowDays, ct);
        var budgeted = (await db.BudgetLines.IgnoreQueryFilters().Where(l => l.FiscalYear == year && agreements.Select(a => a.Id).Contains(l.AgreementId))
            .Select(l => l.AgreementId).Distinct().ToListAsync(ct)).ToHashSet();
        var evaluations = await db.Assessments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => codes.Contains(a.RegionCode) && a.Kind == AssessmentKind.Evaluasi && a.State == ReportState.Dikirim)
            .Select(a => new { a.RegionCode, a.AgreementId, a.PeriodEnd, a.Rating }).ToListAsync(ct);
        var obstacles = await db.Obstacles.IgnoreQueryFilters().Where(o => codes.Contains(o.RegionCode) && o.Status != ObstacleStatus.Selesai)
            .GroupBy(o => o.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var byRegion = rows.ToLookup(a => a.RegionCode);
        var evaluationsByRegion = evaluations.ToLookup(a => a.RegionCode);

        return codes.Select(code =>
        {
            var window = windows.GetValueOrDefault(code, RegionSettings.DefaultExpiringWindowDays);
            var own = byRegion[code].ToList();
            var active = own.Where(a => a.Lifecycle == AgreementLifecycle.Aktif).ToList();
            var inForce = active.Where(a => (a.StartsOn == null || a.StartsOn <= today) && (a.EndsOn == null || a.EndsOn >= today)).ToList();
            var thisYear = active.Where(a => (a.StartsOn == null || a.StartsOn <= yearEnd) && (a.EndsOn == null || a.EndsOn >= yearStart) && a.Funding != FundingSource.TanpaBiaya).ToList();
            // The first day a status moves: a start, the first day of an ending window, the day after an end; or the new year.
            var turns = active.SelectMany(a => new[] { a.StartsOn, Shift(a.EndsOn, -window), Shift(a.EndsOn, 1) }).OfType<DateOnly>().Where(d => d > today);
            var sent = evaluationsByRegion[code].ToList();
            var ratings = sent.Where(a => a.Rating != null).Select(a => (double)a.Rating!.Value).ToList();
            return new RollupSummary
            {
                RegionCode = code, ComputedOn = today, FreshUntil = turns.Append(yearEnd.AddDays(1)).Min(), Recorded = own.Count,
                InForce = inForce.Count, EndingSoon = inForce.Count(a => a.EndsOn != null && a.EndsOn <= today.AddDays(window)),
                InForceThisYear = thisYear.Count, Budgeted = thisYear.Count(a => budgeted.Contains(a.Id)),
                Evaluated = sent.Where(a => a.PeriodEnd >= yearStart).Select(a => a.AgreementId).Distinct().Count(),
                AverageRating = ratings.Count == 0 ? null : ratings.Average(), Ratings = ratings.Count, OpenObstacles = obstacles.GetValueOrDefault(code),
            };
        }).ToList();
    }

    /// <summary>A date moved by some days, or none past the calendar's ends (an agreement recorded as ending on 31 December 9999).</summary>
    private static DateOnly? Shift(DateOnly? day, int days) =>
        day is { } d && d.DayNumber + days >= DateOnly.MinValue.DayNumber && d.DayNumber + days <= DateOnly.MaxValue.DayNumber ? d.AddDays(days) : null;
}

/// <summary>Reckons the marked regions' rows inside the transaction about to commit, after the registry's own marks.</summary>
public sealed class RollupInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
{
    public static readonly RollupInterceptor Instance = new();

    public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> TransactionCommittingAsync(System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db && db.TakeRollupChanges() is { Count: > 0 } regions)
            await RollupSummaries.RefreshAsync(db, db.Clock, regions, cancellationToken);
        return result;
    }

    // The synchronous saves are the seeding verbs' and tests'; no request thread waits here.
    public override Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult TransactionCommitting(System.Data.Common.DbTransaction transaction,
        Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result)
    {
        if (eventData.Context is AppDbContext db && db.TakeRollupChanges() is { Count: > 0 } regions)
            RollupSummaries.RefreshAsync(db, db.Clock, regions).GetAwaiter().GetResult();
        return result;
    }

    public override void TransactionRolledBack(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData)
    {
        if (eventData.Context is AppDbContext db)
            db.TakeRollupChanges();
    }

    public override Task TransactionRolledBackAsync(System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }
}
