using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Features.Reports;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// A region's monev over a semester or a year: its agreements in force in the period, evaluated
/// or not (an admin evaluation submitted for a period ending in it), the average of their latest
/// ratings, the flagged ones, the open obstacles, and indicator achievement by OPD. The summary
/// page, its PDF and xlsx, and the Laporan Pelaksanaan's monev section all read this.
/// </summary>
public sealed record RegionMonev(string RegionCode, string GovernmentName, ReportPeriod Period, DateOnly AsOf, DateOnly PrintedOn,
    IReadOnlyList<RegionMonev.Row> Agreements, IReadOnlyList<RegionMonev.OpenObstacle> Obstacles, IReadOnlyList<RegionMonev.OpdAchievement> ByOpd)
{
    public sealed record Row(int Id, string? Number, string Title, string Opds, int? Rating, string? Recommendation, ImpactScore Impact, string? FormalitasReason)
    {
        public bool Evaluated => Rating is not null;
    }

    public sealed record OpenObstacle(int Id, string Description, string Agreement, string? Opd, DateOnly Since, DateOnly? DueOn, bool Escalated);

    public sealed record OpdAchievement(string ShortName, string Name, int Measured, int Achieved)
    {
        public int Percent => Measured == 0 ? 0 : (int)Math.Round(100m * Achieved / Measured, MidpointRounding.AwayFromZero);
    }

    public int EvaluatedCount => Agreements.Count(a => a.Evaluated);
    public int NotEvaluatedCount => Agreements.Count - EvaluatedCount;
    public decimal? AverageRating => EvaluatedCount == 0 ? null : Math.Round((decimal)Agreements.Where(a => a.Evaluated).Average(a => a.Rating!.Value), 1);
    public IEnumerable<Row> Flagged => Agreements.Where(a => a.FormalitasReason is not null);

    public string AverageLabel => AverageRating is { } avg ? avg.ToString("0.0", Sinergi.Web.Indonesian.Culture) + " dari 5" : "—";

    public const string Title = "Ringkasan Monitoring dan Evaluasi Kerja Sama";

    public string FileName => $"ringkasan-monev-{RegionCode}-{Period.FileName}";

    public static async Task<RegionMonev> BuildAsync(AppDbContext db, Region region, ReportPeriod period, DateOnly today, CancellationToken ct = default)
    {
        var code = region.Code;
        var (from, asOf) = (period.From, period.AsOf(today));
        var rows = await db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.RegionCode == code).Where(PeriodReports.Covers(from, asOf))
            .OrderBy(a => a.Title).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Number, a.Title, Opds = a.Opds.OrderBy(o => o.ShortName).Select(o => o.ShortName).ToList() })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var evaluations = (await db.Assessments.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.RegionCode == code && a.Kind == AssessmentKind.Evaluasi && a.State == ReportState.Dikirim && a.PeriodEnd >= from && a.PeriodEnd <= period.Until)
                .Select(a => new { a.AgreementId, a.PeriodEnd, a.Revision, a.Rating, a.Recommendation }).ToListAsync(ct))
            .GroupBy(a => a.AgreementId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.PeriodEnd).ThenByDescending(a => a.Revision).First());
        var standings = await ImpactScores.ForAsync(db, _ => today, ids, ct);
        var agreements = rows.Select(r =>
        {
            var evaluation = evaluations.GetValueOrDefault(r.Id);
            var standing = standings.GetValueOrDefault(r.Id);
            return new Row(r.Id, r.Number, r.Title, string.Join(", ", r.Opds), evaluation?.Rating,
                AssessmentCriteria.RecommendationLabel(AssessmentKind.Evaluasi, evaluation?.Recommendation),
                standing?.Impact ?? new ImpactScore(null, []), standing?.FormalitasReason);
        }).ToList();

        var obstacles = await db.Obstacles.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == code && o.Status != ObstacleStatus.Selesai)
            .OrderBy(o => o.DueOn == null).ThenBy(o => o.DueOn).ThenBy(o => o.Id)
            .Select(o => new OpenObstacle(o.Id, o.Description, o.Agreement!.Title, o.Opd == null ? null : o.Opd.ShortName, o.Since, o.DueOn, o.DueOn != null && o.DueOn < today))
            .ToListAsync(ct);

        var values = await db.Indicators.IgnoreQueryFilters().AsNoTracking().Where(i => i.Agreement!.RegionCode == code)
            .SelectMany(i => i.Values.Where(v => v.PeriodEnd >= from && v.PeriodEnd <= period.Until && v.Target != null && v.Realisation != null),
                (i, v) => new { i.AgreementId, v.Target, v.Realisation })
            .ToListAsync(ct);
        var measured = values.Select(v => v.AgreementId).Distinct().ToList();
        var opdsOf = await db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => measured.Contains(a.Id))
            .SelectMany(a => a.Opds.Where(o => o.RegionCode == code), (a, o) => new { a.Id, o.ShortName, o.Name }).ToListAsync(ct);
        var byAgreement = opdsOf.ToLookup(o => o.Id);
        var byOpd = values.SelectMany(v => byAgreement[v.AgreementId].Select(o => (o.ShortName, o.Name, Achieved: v.Realisation >= v.Target)))
            .GroupBy(x => (x.ShortName, x.Name))
            .Select(g => new OpdAchievement(g.Key.ShortName, g.Key.Name, g.Count(), g.Count(x => x.Achieved)))
            .OrderBy(o => o.ShortName, StringComparer.Ordinal).ToList();

        return new RegionMonev(code, region.GovernmentName, period, asOf, today, agreements, obstacles, byOpd);
    }
}
