using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>An agreement's impact score and, when it is flagged, why it reads as formalitas.</summary>
public sealed record MonevStanding(int AgreementId, ImpactScore Impact, string? FormalitasReason)
{
    public bool IsFormalitas => FormalitasReason is not null;
}

/// <summary>
/// Reads the standing of a few agreements at once (a page of the registry, one agreement's page, a
/// report): their terms and cadence, their regions' settings and their monev summaries, each by key.
/// </summary>
public static class ImpactScores
{
    public static Task<Dictionary<int, MonevStanding>> ForAsync(AppDbContext db, TimeProvider clock, IReadOnlyCollection<int> ids,
        CancellationToken ct = default) => ForAsync(db, region => RegionClock.Today(clock, region), ids, ct);

    /// <param name="todayOf">The day of a region, on which its agreements are judged.</param>
    public static async Task<Dictionary<int, MonevStanding>> ForAsync(AppDbContext db, Func<string, DateOnly> todayOf, IReadOnlyCollection<int> ids,
        CancellationToken ct = default)
    {
        if (ids.Count == 0)
            return [];
        var agreements = await db.Agreements.IgnoreQueryFilters().Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id, a.RegionCode, a.Lifecycle, a.SignedOn, a.StartsOn, a.EndsOn, a.TerminatedOn,
                Cadence = db.EvaluationSchedules.Where(s => s.AgreementId == a.Id).Select(s => (EvaluationCadence?)s.Cadence).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var regions = agreements.Select(a => a.RegionCode).Distinct().ToList();
        var settings = await db.MonevSettings.AsNoTracking().Where(s => regions.Contains(s.RegionCode)).ToDictionaryAsync(s => s.RegionCode, ct);
        var summaries = await MonevSummaries.ForAsync(db, ids, ct);
        var standings = new Dictionary<int, MonevStanding>();
        foreach (var region in agreements.GroupBy(a => a.RegionCode))
        {
            var own = settings.GetValueOrDefault(region.Key) ?? new MonevSettings { RegionCode = region.Key };
            var today = todayOf(region.Key);
            var flagged = await Formalitas.FlaggedAsync(db, region.Select(a => a.Id).ToList(), today, own.FormalitasMonths, ct);
            foreach (var a in region)
            {
                var periods = EvaluationPeriods.For(EvaluationPeriods.Term(a.Lifecycle, a.SignedOn, a.StartsOn, a.EndsOn, a.TerminatedOn),
                    a.Cadence ?? own.Cadence, own.DueDays, today, own.MonevStartsOn);
                var impact = ImpactScore.Of(periods, summaries.GetValueOrDefault(a.Id), own.Weights, today);
                standings[a.Id] = new MonevStanding(a.Id, impact, flagged.Contains(a.Id) ? Formalitas.Reason(a.StartsOn ?? a.SignedOn, own.FormalitasMonths) : null);
            }
        }
        return standings;
    }

    public static async Task<MonevStanding?> ForAsync(AppDbContext db, TimeProvider clock, int id, CancellationToken ct = default) =>
        (await ForAsync(db, clock, [id], ct)).GetValueOrDefault(id);
}
