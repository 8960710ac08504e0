using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Proposals;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Settings.Sop;

/// <summary>
/// The region's SOP per kind of cooperation, edited as an ordered list of stages (added, removed
/// and moved with submit buttons, so it works without JavaScript) and saved through
/// <see cref="SopEditor"/> as the next version; and the TKKSD's rubric and quorum.
/// </summary>
public class IndexModel(AppDbContext db, RegionScope scope) : PageModel
{
    public static readonly AgreementKind[] Kinds = [AgreementKind.Ksdd, AgreementKind.Ksdpk, AgreementKind.Sinergi];
    public const int BlankMoves = 2;
    public const int RubricRows = 10;

    public sealed class MoveInput
    {
        public MoveKind Kind { get; set; }
        public string? To { get; set; }
        public string? Label { get; set; }
        public MoveCondition Condition { get; set; }
    }

    public sealed class StageInput
    {
        [Display(Name = "Kode")] public string? Code { get; set; }
        [Display(Name = "Nama tahap")] public string? Name { get; set; }
        public List<string> Actors { get; set; } = [];
        public List<string> Documents { get; set; } = [];
        [Display(Name = "Daftar periksa")] public string? Checklist { get; set; }
        [Display(Name = "Batas waktu (hari)")] public int? DeadlineDays { get; set; }
        [Display(Name = "Perpindahan keluar")] public List<MoveInput> Moves { get; set; } = [];
    }

    [BindProperty, Display(Name = "Tahap")] public List<StageInput> Stages { get; set; } = [];
    [BindProperty, Display(Name = "Versi SOP")] public int SopNumber { get; set; }
    [BindProperty, Display(Name = "Kriteria")] public List<string?> CriteriaNames { get; set; } = [];
    [BindProperty, Display(Name = "Bobot (%)")] public List<int> CriteriaWeights { get; set; } = [];
    [BindProperty, Display(Name = "Aturan kuorum")] public bool QuorumFixed { get; set; }
    [BindProperty, Display(Name = "Jumlah anggota untuk kuorum")] public int? QuorumMinimum { get; set; }

    public AgreementKind Kind { get; private set; }
    public SopVersion Current { get; private set; } = null!;
    public Region Region { get; private set; } = null!;
    public string RegionQuery { get; private set; } = "";
    public int Members { get; private set; }
    /// <summary>Which form was refused ("sop" or "assessment"), for its list of problems.</summary>
    public string? Failed { get; private set; }

    /// <summary>The query string of this page for the kind (and the system admin's region).</summary>
    public string Query(AgreementKind kind) => $"?kind={AgreementLabels.Slug(kind)}" + (RegionQuery.Length > 0 ? $"&region={Region.Code}" : "");

