using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>The monev part of an agreement's page: its cadence and every period with its report's state.</summary>
public sealed record MonevPart(MonevAgreement Agreement, List<MonevQueries.PeriodRow> Periods, bool CanSchedule, List<Indicator> Indicators,
    List<Obstacle> Obstacles, DateOnly Today)
{
    /// <summary>Its impact score and formalitas flag.</summary>
    public MonevStanding? Standing { get; init; }

    /// <summary>
    /// The part as <paramref name="user"/> reads it on <paramref name="today"/>. All but the reader's
    /// own right to set the cadence is kept per day and reading region under the registry version of
    /// the agreement's owner, which every save of its reports, judgements, schedule, indicators,
    /// kendala and monev settings raises (<see cref="RegistryVersions"/>). The kept lists are shared: do not change them.
    /// </summary>
    public static async Task<MonevPart?> LoadAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int agreementId, DateOnly today,
        RegistryCache cache, CancellationToken ct = default)
    {
        var version = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == agreementId)
            .Select(a => db.Regions.Where(r => r.Code == a.RegionCode).Select(r => (long?)r.RegistryVersion).FirstOrDefault())
            .FirstOrDefaultAsync(ct);
        if (version is null)
            return await ReadAsync(db, scope, user, agreementId, today, ct);
        var part = await cache.GetOrReadAsync(new PartKey(agreementId, scope.RegionCode, version.Value, today),
            () => ReadAsync(db, scope, user, agreementId, today, ct));
        return part is null ? null : part with { CanSchedule = MonevAccess.CanSchedule(user, scope, part.Agreement) };
    }

    private sealed record PartKey(int AgreementId, string? Reader, long Version, DateOnly Today);

    private static async Task<MonevPart?> ReadAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int agreementId, DateOnly today,
        CancellationToken ct)
    {
        if (await MonevAgreement.LoadAsync(db, agreementId, ct) is not { } agreement)
            return null;
        var periods = await MonevQueries.PeriodsAsync(db, agreement, MonevAccess.ReportRegion(scope, agreement), today, ct);
        var indicators = await db.Indicators.IgnoreQueryFilters().AsNoTracking().Include(i => i.Values).Include(i => i.PerformanceIndicator)
            .Where(i => i.AgreementId == agreementId).OrderBy(i => i.Id).ToListAsync(ct);
        var obstacles = await db.Obstacles.IgnoreQueryFilters().AsNoTracking().Where(o => o.AgreementId == agreementId)
            .OrderBy(o => o.Status == ObstacleStatus.Selesai).ThenBy(o => o.DueOn).ToListAsync(ct);
        var standing = (await ImpactScores.ForAsync(db, _ => today, [agreementId], ct)).GetValueOrDefault(agreementId);
        return new MonevPart(agreement, periods, MonevAccess.CanSchedule(user, scope, agreement), indicators, obstacles, today) { Standing = standing };
    }
}
