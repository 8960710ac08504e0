using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>The lokus review or the evaluation of one period as the form posts it.</summary>
public sealed class AssessmentInput
{
    [Display(Name = "Jawaban kriteria")]
    public Dictionary<string, string?> Answers { get; set; } = [];
    public string? Findings { get; set; }
    public string? Recommendation { get; set; }
    [Display(Name = "Penilaian (1–5)")]
    public int? Rating { get; set; }
    [Display(Name = "Versi draf")]
    public int? Version { get; set; }

    public AssessmentDraft ToDraft() => new() { Answers = Answers, Findings = Findings, Recommendation = Recommendation, Rating = Rating };

    public static AssessmentInput Of(Assessment? draft) => draft is null ? new() : new()
    {
        Answers = draft.Answers.ToDictionary(a => a.Key, a => (string?)a.Value), Findings = draft.Findings,
        Recommendation = draft.Recommendation, Rating = draft.Rating, Version = draft.Version,
    };
}

/// <summary>
/// One judgement of one period (<see cref="Kind"/>): the OPD's submitted report above, the form
/// while it is this caller's turn, the submitted revisions below, and a correction started here.
/// </summary>
public abstract class AssessmentPageModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public abstract AssessmentKind Kind { get; }
    public MonevAgreement Agreement { get; private set; } = null!;
    public Assessments.Slot Slot { get; private set; } = null!;
    public ImplementationReport? Report { get; private set; }
    public string? Refusal { get; private set; }
    public bool Editing => Refusal is null && Slot.TurnProblem is null && Slot.Latest is not { State: ReportState.Dikirim };

    [BindProperty] public AssessmentInput Input { get; set; } = new();
    [BindProperty] public ReportModel.CorrectionInput Correction { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string period)
    {
        if (await LoadAsync(id, period) is { } missing)
            return missing;
        Input = AssessmentInput.Of(Slot.Draft);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, string period) => ChangeAsync(id, period, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(int id, string period) => ChangeAsync(id, period, submit: true);

    public async Task<IActionResult> OnPostCorrectAsync(int id, string period)
    {
        if (await LoadAsync(id, period) is { } missing)
            return missing;
        if (Refusal is not null)
            return Forbid();
        var problems = await Assessments.CorrectAsync(db, Slot, Correction.Reason, Actor.Of(User), HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Correction));
            return Page();
        }
        TempData["Status"] = "Koreksi dimulai sebagai versi baru. Versi yang sudah dikirim tetap tersimpan.";
        return HttpContext.RedirectAfterPost(Request.Path);
    }

    private async Task<IActionResult> ChangeAsync(int id, string period, bool submit)
    {
        if (await LoadAsync(id, period) is { } missing)
            return missing;
        if (Refusal is not null)
            return Forbid();
        if (!ModelState.IsValid)
            return Page();
        var problems = await Assessments.SaveAsync(db, Slot, Input.ToDraft(), submit, Input.Version, Actor.Of(User), HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input), ImplementationReports.PeriodField);
            return await LoadAsync(id, period) ?? Page();
        }
        TempData["Status"] = submit ? $"{AssessmentCriteria.Title(Kind)} {Slot.Period.Label} dikirim." : "Draf disimpan. Belum dikirim.";
        return HttpContext.RedirectAfterPost(submit ? ReportModel.Link(id, Slot.Period.Code) : Request.Path);
    }

    private async Task<IActionResult?> LoadAsync(int id, string period)
    {
        var ct = HttpContext.RequestAborted;
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct) || await MonevAgreement.LoadAsync(db, id, ct) is not { } agreement)
            return NotFound();
        Agreement = agreement;
        db.ChangeTracker.Clear();
        var region = MonevAccess.ReportRegion(scope, agreement);
        var today = RegionClock.Today(clock, agreement.RegionCode);
        var (slot, _) = await Assessments.OpenAsync(db, agreement, period, region, Kind, today, ct);
        if (slot is null)
            return NotFound();
        Slot = slot;
        Report = (await ImplementationReports.OpenAsync(db, agreement, period, region, today, ct)).Slot?.Submitted;
        Refusal = await MonevAccess.AssessmentRefusalAsync(db, User, scope, agreement, Kind, ct);
        return null;
    }
}
