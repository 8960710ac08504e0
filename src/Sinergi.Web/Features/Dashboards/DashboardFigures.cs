using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Budget;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Partners;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Features.Dashboards;

/// <summary>One bar of a chart: what it counts, how many, and the filtered list that shows exactly those.</summary>
public sealed record Segment(string Label, int Count, string Link);

/// <summary>A figure of "what needs attention": how many, and the list that holds them.</summary>
public sealed record Attention(string Key, string Label, int Count, string Link);

/// <summary>
/// The leader's questions about a region (or one of its OPDs), in the order the dashboard answers
/// them. The agreements are the registry list's set (<see cref="AgreementSearchQuery.Filtered"/>):
/// the region's own and those it is party to, so every figure and its list agree.
/// </summary>
public sealed record DashboardFigures(
    string RegionCode, string? Chosen, int? OpdId, DateOnly Today, int WindowDays,
    int InForce, decimal InForceValue, int InForceWithoutValue, int Ending,
    IReadOnlyList<Segment> ByKind, IReadOnlyList<Segment> ByUrusan, IReadOnlyList<Segment> ByOpd, IReadOnlyList<Segment> ByPartnerType,
    IReadOnlyList<Segment> SignedPerYear, IReadOnlyList<Attention> NeedsAttention,
    double? AverageRating, int Evaluations, int IndicatorsReached, int IndicatorsMeasured, IReadOnlyList<Segment> ByImpact)
{
    /// <summary>The registry list of <paramref name="query"/> (already escaped address parts), narrowed to the dashboard's OPD and overseen region when it has them.</summary>
    public string ListLink(string query) => ListLink(Chosen, OpdId, query);

    public static string ListLink(string? chosen, int? opdId, string query) =>
        "/Agreements?" + query + (opdId is int opd ? $"&opd={opd}" : "") + (chosen is null ? "" : $"&region={chosen}");

    /// <summary>The <c>region</c> address part of another module's list, for an overseer's view of a region.</summary>
    public string RegionPart(char separator) => Chosen is null ? "" : $"{separator}region={Chosen}";
}

public static class DashboardQueries
{
    /// <summary>The figures of <paramref name="regionCode"/> (the caller's own) or of one of its OPDs.</summary>
    public static async Task<DashboardFigures> ReadAsync(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache, string regionCode, int? opdId,
        CancellationToken ct = default)
    {
        // An overseer looks at a region's own agreements, as its registry list does for them.
        var chosen = regionCode == scope.RegionCode ? null : regionCode;
        var region = await AgreementSearchQuery.RegionAsync(db, scope, chosen, ct);
        var today = RegionClock.Today(clock, regionCode);
        // Every figure is kept per day under the two versions that move them: the registry's (its
        // agreements, monev reports, evaluations, indicators, budget lines and monev settings raise
        // it) and the region's roll-up row's (its kendala, budget lines, evaluations and settings).
        // A region without its roll-up row yet is read afresh.
        var rollup = await db.RollupSummaries.Where(s => s.RegionCode == regionCode).Select(s => (int?)s.Version).FirstOrDefaultAsync(ct);
        Task<DashboardFigures> Read() => ReadAfreshAsync(db, scope, clock, cache, region, regionCode, chosen, opdId, today, ct);
        return rollup is int version ? await cache.GetOrReadAsync(new FiguresKey(region, version, today, opdId), Read) : await Read();
    }

    private sealed record FiguresKey(RegistryRegion Region, int RollupVersion, DateOnly Today, int? OpdId);

    private static async Task<DashboardFigures> ReadAfreshAsync(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache, RegistryRegion region,
        string regionCode, string? chosen, int? opdId, DateOnly today, CancellationToken ct)
    {
        var visible = AgreementSearchQuery.Filtered(db, scope, new AgreementFilter { OpdId = opdId, Region = chosen });
        var part = await RegistryPartAsync(db, visible, region.WindowDays, today, chosen, opdId, ct);
        var attention = await AttentionAsync(db, scope, cache, regionCode, chosen, opdId, today, part.EndingWithoutExtension, ct);
        var (average, evaluations) = await RatingAsync(db, regionCode, visible, ct);
        var (reached, measured) = await IndicatorsAsync(db, visible, ct);
        // The bands of the view's agreements in force, kept per registry version as the list filtered
        // to a band reads them; one OPD's dashboard counts its own among them.
        var bands = await ImpactBands.ForViewAsync(db, scope, clock, cache, region, chosen, today, ct);
        var byImpact = Enum.GetValues<ImpactBand>().Select(b => new Segment(ImpactBands.Label(b),
                opdId is null ? bands[b].Length : bands[b].Count(part.InForceIds.Contains),
                DashboardFigures.ListLink(chosen, opdId, $"status={AgreementFilter.InForceSlug}&dampak={ImpactBands.Slug(b)}")))
            .ToList();
        return new DashboardFigures(regionCode, chosen, opdId, today, region.WindowDays,
            part.InForce, part.Value, part.WithoutValue, part.Ending,
            part.ByKind, part.ByUrusan, part.ByOpd, part.ByPartnerType, part.PerYear, attention, average, evaluations, reached, measured, byImpact);
    }

