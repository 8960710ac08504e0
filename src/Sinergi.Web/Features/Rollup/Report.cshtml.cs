using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;

namespace Sinergi.Features.Rollup;

/// <summary>
/// The province's consolidated Laporan: all its kab/kota in one report, as PDF or xlsx, from the
/// roll-up's own figures (<see cref="RollupQueries"/>). For the province's overseer and its Admin Kerja
/// Sama; a national overseer names the province.
/// </summary>
public class ReportModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Province { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public Rollup Result { get; private set; } = null!;
    public string ProvinceCode { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var own = scope.OverseenPrefix is { Length: 2 } prefix ? prefix
            : User.IsInRole(Roles.AdminKerjaSama) && scope.RegionCode is { Length: 2 } region ? region : null;
        if (own is null && scope.OverseenPrefix != "")
            return Forbid();
        var chosen = own ?? (Province?.Trim() is { Length: 2 } code && Regions.Region.IsWellFormedCode(code) ? code : null);
        if (chosen is null || !db.Regions.Any(r => r.Code == chosen))
            return NotFound();
        ProvinceCode = chosen;
        Result = await RollupQueries.ReadAsync(db, clock, chosen, HttpContext.RequestAborted);
        var name = $"laporan-konsolidasi-{chosen}-{Result.Today:yyyy-MM-dd}";
        switch (Format)
        {
            case "pdf":
                return File(ConsolidatedReportPdf.Render(Result), "application/pdf", name + ".pdf");
            case "xlsx":
                var output = new MemoryStream();
                RollupExport.Write(output, Result.Rows.Append(ConsolidatedReportPdf.Total(Result)));
                output.Position = 0;
                return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            default:
                return Page();
        }
    }

    public string Link(string format) => $"/Rollup/Report?format={format}" + (scope.OverseenPrefix == "" ? $"&province={ProvinceCode}" : "");
}
