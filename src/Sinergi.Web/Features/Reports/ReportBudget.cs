using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Budget;
using Sinergi.Infrastructure.Pdf;
using Sinergi.Web;

namespace Sinergi.Features.Reports;

/// <summary>One line of a budget summary: a source, an OPD or an urusan, with what was planned and realised.</summary>
public sealed record ReportBudgetRow(string Key, string Label, int Lines, decimal Planned, decimal Realised);

/// <summary>
/// The report's budget section: the region's budget lines of the report's fiscal year for the
/// agreements the report holds, totalled by source, OPD and urusan (of the nomenclature code).
/// </summary>
public sealed record ReportBudget(int Year, decimal Planned, decimal Realised,
    IReadOnlyList<ReportBudgetRow> BySource, IReadOnlyList<ReportBudgetRow> ByOpd, IReadOnlyList<ReportBudgetRow> ByUrusan)
{
    public static async Task<ReportBudget> BuildAsync(AppDbContext db, string regionCode, int year, IReadOnlyCollection<int> agreementIds, CancellationToken ct = default)
    {
        var lines = await db.BudgetLines.IgnoreQueryFilters().AsNoTracking()
            .Where(l => l.RegionCode == regionCode && l.FiscalYear == year && agreementIds.Contains(l.AgreementId))
            .Select(l => new { l.Source, Opd = l.Opd == null ? null : new { l.Opd.ShortName, l.Opd.Name }, l.ProgramCode, l.Planned, l.Realised })
            .ToListAsync(ct);
        var urusan = await db.Urusan.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.Name, ct);
        ReportBudgetRow Row<T>(string key, string label, IEnumerable<T> group, Func<T, decimal> planned, Func<T, decimal> realised)
        {
            var list = group.ToList();
            return new ReportBudgetRow(key, label, list.Count, list.Sum(planned), list.Sum(realised));
        }
        return new ReportBudget(year, lines.Sum(l => l.Planned), lines.Sum(l => l.Realised ?? 0),
            lines.GroupBy(l => l.Source).OrderBy(g => g.Key)
                .Select(g => Row(BudgetLabels.Label(g.Key), BudgetLabels.Label(g.Key), g, l => l.Planned, l => l.Realised ?? 0)).ToList(),
            lines.GroupBy(l => l.Opd?.ShortName ?? "").OrderBy(g => g.Key == "").ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(g.Key, g.First().Opd?.Name ?? "Di luar APBD (tanpa OPD pelaksana)", g, l => l.Planned, l => l.Realised ?? 0)).ToList(),
            lines.GroupBy(l => l.ProgramCode is null ? "" : BudgetNomenclature.UrusanOf(l.ProgramCode)).OrderBy(g => g.Key == "").ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(g.Key, g.Key == "" ? "Tanpa kode nomenklatur" : urusan.GetValueOrDefault(g.Key, g.Key), g, l => l.Planned, l => l.Realised ?? 0)).ToList());
    }

    public const string Heading = "J. Anggaran kerja sama";

    public string Note => $"Pagu dan realisasi tahun anggaran {Year} dari baris anggaran kerja sama dalam laporan ini; urusan menurut kode program nomenklatur.";

    public static PdfTable Table(IReadOnlyList<ReportBudgetRow> rows, string keyHeader, string labelHeader, ReportBudget budget)
    {
        var table = new PdfTable(new(keyHeader, 12), new(labelHeader, 40), new("Pagu", 20, Numeric: true), new("Realisasi", 20, Numeric: true), new("Capaian", 10, Numeric: true));
        foreach (var row in rows)
            table.Add(row.Key == "" ? ReportFormat.None : row.Key, row.Label, Indonesian.Rupiah(row.Planned), Indonesian.Rupiah(row.Realised), BudgetLabels.Share(row.Planned, row.Realised));
        if (rows.Count > 0)
            table.Total = ["Jumlah", "", Indonesian.Rupiah(budget.Planned), Indonesian.Rupiah(budget.Realised), BudgetLabels.Share(budget.Planned, budget.Realised)];
        return table;
    }
}
