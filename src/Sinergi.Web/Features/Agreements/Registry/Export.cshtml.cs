using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>Downloads the registry as filtered on the list page, as Excel or CSV.</summary>
public class ExportModel(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? format, string? q, string? status, string? kind, string? type, int? opd, int? partner,
        string? partnerType, string? urusan, int? year, string? sort, string? region, string? flag, string? perpanjangan,
        string? dampak)
    {
        var filter = AgreementFilter.FromQuery(scope, q, status, kind, type, opd, partner, partnerType, urusan, year, sort, region)
            .WithWords(flag, dampak, perpanjangan);
        var rows = await AgreementExport.RowsAsync(db, scope, clock, cache, filter, HttpContext.RequestAborted);
        var output = new MemoryStream();
        var (contentType, fileName) = AgreementExport.Write(output, format == "csv" ? "csv" : "xlsx", rows, RegionClock.Today(clock, filter.Region ?? scope.RegionCode));
        output.Position = 0;
        return File(output, contentType, fileName);
    }
}
