using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>The reads of the Monev section and of an agreement's monev part.</summary>
public static class MonevQueries
{
    public sealed record PeriodRow(EvaluationPeriod Period, PeriodState State, bool Overdue, int? Revision, DateTime? SubmittedAt, string? SubmittedBy,
        int? Rating, string? Recommendation);

    public sealed record DueRow(int AgreementId, string? Number, string Title, string Opds, IReadOnlyList<int> OpdIds, EvaluationPeriod Period,
        PeriodState State, bool Overdue);

    /// <summary>Every period of the agreement that has begun, newest first, with the state of <paramref name="regionCode"/>'s report.</summary>
    public static async Task<List<PeriodRow>> PeriodsAsync(AppDbContext db, MonevAgreement agreement, string regionCode, DateOnly today,
        CancellationToken ct = default)
    {
        var reports = await db.ImplementationReports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.AgreementId == agreement.Id && r.RegionCode == regionCode)
            .Select(r => new { r.PeriodCode, r.Revision, r.State, r.SubmittedAt, r.SubmittedByName }).ToListAsync(ct);
        var judged = await db.Assessments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.AgreementId == agreement.Id && a.RegionCode == regionCode && a.State == ReportState.Dikirim)
            .Select(a => new { a.PeriodCode, a.Kind, a.Revision, a.Rating, a.Recommendation }).ToListAsync(ct);
        return agreement.PeriodsOn(today).OrderByDescending(p => p.IsFinal).ThenByDescending(p => p.Start).Select(p =>
        {
            var own = reports.Where(r => r.PeriodCode == p.Code).OrderBy(r => r.Revision).ToList();
            var submitted = own.LastOrDefault(r => r.State == ReportState.Dikirim);
            var evaluation = judged.Where(a => a.PeriodCode == p.Code && a.Kind == AssessmentKind.Evaluasi).MaxBy(a => a.Revision);
            var state = PeriodStates.Of(own.LastOrDefault()?.State, submitted is not null,
                judged.Any(a => a.PeriodCode == p.Code && a.Kind == AssessmentKind.Telaah), evaluation is not null);
            return new PeriodRow(p, state, PeriodStates.IsOverdue(p, state, today), own.LastOrDefault()?.Revision, submitted?.SubmittedAt, submitted?.SubmittedByName,
                evaluation?.Rating, AssessmentCriteria.RecommendationLabel(AssessmentKind.Evaluasi, evaluation?.Recommendation));
        }).ToList();
    }

    /// <summary>
    /// <see cref="DueAsync(AppDbContext, RegionScope, string, DateOnly, CancellationToken)"/> for a page:
    /// read once per registry version and day and kept in <paramref name="cache"/>. Every save of a
    /// report, a judgement, a schedule or the region's monev settings raises the version
    /// (<see cref="RegistryVersions"/>), so nothing stale is served. The list is shared: do not change it.
    /// </summary>
    public static async Task<IReadOnlyList<DueRow>> DueAsync(AppDbContext db, RegionScope scope, RegistryCache cache, string regionCode, DateOnly today,
        CancellationToken ct = default)
    {
        var region = await AgreementSearchQuery.RegionAsync(db, scope, scope.RegionCode == regionCode ? null : regionCode, ct);
        return await cache.GetOrReadAsync(new DueKey(region, regionCode, today),
            async () => (IReadOnlyList<DueRow>)await DueAsync(db, scope, regionCode, today, ct), rows => Math.Max(1, rows.Count / 20));
    }

    private sealed record DueKey(RegistryRegion Region, string RegionCode, DateOnly Today);

    /// <summary>
    /// What is due in <paramref name="regionCode"/>: for every agreement it owns or is party to, the
    /// periods that have ended in the last year and whose report is not in, and the latest ended one
    /// whatever its state; overdue first, then by due date.
    /// </summary>
    public static async Task<List<DueRow>> DueAsync(AppDbContext db, RegionScope scope, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        var cutoff = today.AddYears(-1);
        var rows = await AgreementAccess.Visible(db, scope, scope.RegionCode == regionCode ? null : regionCode)
            .Where(a => a.Lifecycle != AgreementLifecycle.Draf && (a.StartsOn ?? a.SignedOn) != null && (a.StartsOn ?? a.SignedOn) < today
                && (a.EndsOn == null || a.EndsOn >= cutoff) && (a.TerminatedOn == null || a.TerminatedOn >= cutoff))
            .Select(a => new
            {
                a.Id, a.RegionCode, a.Number, a.Title, a.Lifecycle, a.SignedOn, a.StartsOn, a.EndsOn, a.TerminatedOn,
                Opds = a.Opds.OrderBy(o => o.ShortName).Select(o => new { o.Id, o.ShortName }).ToList(),
            })
            .AsSplitQuery().ToListAsync(ct);
        var owners = rows.Select(r => r.RegionCode).Distinct().ToList();
        var settings = await db.MonevSettings.AsNoTracking().Where(s => owners.Contains(s.RegionCode)).ToDictionaryAsync(s => s.RegionCode, ct);
        var schedules = await db.EvaluationSchedules.AsNoTracking()
            .Join(AgreementAccess.Visible(db, scope, scope.RegionCode == regionCode ? null : regionCode), s => s.AgreementId, a => a.Id, (s, a) => s)
            .ToDictionaryAsync(s => s.AgreementId, s => s.Cadence, ct);
        var reports = (await db.ImplementationReports.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.RegionCode == regionCode && r.PeriodEnd >= cutoff)
                .Select(r => new { r.AgreementId, r.PeriodCode, r.Revision, r.State }).ToListAsync(ct))
            .GroupBy(r => (r.AgreementId, r.PeriodCode))
            .ToDictionary(g => g.Key, g => PeriodStates.Of(g.MaxBy(r => r.Revision)!.State, g.Any(r => r.State == ReportState.Dikirim)));
        var judged = (await db.Assessments.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.RegionCode == regionCode && a.PeriodEnd >= cutoff && a.State == ReportState.Dikirim)
                .Select(a => new { a.AgreementId, a.PeriodCode, a.Kind }).Distinct().ToListAsync(ct))
            .ToLookup(a => (a.AgreementId, a.PeriodCode), a => a.Kind);

        var due = new List<DueRow>();
        foreach (var a in rows)
        {
            var own = settings.GetValueOrDefault(a.RegionCode) ?? new MonevSettings { RegionCode = a.RegionCode };
            var cadence = schedules.TryGetValue(a.Id, out var chosen) ? chosen : own.Cadence;
            var ended = EvaluationPeriods.For(EvaluationPeriods.Term(a.Lifecycle, a.SignedOn, a.StartsOn, a.EndsOn, a.TerminatedOn), cadence, own.DueDays, today, own.MonevStartsOn)
                .Where(p => p.HasEndedOn(today) && p.End >= cutoff).ToList();
            var latest = ended.OrderByDescending(p => p.End).ThenByDescending(p => p.IsFinal).FirstOrDefault();
            foreach (var period in ended)
            {
                var state = reports.GetValueOrDefault((a.Id, period.Code));
                var kinds = judged[(a.Id, period.Code)].ToList();
                if (state == PeriodState.Dikirim)
                    state = PeriodStates.Of(ReportState.Dikirim, true, kinds.Contains(AssessmentKind.Telaah), kinds.Contains(AssessmentKind.Evaluasi));
                if (state == PeriodState.Selesai && period != latest)
                    continue;
                due.Add(new DueRow(a.Id, a.Number, a.Title, string.Join(", ", a.Opds.Select(o => o.ShortName)), a.Opds.Select(o => o.Id).ToList(),
                    period, state, PeriodStates.IsOverdue(period, state, today)));
            }
        }
        return due.OrderByDescending(d => d.Overdue).ThenBy(d => d.Period.DueOn).ThenBy(d => d.Title, StringComparer.Ordinal).ToList();
    }
}
