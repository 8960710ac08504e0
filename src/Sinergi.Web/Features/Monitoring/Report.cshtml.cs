using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// One period of one agreement: the OPD's laporan pelaksanaan, as a form while it is a draft and
/// read-only once submitted, with its earlier revisions and a correction started from here.
/// </summary>
public partial class ReportModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public MonevAgreement Agreement { get; private set; } = null!;
    public ImplementationReports.Slot Slot { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    /// <summary>Why the caller cannot file this report; null when they can.</summary>
    public string? Refusal { get; private set; }
    public bool CanFile => Refusal is null;
    public bool Editing => CanFile && Slot.Latest is not { State: ReportState.Dikirim };

    /// <summary>The review and the evaluation that follow the report: the latest revision of each, if any.</summary>
    public Dictionary<AssessmentKind, Assessment> Judgements { get; private set; } = [];

    [BindProperty]
    public ReportInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, string period)
    {
        if (await LoadAsync(id, period) is { } missing)
            return missing;
        Input = ReportInput.Of(Slot.Draft);
        return Page();
    }

    /// <summary>The period's evaluation report as a PDF: the three reports, indicators, obstacles, rating and recommendation.</summary>
    public async Task<IActionResult> OnGetPdfAsync(int id, string period)
    {
        if (await LoadAsync(id, period) is { } missing)
            return missing;
        var pdf = await EvaluationReport.RenderAsync(db, Agreement, Slot.Period, Slot.RegionCode, Today, HttpContext.RequestAborted);
        return File(pdf, "application/pdf", EvaluationReport.FileName(Agreement, Slot.Period));
    }

    public Task<IActionResult> OnPostSaveAsync(int id, string period) => ChangeAsync(id, period, submit: false);

    public Task<IActionResult> OnPostSubmitAsync(int id, string period) => ChangeAsync(id, period, submit: true);

    private async Task<IActionResult> ChangeAsync(int id, string period, bool submit)
    {
        if (await LoadAsync(id, period) is { } missing)
            return missing;
        if (!CanFile)
            return Forbid();
        if (!ModelState.IsValid)
            return Refused();
        var draft = Input.ToDraft();
        var problems = submit
            ? await ImplementationReports.SubmitAsync(db, Slot, draft, scope.OpdId, Input.Version, Actor.Of(User), HttpContext.RequestAborted)
            : await ImplementationReports.SaveDraftAsync(db, Slot, draft, scope.OpdId, Input.Version, Actor.Of(User), HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input), ImplementationReports.PeriodField);
            // A report someone else just submitted is shown as it now stands, with the message.
            if (await LoadAsync(id, period) is { } gone)
                return gone;
            return Refused();
        }
        TempData["Status"] = submit
            ? $"Laporan pelaksanaan {Slot.Period.Label} dikirim. Terima kasih; laporan ini kini menunggu telaah TKKSD."
            : "Draf laporan disimpan. Laporan belum dikirim.";
        return HttpContext.RedirectAfterPost(Link(id, Slot.Period.Code));
    }

    private IActionResult Refused()
    {
        Input.WithBlankRows();
        return Page();
    }

    public static string Link(int id, string period) => $"/Evaluations/Agreement/{id}/{period}";

    /// <summary>Loads the agreement and the period's reports; the answer to give instead when the caller may not read them.</summary>
    private async Task<IActionResult?> LoadAsync(int id, string period)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, HttpContext.RequestAborted)
            || await MonevAgreement.LoadAsync(db, id, HttpContext.RequestAborted) is not { } agreement)
            return NotFound();
        Agreement = agreement;
        Today = RegionClock.Today(clock, agreement.RegionCode);
        db.ChangeTracker.Clear();
        var (slot, _) = await ImplementationReports.OpenAsync(db, agreement, period, MonevAccess.ReportRegion(scope, agreement), Today, HttpContext.RequestAborted);
        if (slot is null)
            return NotFound();
        Slot = slot;
        Refusal = MonevAccess.ImplementationRefusal(User, scope, agreement);
        Judgements = (await db.Assessments.IgnoreQueryFilters().AsNoTracking()
                .Where(x => x.AgreementId == id && x.RegionCode == slot.RegionCode && x.PeriodCode == slot.Period.Code).ToListAsync(HttpContext.RequestAborted))
            .GroupBy(x => x.Kind).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Revision)!);
        return null;
    }
}