    private sealed record RegistryPart(int InForce, decimal Value, int WithoutValue, int Ending, int EndingWithoutExtension,
        List<Segment> ByKind, List<Segment> ByUrusan, List<Segment> ByOpd, List<Segment> ByPartnerType, List<Segment> PerYear, HashSet<int> InForceIds);

    private static async Task<RegistryPart> RegistryPartAsync(AppDbContext db, IQueryable<Agreement> visible, int window, DateOnly today, string? chosen, int? opdId,
        CancellationToken ct)
    {
        var rows = await visible.Select(a => new
        {
            a.Id, a.Kind, a.SignedOn, a.StartsOn, a.EndsOn, a.Lifecycle, a.Value,
            Extended = db.Agreements.IgnoreQueryFilters().Any(e => e.ExtendsId == a.Id),
        }).ToListAsync(ct);
        var inForce = rows.Where(a => AgreementStatusRules.StatusOf(a.Lifecycle, a.StartsOn, a.EndsOn, today, window) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir).ToList();
        var ending = inForce.Where(a => AgreementStatusRules.StatusOf(a.Lifecycle, a.StartsOn, a.EndsOn, today, window) == AgreementStatus.AkanBerakhir).ToList();
        var inForceIds = inForce.Select(a => a.Id).ToHashSet();
        string Link(string query) => DashboardFigures.ListLink(chosen, opdId, query);
        const string live = "status=" + AgreementFilter.InForceSlug;

        var byKind = inForce.GroupBy(a => a.Kind).OrderBy(g => g.Key)
            .Select(g => new Segment(AgreementLabels.Code(g.Key), g.Count(), Link($"{live}&kind={AgreementLabels.Slug(g.Key)}"))).ToList();

        // Counted as the list's filters count: an agreement with two urusan (or OPDs, or partners of a
        // type) is in each of their lists once.
        var urusan = await visible.SelectMany(a => a.Urusan, (a, u) => new { a.Id, u.Code, u.Name }).Distinct().ToListAsync(ct);
        var byUrusan = urusan.Where(u => inForceIds.Contains(u.Id)).GroupBy(u => (u.Code, u.Name))
            .Select(g => new Segment($"{g.Key.Code} {g.Key.Name}", g.Count(), Link($"{live}&urusan={Uri.EscapeDataString(g.Key.Code)}")))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal).ToList();
        var opds = await visible.SelectMany(a => a.Opds, (a, o) => new { a.Id, OpdId = o.Id, o.ShortName }).Distinct().ToListAsync(ct);
        var byOpd = opdId is not null ? [] : opds.Where(o => inForceIds.Contains(o.Id)).GroupBy(o => (o.OpdId, o.ShortName))
            .Select(g => new Segment(g.Key.ShortName, g.Count(), Link($"{live}&opd={g.Key.OpdId}")))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.CurrentCulture).ToList();
        var partners = await visible.SelectMany(a => a.Partners, (a, p) => new { a.Id, p.Type }).Distinct().ToListAsync(ct);
        var byPartnerType = partners.Where(p => inForceIds.Contains(p.Id)).GroupBy(p => p.Type).OrderBy(g => g.Key)
            .Select(g => new Segment(Partner.Label(g.Key), g.Count(), Link($"{live}&partnerType={Partner.Slug(g.Key)}"))).ToList();
        var perYear = rows.Where(a => a.SignedOn is not null).GroupBy(a => a.SignedOn!.Value.Year).OrderBy(g => g.Key)
            .Select(g => new Segment(g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), g.Count(), Link($"year={g.Key}"))).ToList();

        return new RegistryPart(inForce.Count, inForce.Sum(a => a.Value ?? 0), inForce.Count(a => a.Value is null), ending.Count, ending.Count(a => !a.Extended),
            byKind, byUrusan, byOpd, byPartnerType, perYear, inForceIds);
    }

    /// <summary>What needs attention, each from the module that owns the rule, each linking to that module's list.</summary>
    private static async Task<List<Attention>> AttentionAsync(AppDbContext db, RegionScope scope, RegistryCache cache, string regionCode, string? chosen, int? opdId, DateOnly today,
        int endingWithoutExtension, CancellationToken ct)
    {
        var opdPart = (opdId is int o ? $"&opd={o}" : "") + (chosen is null ? "" : $"&region={chosen}");
        var due = await MonevQueries.DueAsync(db, scope, cache, regionCode, today, ct);
        var overdue = due.Count(d => d.Overdue && (opdId is null || d.OpdIds.Contains(opdId.Value)));
        var minPercent = await RealisationShare.PercentAsync(db, regionCode);
        async Task<int> Budget(BudgetCheck check)
        {
            var query = await BudgetChecks.QueryAsync(db, regionCode, check, today.Year, today, minPercent, ct);
            return await (opdId is int id ? query.Where(a => a.Opds.Any(x => x.Id == id)) : query).CountAsync(ct);
        }
        var obstacles = db.Obstacles.IgnoreQueryFilters().Where(x => x.RegionCode == regionCode && x.Status != ObstacleStatus.Selesai && x.DueOn != null && x.DueOn < today);
        if (opdId is int owner)
            obstacles = obstacles.Where(x => x.OpdId == owner);
        var notIntegrated = await Budget(BudgetCheck.NotIntegrated);
        var dprdMissing = await Budget(BudgetCheck.DprdApprovalMissing);
        var obstaclesPastDue = await obstacles.CountAsync(ct);
        // Counted by the registry list's own filter, so the figure and the list it opens agree.
        var formalitas = await AgreementSearchQuery.WithFormalitasAsync(db, new AgreementFilter { OpdId = opdId, Region = chosen, Formalitas = true }, regionCode, today, ct);
        var flagged = await AgreementSearchQuery.Filtered(db, scope, formalitas).CountAsync(ct);
        var budgetLink = (BudgetCheck check) => $"/Budget?check={BudgetChecks.Slug(check)}&year={today.Year}{(chosen is null ? "" : $"&region={chosen}")}";
        return
        [
            new("ending-without-extension", "Akan berakhir dan belum diperpanjang", endingWithoutExtension,
                DashboardFigures.ListLink(chosen, opdId, $"status=akan-berakhir&perpanjangan={AgreementFilter.WithoutExtensionSlug}&sort=berakhir")),
            new("overdue-evaluations", "Laporan monev terlambat", overdue, $"/Evaluations?overdue=true{opdPart}"),
            new("formalitas", "Formalitas: berlaku lama tanpa kegiatan, laporan, atau realisasi", flagged,
                DashboardFigures.ListLink(chosen, opdId, $"flag={AgreementFilter.FormalitasSlug}")),
            new("no-budget-line", $"Belum ada baris anggaran tahun {today.Year}", notIntegrated, budgetLink(BudgetCheck.NotIntegrated)),
            new("dprd-approval-missing", "Persetujuan DPRD belum tercatat", dprdMissing, budgetLink(BudgetCheck.DprdApprovalMissing)),
            new("obstacles-past-due", "Kendala terbuka melewati batas waktu", obstaclesPastDue, $"/Evaluations/Obstacles?overdue=true{opdPart}"),
        ];
    }

    /// <summary>The average rating of the evaluations the region has sent: the latest revision of each agreement and period.</summary>
    private static async Task<(double? Average, int Count)> RatingAsync(AppDbContext db, string regionCode, IQueryable<Agreement> visible, CancellationToken ct)
    {
        var ids = visible.Select(a => a.Id);
        var sent = await db.Assessments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.RegionCode == regionCode && a.Kind == AssessmentKind.Evaluasi && a.State == ReportState.Dikirim && ids.Contains(a.AgreementId))
            .Select(a => new { a.AgreementId, a.PeriodCode, a.Revision, a.Rating }).ToListAsync(ct);
        var ratings = sent.GroupBy(a => (a.AgreementId, a.PeriodCode)).Select(g => g.MaxBy(a => a.Revision)!.Rating).OfType<int>().ToList();
        return (ratings.Count == 0 ? null : ratings.Average(), ratings.Count);
    }

    /// <summary>Of the indicators with a target and a realisation, how many reached the target in their latest measured period.</summary>
    private static async Task<(int Reached, int Measured)> IndicatorsAsync(AppDbContext db, IQueryable<Agreement> visible, CancellationToken ct)
    {
        var ids = visible.Select(a => a.Id);
        var values = await db.Indicators.IgnoreQueryFilters().AsNoTracking().Where(i => ids.Contains(i.AgreementId))
            .SelectMany(i => i.Values.Where(v => v.Target != null && v.Realisation != null), (i, v) => new { i.Id, v.PeriodEnd, v.Target, v.Realisation })
            .ToListAsync(ct);
        var latest = values.GroupBy(v => v.Id).Select(g => g.MaxBy(v => v.PeriodEnd)!).ToList();
        return (latest.Count(v => v.Realisation >= v.Target), latest.Count);
    }
}
