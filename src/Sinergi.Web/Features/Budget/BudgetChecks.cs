using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;

namespace Sinergi.Features.Budget;

/// <summary>The checks that cooperation has made it into the region's planning and budget.</summary>
public enum BudgetCheck
{
    /// <summary>In force in the year, not free of cost, and no line for that year: "belum terintegrasi anggaran".</summary>
    NotIntegrated,
    /// <summary>Its funding says APBD, but there is no APBD line for the year.</summary>
    ApbdWithoutLine,
    /// <summary>Marked as needing DPRD approval (funding outside the APBD, or a burden on the public), none recorded.</summary>
    DprdApprovalMissing,
    /// <summary>At the end of a fiscal year less than the region's share of plan was realised.</summary>
    LowRealisation,
}

/// <summary>
/// Each check as a query over a region's own agreements, so the page, the API, the counts and the
/// reminders list the same agreements. The year is a fiscal year; <see cref="LowRealisation"/>
/// judges a year only once it has ended (<see cref="JudgedYear"/>).
/// </summary>
public static class BudgetChecks
{
    public sealed record Row(int Id, string? Number, string Title, DateOnly? StartsOn, DateOnly? EndsOn, FundingSource? Funding, decimal? Value,
        List<int> OpdIds, List<string> Opds, decimal Planned, decimal Realised);

    public static string Slug(BudgetCheck check) => check switch
    {
        BudgetCheck.NotIntegrated => "belum-terintegrasi",
        BudgetCheck.ApbdWithoutLine => "apbd-tanpa-anggaran",
        BudgetCheck.DprdApprovalMissing => "tanpa-persetujuan-dprd",
        _ => "realisasi-rendah",
    };

    public static BudgetCheck? FromSlug(string? slug) => Enum.GetValues<BudgetCheck>().Cast<BudgetCheck?>().FirstOrDefault(c => Slug(c!.Value) == slug?.Trim().ToLowerInvariant());

    public static string Label(BudgetCheck check) => check switch
    {
        BudgetCheck.NotIntegrated => "Belum terintegrasi anggaran",
        BudgetCheck.ApbdWithoutLine => "Dana APBD tanpa baris APBD",
        BudgetCheck.DprdApprovalMissing => "Persetujuan DPRD belum tercatat",
        _ => "Realisasi di bawah target",
    };

    /// <summary>The year whose realisation is judged when <paramref name="year"/> is asked for on <paramref name="today"/>: the last one that has ended.</summary>
    public static int JudgedYear(int year, DateOnly today) => year < today.Year ? year : year - 1;

