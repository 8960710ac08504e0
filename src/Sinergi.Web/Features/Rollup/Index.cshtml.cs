using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Infrastructure.Spreadsheets;
using Sinergi.Tenancy;

namespace Sinergi.Features.Rollup;

/// <summary>Rekap: the regions under a province or national overseer side by side; read-only, for overseers only.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock, Agreements.Registry.RegistryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public Rollup Result { get; private set; } = null!;
    public IReadOnlyList<RollupRow> Rows { get; private set; } = [];
    public string Prefix { get; private set; } = "";
    public Network Network { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (scope.OverseenPrefix is not { } prefix)
            return Forbid();
        Prefix = prefix;
        Result = await RollupQueries.ReadAsync(db, clock, prefix, HttpContext.RequestAborted);
        Rows = RollupQueries.Sorted(Result.Rows, Sort).ToList();
        if (Format == "xlsx")
        {
            var output = new MemoryStream();
            RollupExport.Write(output, Rows);
            output.Position = 0;
            return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"rekap-kerja-sama-{(prefix == "" ? "nasional" : prefix)}.xlsx");
        }
        Network = await KsddNetwork.ReadAsync(db, cache, clock, prefix, HttpContext.RequestAborted);
        return Page();
    }
}

/// <summary>The roll-up as a workbook: the same columns as the page, numbers as numbers.</summary>
public static class RollupExport
{
    private static readonly ExportColumn[] Columns =
    [
        new("Kode"), new("Daerah"), new("Memakai Sinergi"), new("Masih berlaku", ExportKind.Number), new("Akan berakhir", ExportKind.Number),
        new("Dievaluasi tahun ini", ExportKind.Number), new("Berlaku tahun ini (berbiaya)", ExportKind.Number), new("Terintegrasi anggaran", ExportKind.Number),
        new("Nilai rata-rata"), new("Kendala terbuka", ExportKind.Number),
    ];

    public static void Write(Stream output, IEnumerable<RollupRow> rows) =>
        TableExport.WriteXlsx(output, "Rekap", Columns, rows.Select(r => new object?[]
        {
            r.Code, r.Name, r.UsesSinergi ? "ya" : "belum", r.InForce, r.EndingSoon, r.Evaluated, r.InForceThisYear, r.Budgeted,
            r.AverageRating?.ToString("0.0", Web.Indonesian.Culture), r.OpenObstacles,
        }));
}
