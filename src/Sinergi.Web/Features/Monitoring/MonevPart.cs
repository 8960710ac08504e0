using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>The monev part of an agreement's page: its cadence and every period with its report's state.</summary>
public sealed record MonevPart(MonevAgreement Agreement, List<MonevQueries.PeriodRow> Periods, bool CanSchedule, List<Indicator> Indicators,
    List<Obstacle> Obstacles, DateOnly Today)
{
    /// <summary>Its impact score and formalitas flag.</summary>
    public MonevStanding? Standing { get; init; }

    public static async Task<MonevPart?> LoadAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int agreementId, DateOnly today,
        CancellationToken ct = default)
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
