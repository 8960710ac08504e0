using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;

namespace Sinergi.Features.WorkPlans;

/// <summary>Rencana kerja TKKSD: a year's activities against the calendar (planned months, this month, late ones), and the year's report as PDF.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), Display(Name = "Tahun")] public int? Year { get; set; }

    public int ShownYear { get; private set; }
    public DateOnly Today { get; private set; }
    public List<WorkPlanActivity> Activities { get; private set; } = [];
    public bool CanPlan { get; private set; }

    public int Done => Activities.Count(a => a.Progress >= 100);
    public double AverageProgress => Activities.Count == 0 ? 0 : Activities.Average(a => a.Progress);

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = ProposalCaller.Of(User, scope);
        if (!WorkPlanRules.CanRead(caller))
            return Forbid();
        Today = RegionClock.Today(clock, caller.RegionCode);
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : Today.Year;
        Activities = await WorkPlanRules.YearAsync(db, caller.RegionCode!, ShownYear, HttpContext.RequestAborted);
        CanPlan = WorkPlanRules.CanPlan(caller);
        return Page();
    }

    /// <summary>The end-of-year report of the plan.</summary>
    public async Task<IActionResult> OnGetReportAsync()
    {
        var caller = ProposalCaller.Of(User, scope);
        if (!WorkPlanRules.CanRead(caller))
            return Forbid();
        var today = RegionClock.Today(clock, caller.RegionCode);
        var year = Year is >= 2000 and <= 2100 ? Year.Value : today.Year;
        var activities = await WorkPlanRules.YearAsync(db, caller.RegionCode!, year, HttpContext.RequestAborted);
        var government = db.Regions.Where(r => r.Code == caller.RegionCode).AsEnumerable().Select(r => r.GovernmentName).Single();
        return File(WorkPlanPdf.Render(government, year, activities, today), "application/pdf", $"laporan-rencana-kerja-tkksd-{year}.pdf");
    }
}
