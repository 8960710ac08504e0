using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Budget;

namespace Sinergi.Data;

/// <summary>
/// Budget lines of the demo: every costed agreement of Palangka Raya in force gets its lines for
/// last year and this year, except a few left for the integration checks to find: two APBD
/// agreements with no line (Disnaker's and Disbudpar's), one with APBD funding whose only line is
/// the partner's, and one whose realisation last year fell far below plan.
/// </summary>
internal static class DemoBudget
{
    /// <summary>No line at all: "belum terintegrasi anggaran".</summary>
    public static readonly string[] Missing =
    [
        "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan dan Peserta Magang",
        "Paket Wisata Susur Sungai Bersama",
    ];

    /// <summary>APBD and partner funding, but only the partner's line.</summary>
    public const string PartnerLineOnly = "Pos Pemadam Kebakaran Terpadu di Kawasan Gambut";

    /// <summary>Last year's realisation at 55% of plan.</summary>
    public const string LowRealisation = "Penyediaan Air Bersih Lintas Wilayah";

    public static async Task SeedAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        if (await db.BudgetLines.IgnoreQueryFilters().AnyAsync(l => l.RegionCode == regionCode, ct))
            return;
        var agreements = await db.Agreements.IgnoreQueryFilters().AsNoTracking().WhereInForce(today)
            .Where(a => a.RegionCode == regionCode && a.Value != null && !Missing.Contains(a.Title))
            .Select(a => new { a.Id, a.Title, a.Value, a.Funding, a.StartsOn, a.EndsOn, Opd = a.Opds.OrderBy(o => o.Id).First(), Urusan = a.Urusan.OrderBy(u => u.Code).First().Code })
            .ToListAsync(ct);
        foreach (var a in agreements)
        {
            var firstYear = Math.Max(a.StartsOn!.Value.Year, today.Year - 1);
            var lastYear = Math.Min(a.EndsOn?.Year ?? today.Year, today.Year);
            var termYears = Math.Max(1, (a.EndsOn?.Year ?? today.Year) - a.StartsOn.Value.Year + 1);
            var perYear = decimal.Round(a.Value!.Value / termYears / 1_000_000m) * 1_000_000m;
            for (var year = firstYear; year <= lastYear; year++)
            {
                var past = year < today.Year;
                var share = a.Title == LowRealisation && past ? 0.55m : past ? 0.92m : today.Month / 12m * 0.8m;
                var realised = decimal.Round(perYear * share / 1_000_000m) * 1_000_000m;
                var program = $"{a.Urusan}.02";
                var line = new BudgetLine
                {
                    RegionCode = regionCode, AgreementId = a.Id, FiscalYear = year,
                    Source = a.Title == PartnerLineOnly ? BudgetSource.Mitra : BudgetSource.Apbd,
                    Planned = perYear, Realised = realised,
                };
                if (line.Source == BudgetSource.Apbd)
                {
                    (line.OpdId, line.ProgramCode, line.KegiatanCode, line.SubKegiatanCode) = (a.Opd.Id, program, $"{program}.2.01", $"{program}.2.01.0001");
                    (line.Document, line.DocumentNumber) = (PlanningDocument.Dpa, $"DPA/{a.Opd.ShortName}/{year}");
                }
                if (past && a.Funding == FundingSource.Apbd)
                {
                    var quarter = decimal.Round(realised / 4m);
                    (line.Breakdown, line.Parts) = (RealisationBreakdown.Quarterly, [quarter, quarter, quarter, realised - 3 * quarter]);
                }
                db.BudgetLines.Add(line);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