    /// <summary>Signed agreements that run on at least one day of the fiscal year.</summary>
    public static IQueryable<Agreement> InForceIn(this IQueryable<Agreement> agreements, int year)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        return agreements.Where(a => a.Lifecycle == AgreementLifecycle.Aktif && (a.StartsOn == null || a.StartsOn <= last) && (a.EndsOn == null || a.EndsOn >= first));
    }

    public static async Task<IQueryable<Agreement>> QueryAsync(AppDbContext db, string regionCode, BudgetCheck check, int year, DateOnly today, int minPercent,
        CancellationToken ct = default)
    {
        var own = db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == regionCode);
        var lines = db.BudgetLines.IgnoreQueryFilters().Where(l => l.RegionCode == regionCode);
        switch (check)
        {
            case BudgetCheck.NotIntegrated:
                var withLine = lines.Where(l => l.FiscalYear == year).Select(l => l.AgreementId);
                return own.InForceIn(year).Where(a => a.Funding != FundingSource.TanpaBiaya && !withLine.Contains(a.Id));
            case BudgetCheck.ApbdWithoutLine:
                var withApbd = lines.Where(l => l.FiscalYear == year && l.Source == BudgetSource.Apbd).Select(l => l.AgreementId);
                return own.InForceIn(year).Where(a => (a.Funding == FundingSource.Apbd || a.Funding == FundingSource.ApbdDanMitra) && !withApbd.Contains(a.Id));
            case BudgetCheck.DprdApprovalMissing:
                return own.InForceIn(year).Where(a => a.DprdApprovalRequired && a.DprdApprovedOn == null);
            default:
                // SQLite holds decimals as text and cannot add them up, so one year's lines of the
                // region (a few thousand at most) are summed here.
                var judged = JudgedYear(year, today);
                var amounts = await lines.Where(l => l.FiscalYear == judged).Select(l => new { l.AgreementId, l.Planned, l.Realised }).ToListAsync(ct);
                var low = amounts.GroupBy(l => l.AgreementId)
                    .Where(g => g.Sum(l => l.Planned) > 0 && g.Sum(l => l.Realised ?? 0) * 100 < g.Sum(l => l.Planned) * minPercent)
                    .Select(g => g.Key).ToList();
                return own.Where(a => low.Contains(a.Id));
        }
    }

    /// <summary>
    /// The counts as the Anggaran page and the API read them: each check reads every agreement in
    /// force of the region, so they are kept per registry version (<paramref name="kept"/>, the
    /// region's view as read) and day; a budget line's save raises the version (RegistryVersions).
    /// </summary>
    public static Task<Dictionary<BudgetCheck, int>> KeptCountsAsync(AppDbContext db, Agreements.Registry.RegistryCache cache, Agreements.Registry.RegistryRegion kept,
        string regionCode, int year, DateOnly today, int minPercent, CancellationToken ct = default) =>
        cache.GetOrReadAsync(new CountsKey(kept, regionCode, year, today, minPercent), () => CountsAsync(db, regionCode, year, today, minPercent, ct));

    private sealed record CountsKey(Agreements.Registry.RegistryRegion Kept, string Region, int Year, DateOnly Today, int Percent);

    public static async Task<Dictionary<BudgetCheck, int>> CountsAsync(AppDbContext db, string regionCode, int year, DateOnly today, int minPercent, CancellationToken ct = default)
    {
        var counts = new Dictionary<BudgetCheck, int>();
        foreach (var check in Enum.GetValues<BudgetCheck>())
            counts[check] = await (await QueryAsync(db, regionCode, check, year, today, minPercent, ct)).CountAsync(ct);
        return counts;
    }

    /// <summary>A page of a check's agreements, ending soonest first, with the plan and realisation of the year it is about.</summary>
    public static async Task<(List<Row> Rows, int Total)> ListAsync(AppDbContext db, string regionCode, BudgetCheck check, int year, DateOnly today, int minPercent,
        int page, int pageSize, CancellationToken ct = default)
    {
        var query = await QueryAsync(db, regionCode, check, year, today, minPercent, ct);
        var total = await query.CountAsync(ct);
        var lineYear = check == BudgetCheck.LowRealisation ? JudgedYear(year, today) : year;
        var rows = await query.OrderBy(a => a.EndsOn == null).ThenBy(a => a.EndsOn).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new { a.Id, a.Number, a.Title, a.StartsOn, a.EndsOn, a.Funding, a.Value })
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var opds = (await db.Agreements.IgnoreQueryFilters().Where(a => ids.Contains(a.Id))
                .Select(a => new { a.Id, Opds = a.Opds.Select(o => new { o.Id, o.ShortName }).ToList() }).ToListAsync(ct))
            .SelectMany(a => a.Opds.Select(o => new { AgreementId = a.Id, o.Id, o.ShortName })).ToList();
        var sums = await db.BudgetLines.IgnoreQueryFilters().Where(l => ids.Contains(l.AgreementId) && l.FiscalYear == lineYear)
            .Select(l => new { l.AgreementId, l.Planned, l.Realised }).ToListAsync(ct);
        return (rows.Select(r => new Row(r.Id, r.Number, r.Title, r.StartsOn, r.EndsOn, r.Funding, r.Value,
            opds.Where(o => o.AgreementId == r.Id).Select(o => o.Id).ToList(),
            opds.Where(o => o.AgreementId == r.Id).Select(o => o.ShortName).Order(StringComparer.Ordinal).ToList(),
            sums.Where(s => s.AgreementId == r.Id).Sum(s => s.Planned), sums.Where(s => s.AgreementId == r.Id).Sum(s => s.Realised ?? 0))).ToList(), total);
    }
}
