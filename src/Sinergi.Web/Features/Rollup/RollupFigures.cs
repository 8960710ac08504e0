using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
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
/// The roll-up for a province or the whole country, read from the regions' summary rows
/// (<see cref="RollupSummary"/>): one row per region, kept current by the saves that move it. A row
/// the calendar has overtaken (or a backfilled one never reckoned) is reckoned first, for its region's day.
/// </summary>
public static class RollupQueries
{
    private static readonly SemaphoreSlim Reckoning = new(1, 1);

    public static async Task<Rollup> ReadAsync(AppDbContext db, TimeProvider clock, string prefix, CancellationToken ct = default)
    {
        var today = RegionClock.Today(clock, prefix == "" ? null : prefix);
        var regions = await db.Regions.AsNoTracking().WhereRegionUnder(prefix, r => r.Code).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
        var summaries = await SummariesAsync(db, prefix, ct);
        var stale = regions.Where(r => !summaries.TryGetValue(r.Code, out var s) || !s.IsFreshOn(RegionClock.Today(clock, r.Code))).Select(r => r.Code).ToList();
        if (stale.Count > 0)
        {
            // One reader reckons what the calendar overtook, in one transaction; those arriving meanwhile read its rows.
            await Reckoning.WaitAsync(ct);
            try
            {
                summaries = await SummariesAsync(db, prefix, ct);
                stale = stale.Where(code => !summaries.TryGetValue(code, out var s) || !s.IsFreshOn(RegionClock.Today(clock, code))).ToList();
                if (stale.Count > 0)
                {
                    await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                    await RollupSummaries.RefreshAsync(db, clock, stale, ct);
                    if (transaction is not null)
                        await transaction.CommitAsync(ct);
                    summaries = await SummariesAsync(db, prefix, ct);
                }
            }
            finally
            {
                Reckoning.Release();
            }
        }
        // Using Sinergi: it has an active account or has recorded an agreement.
        var users = await db.Users.Where(u => u.IsActive && u.RegionCode != null).WhereRegionUnder(prefix, u => u.RegionCode)
            .Select(u => u.RegionCode!).Distinct().ToListAsync(ct);
        var active = users.Concat(summaries.Values.Where(s => s.Recorded > 0).Select(s => s.RegionCode)).ToHashSet();

        var empty = new RollupSummary { RegionCode = "" };
        var rows = regions.Select(r => (Region: r, Figures: summaries.GetValueOrDefault(r.Code) ?? empty)).Select(x => new RollupRow(x.Region.Code,
            x.Region.Level == RegionLevel.Provinsi ? $"Provinsi {x.Region.Name}" : x.Region.Name, active.Contains(x.Region.Code),
            x.Figures.InForce, x.Figures.EndingSoon, x.Figures.Evaluated, x.Figures.InForceThisYear, x.Figures.Budgeted,
            x.Figures.AverageRating, x.Figures.Ratings, x.Figures.OpenObstacles)).ToList();
        var title = prefix == "" ? "Kerja sama daerah di seluruh Indonesia"
            : $"Kerja sama daerah di Provinsi {regions.FirstOrDefault(r => r.Code == prefix)?.Name ?? prefix}";
        return new Rollup(title, today, rows);
    }

    private static Task<Dictionary<string, RollupSummary>> SummariesAsync(AppDbContext db, string prefix, CancellationToken ct) =>
        db.RollupSummaries.AsNoTracking().WhereRegionUnder(prefix, s => s.RegionCode).ToDictionaryAsync(s => s.RegionCode, ct);

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
