using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Dashboards;
using Sinergi.Tenancy;

namespace Sinergi.Features.Rollup;

/// <summary>An overseer's read-only look at one region's dashboard, drilled into from the roll-up.</summary>
public class RegionModel(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache) : PageModel
{
    public string Heading { get; private set; } = "";
    public DashboardView Dashboard { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (scope.OverseenPrefix is null)
            return Forbid();
        if (!Regions.Region.IsWellFormedCode(code) || !scope.Oversees(code) || await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code) is not { } region)
            return NotFound();
        Heading = region.GovernmentName;
        var ending = await AgreementSearchQuery.RunAsync(db, scope, clock, cache,
            new AgreementFilter { Status = AgreementStatus.AkanBerakhir, Sort = "berakhir", Region = code }, 1, Home.IndexModel.EndingShown);
        var figures = await DashboardQueries.ReadAsync(db, scope, clock, cache, code, null, HttpContext.RequestAborted);
        Dashboard = new DashboardView(figures, ending.CountsByStatus, ending.Rows);
        return Page();
    }
}