    public async Task<IActionResult> OnGetAsync(string? kind, string? region)
    {
        if (!await ResolveAsync(kind, region))
            return RedirectToPage("/Settings/Index");
        FromSop(Current);
        await LoadAssessmentAsync(fromDb: true);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? kind, string? region)
    {
        if (!await ResolveAsync(kind, region))
            return RedirectToPage("/Settings/Index");
        await LoadAssessmentAsync(fromDb: true);
        ClearAssessmentState();
        Failed = "sop";
        if (!ModelState.IsValid)
            return Page();
        var saved = await SopEditor.SaveAsync(db, Region.Code, Kind, ToStages(), Actor.Of(User), HttpContext.RequestAborted, SopNumber);
        if (saved.Sop is null)
        {
            foreach (var problem in saved.Problems)
                ModelState.AddModelError(problem.Field, problem.Message);
            Response.StatusCode = saved.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        TempData["Status"] = $"SOP {AgreementLabels.Code(Kind)} disimpan sebagai versi {saved.Sop.Number}. Usulan yang sedang berjalan tetap mengikuti versinya.";
        return HttpContext.RedirectAfterPost("/Settings/Sop" + Query(Kind));
    }

    /// <summary>A blank stage after stage <paramref name="at"/> (−1: at the start); nothing is saved until Simpan.</summary>
    public Task<IActionResult> OnPostAddAsync(string? kind, string? region, int at) => EditAsync(kind, region, () =>
    {
        var index = Math.Clamp(at + 1, 0, Stages.Count);
        var next = index < Stages.Count ? Stages[index].Code : SopVersion.Done;
        var first = Stages.FirstOrDefault()?.Code;
        Stages.Insert(index, new StageInput
        {
            Actors = [Accounts.Roles.AdminKerjaSama], DeadlineDays = 14,
            Moves = [new() { Kind = MoveKind.Forward, To = next, Label = "Lanjutkan" }, .. index > 0 && first is not null ? [new MoveInput { Kind = MoveKind.Return, To = first, Label = "Kembalikan untuk revisi" }] : Array.Empty<MoveInput>()],
        });
    });

    public Task<IActionResult> OnPostRemoveAsync(string? kind, string? region, int at) => EditAsync(kind, region, () =>
    {
        if (at >= 0 && at < Stages.Count)
            Stages.RemoveAt(at);
    });

    public Task<IActionResult> OnPostUpAsync(string? kind, string? region, int at) => EditAsync(kind, region, () =>
    {
        if (at > 0 && at < Stages.Count)
            (Stages[at - 1], Stages[at]) = (Stages[at], Stages[at - 1]);
    });

    public Task<IActionResult> OnPostDownAsync(string? kind, string? region, int at) => EditAsync(kind, region, () =>
    {
        if (at >= 0 && at < Stages.Count - 1)
            (Stages[at + 1], Stages[at]) = (Stages[at], Stages[at + 1]);
    });

    public async Task<IActionResult> OnPostAssessmentAsync(string? kind, string? region)
    {
        if (!await ResolveAsync(kind, region))
            return RedirectToPage("/Settings/Index");
        FromSop(Current);
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(Stages), StringComparison.Ordinal) || k == nameof(SopNumber)).ToList())
            ModelState.Remove(key);
        Members = await ProposalVotes.MembersAsync(db, Region.Code, HttpContext.RequestAborted);
        if (ModelState.IsValid)
        {
            var criteria = CriteriaNames.Select((n, i) => new RubricCriterion(n ?? "", i < CriteriaWeights.Count ? CriteriaWeights[i] : 0)).ToList();
            var problems = await ProposalSettingsEditor.SaveAsync(db, Region.Code, criteria, QuorumFixed ? QuorumMinimum ?? 0 : null, Actor.Of(User), HttpContext.RequestAborted);
            if (problems.Count == 0)
            {
                TempData["Status"] = "Rubrik penilaian dan kuorum TKKSD disimpan.";
                return HttpContext.RedirectAfterPost("/Settings/Sop" + Query(Kind) + "#assessment");
            }
            foreach (var (field, messages) in problems)
                foreach (var message in messages)
                    ModelState.AddModelError(AssessmentField(field), message);
        }
        Pad();
        Failed = "assessment";
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The form field a rubric problem belongs to (<c>Criteria[2].Weight</c> → <c>CriteriaWeights[2]</c>).</summary>
    private static string AssessmentField(string field)
    {
        if (field.StartsWith("Criteria[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 0)
            return (field.EndsWith(".Weight", StringComparison.Ordinal) ? nameof(CriteriaWeights) : nameof(CriteriaNames)) + field[8..(close + 1)];
        return field == "QuorumMinimum" ? nameof(QuorumMinimum) : "";
    }

    private async Task<IActionResult> EditAsync(string? kind, string? region, Action edit)
    {
        if (!await ResolveAsync(kind, region))
            return RedirectToPage("/Settings/Index");
        await LoadAssessmentAsync(fromDb: true);
        edit();
        // The form is drawn again from the edited list, not from what was posted at the old positions.
        ModelState.Clear();
        return Page();
    }

    private async Task<bool> ResolveAsync(string? kind, string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return false;
        Region = resolved;
        RegionQuery = scope.RegionCode is null ? $"?region={resolved.Code}" : "";
        Kind = AgreementLabels.KindFromSlug(kind) is { } k && Kinds.Contains(k) ? k : AgreementKind.Ksdd;
        Current = await DefaultSops.ReadAsync(db, resolved.Code, Kind, HttpContext.RequestAborted);
        return true;
    }

    private void ClearAssessmentState()
    {
        foreach (var key in ModelState.Keys.Where(k => k.StartsWith("Criteria", StringComparison.Ordinal) || k.StartsWith("Quorum", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
    }

    private async Task LoadAssessmentAsync(bool fromDb)
    {
        Members = await ProposalVotes.MembersAsync(db, Region.Code, HttpContext.RequestAborted);
        if (fromDb)
        {
            var settings = await ProposalVotes.SettingsAsync(db, Region.Code, HttpContext.RequestAborted);
            CriteriaNames = [.. settings.Criteria.Select(c => (string?)c.Name)];
            CriteriaWeights = [.. settings.Criteria.Select(c => c.Weight)];
            QuorumFixed = settings.QuorumMinimum is not null;
            QuorumMinimum = settings.QuorumMinimum;
        }
        Pad();
    }

    private void Pad()
    {
        while (CriteriaNames.Count < RubricRows)
            CriteriaNames.Add(null);
        while (CriteriaWeights.Count < CriteriaNames.Count)
            CriteriaWeights.Add(0);
    }

    private void FromSop(SopVersion sop)
    {
        SopNumber = sop.Number;
        Stages = [.. sop.Stages.Select(s => new StageInput
        {
            Code = s.Code, Name = s.Name, Actors = [.. s.Actors], Documents = [.. s.Documents], Checklist = string.Join("\n", s.Checklist), DeadlineDays = s.DeadlineDays,
            Moves = [.. s.Moves.Select(m => new MoveInput { Kind = m.Kind, To = m.To, Label = m.Label, Condition = m.Condition })],
        })];
    }

    /// <summary>The posted form as stages; a move row without a target is an unused row.</summary>
    private List<SopStage> ToStages() =>
    [
        .. Stages.Select(s => new SopStage(s.Code ?? "", s.Name ?? "", [.. s.Actors], [.. s.Documents],
            [.. (s.Checklist ?? "").Split('\n').Select(l => l.Trim())], s.DeadlineDays ?? 0,
            [.. s.Moves.Where(m => !string.IsNullOrWhiteSpace(m.To)).Select(m => new SopMove(m.To!, m.Kind, m.Label ?? "", m.Condition))])),
    ];
}
