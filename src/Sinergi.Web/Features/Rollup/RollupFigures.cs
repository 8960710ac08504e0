using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Budget;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Features.Rollup;

/// <summary>One region under an overseer, side by side with the others. Its own agreements (what it recorded), so no agreement counts twice.</summary>
public sealed record RollupRow(string Code, string Name, bool UsesSinergi, int InForce, int EndingSoon, int Evaluated, int InForceThisYear, int Budgeted,
    double? AverageRating, int Ratings, int OpenObstacles)
{
    /// <summary>Of the agreements in force this year that cost something, the share with a budget line for the year; null when there are none.</summary>
    public double? BudgetShare => InForceThisYear == 0 ? null : (double)Budgeted / InForceThisYear;
}

public sealed record Rollup(string Title, DateOnly Today, IReadOnlyList<RollupRow> Rows)
{
    public int Using => Rows.Count(r => r.UsesSinergi);
}

/// <summary>
/// The roll-up for a province or the whole country. Each figure is one grouped query over the rows
/// under the overseer's prefix, read by index on RegionCode; measured at 100,000 agreements in the
/// benchmark (README), it stays inside the target without summary rows.
/// </summary>
public static class RollupQueries
{
    public static async Task<Rollup> ReadAsync(AppDbContext db, TimeProvider clock, string prefix, CancellationToken ct = default)
    {
        var today = RegionClock.Today(clock, prefix == "" ? null : prefix);
        var year = today.Year;
        var regions = await db.Regions.AsNoTracking().WhereRegionUnder(prefix, r => r.Code).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
        var agreements = db.Agreements.IgnoreQueryFilters().AsNoTracking().WhereRegionUnder(prefix, a => a.RegionCode);
        var windows = await db.RegionSettings.IgnoreQueryFilters().AsNoTracking().WhereRegionUnder(prefix, s => s.RegionCode)
            .ToDictionaryAsync(s => s.RegionCode, s => s.ExpiringWindowDays, ct);
        var horizon = today.AddDays(windows.Values.DefaultIfEmpty(RegionSettings.DefaultExpiringWindowDays).Max());
        var inForce = await agreements.WhereInForce(today).GroupBy(a => a.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ending = (await agreements.WhereInForce(today).Where(a => a.EndsOn != null && a.EndsOn <= horizon).Select(a => new { a.RegionCode, a.EndsOn }).ToListAsync(ct))
            .Where(a => a.EndsOn <= today.AddDays(windows.GetValueOrDefault(a.RegionCode, RegionSettings.DefaultExpiringWindowDays)))
            .GroupBy(a => a.RegionCode).ToDictionary(g => g.Key, g => g.Count());
        var costing = agreements.InForceIn(year).Where(a => a.Funding != FundingSource.TanpaBiaya);
        var thisYear = await costing.GroupBy(a => a.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var lines = db.BudgetLines.IgnoreQueryFilters().Where(l => l.FiscalYear == year).Select(l => l.AgreementId);
        var budgeted = await costing.Where(a => lines.Contains(a.Id)).GroupBy(a => a.RegionCode).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var yearStart = new DateOnly(year, 1, 1);
        var evaluations = db.Assessments.IgnoreQueryFilters().AsNoTracking().WhereRegionUnder(prefix, a => a.RegionCode)
            .Where(a => a.Kind == AssessmentKind.Evaluasi && a.State == ReportState.Dikirim);
        var evaluated = await evaluations.Where(a => a.PeriodEnd >= yearStart).Select(a => new { a.RegionCode, a.AgreementId }).Distinct()
            .GroupBy(a => a.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var ratings = await evaluations.Where(a => a.Rating != null).GroupBy(a => a.RegionCode)
            .Select(g => new { g.Key, Average = g.Average(a => (double)a.Rating!.Value), Count = g.Count() }).ToDictionaryAsync(g => g.Key, ct);
        var obstacles = await db.Obstacles.IgnoreQueryFilters().WhereRegionUnder(prefix, o => o.RegionCode).Where(o => o.Status != ObstacleStatus.Selesai)
            .GroupBy(o => o.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        // Using Sinergi: it has an active account or has recorded an agreement.
        var users = await db.Users.Where(u => u.IsActive && u.RegionCode != null).WhereRegionUnder(prefix, u => u.RegionCode)
            .Select(u => u.RegionCode!).Distinct().ToListAsync(ct);
        var active = users.Concat(inForce.Keys).Concat(await agreements.Select(a => a.RegionCode).Distinct().ToListAsync(ct)).ToHashSet();

        var rows = regions.Select(r => new RollupRow(r.Code, r.Level == RegionLevel.Provinsi ? $"Provinsi {r.Name}" : r.Name, active.Contains(r.Code),
            inForce.GetValueOrDefault(r.Code), ending.GetValueOrDefault(r.Code), evaluated.GetValueOrDefault(r.Code),
            thisYear.GetValueOrDefault(r.Code), budgeted.GetValueOrDefault(r.Code),
            ratings.TryGetValue(r.Code, out var rating) ? rating.Average : null, ratings.TryGetValue(r.Code, out var counted) ? counted.Count : 0,
            obstacles.GetValueOrDefault(r.Code))).ToList();
        var title = prefix == "" ? "Kerja sama daerah di seluruh Indonesia"
            : $"Kerja sama daerah di Provinsi {regions.FirstOrDefault(r => r.Code == prefix)?.Name ?? prefix}";
        return new Rollup(title, today, rows);
    }

    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>
    {
        ["kode"] = "Kode wilayah",
        ["berlaku"] = "Masih berlaku",
        ["berakhir"] = "Akan berakhir",
        ["dievaluasi"] = "Dievaluasi tahun ini",
        ["anggaran"] = "Terintegrasi anggaran",
        ["nilai"] = "Nilai rata-rata",
        ["kendala"] = "Kendala terbuka",
    };

    /// <summary>The rows in the chosen order, largest first for figures; regions not using Sinergi last.</summary>
    public static IEnumerable<RollupRow> Sorted(IEnumerable<RollupRow> rows, string? sort) => sort switch
    {
        "berlaku" => rows.OrderByDescending(r => r.InForce).ThenBy(r => r.Code, StringComparer.Ordinal),
        "berakhir" => rows.OrderByDescending(r => r.EndingSoon).ThenBy(r => r.Code, StringComparer.Ordinal),
        "dievaluasi" => rows.OrderByDescending(r => r.Evaluated).ThenBy(r => r.Code, StringComparer.Ordinal),
        "anggaran" => rows.OrderByDescending(r => r.BudgetShare ?? -1).ThenBy(r => r.Code, StringComparer.Ordinal),
        "nilai" => rows.OrderByDescending(r => r.AverageRating ?? -1).ThenBy(r => r.Code, StringComparer.Ordinal),
        "kendala" => rows.OrderByDescending(r => r.OpenObstacles).ThenBy(r => r.Code, StringComparer.Ordinal),
        _ => rows.OrderBy(r => r.Code, StringComparer.Ordinal),
    };
}
