using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Data;
using Sinergi.Features.Proposals;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.WorkPlans;

/// <summary>One activity of the plan: its progress (percent and note) and its evidence.</summary>
public class ActivityModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class ProgressInput
    {
        [Display(Name = "Kemajuan (%)")] public int? Progress { get; set; }
        public string? ProgressNote { get; set; }
        [Display(Name = "Versi data")] public int? Version { get; set; }
    }

    [BindProperty] public ProgressInput Input { get; set; } = new();
    public WorkPlanActivity Activity { get; private set; } = null!;
    public List<WorkPlanEvidence> Evidence { get; private set; } = [];
    public bool CanReport { get; private set; }
    public bool CanPlan { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        Input = new ProgressInput { Progress = Activity.Progress, ProgressNote = Activity.ProgressNote, Version = Activity.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!CanReport)
            return Forbid();
        if (!ModelState.IsValid)
            return Page();
        var problems = await WorkPlanRules.ReportAsync(db, ProposalCaller.Of(User, scope), Activity, Input.Progress, Input.ProgressNote, Input.Version, HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input), "");
            return Page();
        }
        TempData["Status"] = "Kemajuan kegiatan disimpan.";
        return HttpContext.RedirectAfterPost($"/WorkPlans/Activity/{id}");
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, [FromServices] FileStore files, [FromServices] IOptions<UploadOptions> uploads)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!CanReport)
            return Forbid();
        Input = new ProgressInput { Progress = Activity.Progress, ProgressNote = Activity.ProgressNote, Version = Activity.Version };
        if (file is null)
        {
            ModelState.AddModelError("", "Pilih berkas bukti (PDF, DOCX, XLSX, JPG atau PNG).");
            return Page();
        }
        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        var problems = await WorkPlanRules.UploadAsync(db, files, ProposalCaller.Of(User, scope), Activity, file.FileName, buffer, uploads.Value.MaxBytes, HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, "", [.. problems.Keys]);
            return Page();
        }
        TempData["Status"] = "Bukti diunggah.";
        return HttpContext.RedirectAfterPost($"/WorkPlans/Activity/{id}");
    }

    public async Task<IActionResult> OnGetEvidenceAsync(int id, int evidence, [FromServices] FileStore files)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var row = await db.WorkPlanEvidence.AsNoTracking().SingleOrDefaultAsync(e => e.Id == evidence && e.ActivityId == id);
        if (row is null || !files.Exists(row.Sha256))
            return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(files.OpenRead(row.Sha256), row.ContentType, FileNames.Clean(row.FileName));
    }

    private async Task<bool> LoadAsync(int id)
    {
        var caller = ProposalCaller.Of(User, scope);
        if (await db.WorkPlanActivities.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == id) is not { } activity
            || activity.RegionCode != caller.RegionCode || !WorkPlanRules.CanRead(caller))
            return false;
        Activity = activity;
        Evidence = await db.WorkPlanEvidence.AsNoTracking().Where(e => e.ActivityId == id).OrderByDescending(e => e.UploadedAt).ToListAsync();
        CanReport = WorkPlanRules.CanReport(caller, activity);
        CanPlan = WorkPlanRules.CanPlan(caller);
        Today = RegionClock.Today(clock, activity.RegionCode);
        return true;
    }
}
