using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Agreements;

/// <summary>Record a new agreement (also a PKS under a KB, an adendum, an extension) or change one.</summary>
public partial class EditModel(AppDbContext db, RegionScope scope) : PageModel
{
    [BindProperty] public AgreementInput Input { get; set; } = new();
    [FromRoute] public int? Id { get; set; }

    public bool IsNew => Id is null;
    public AgreementFormOptions Options { get; private set; } = null!;
    public string? ExtendsLabel { get; private set; }
    /// <summary>After someone else saved first: the stored values that differ from what was submitted.</summary>
    public List<AuditChange>? Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? parent, string? type, int? extends)
    {
        if (IsNew)
        {
            if (!AgreementAccess.CanCreate(User, scope))
                return Forbid();
            Input = await AgreementInput.ForNewAsync(db, scope, parent, type, extends);
        }
        else
        {
            var agreement = await LoadForEditAsync();
            if (agreement is null)
                return NotFound();
            if (!AgreementAccess.CanEdit(User, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)))
                return Forbid();
            Input = AgreementInput.From(agreement);
        }
        await PrepareAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (agreement, refusal) = await AuthorizeAsync();
        if (refusal is not null)
            return refusal;

        var recorder = AgreementChanges.Recorder.Of(User, scope);
        var draft = Input.ToDraft();
        AgreementChanges.NewAgreement? checkedNew = null;
        if (agreement is null)
        {
            (checkedNew, var problems) = await AgreementChanges.CheckNewAsync(db, draft, Input.ExtendsId, recorder);
            ModelState.AddProblems(problems, nameof(Input), AgreementChanges.ExtendsField);
        }
        else
        {
            ModelState.AddProblems(await AgreementChanges.ProblemsAsync(db, draft, recorder, Id), nameof(Input));
        }
        if (!ModelState.IsValid)
            return await FormAsync();

        try
        {
            if (agreement is null)
            {
                agreement = await AgreementChanges.CreateAsync(db, checkedNew!, recorder);
                TempData["Status"] = "Kerja sama dicatat.";
            }
            else
            {
                db.Entry(agreement).Property(a => a.Version).OriginalValue = Input.Version;
                var changes = await AgreementChanges.ChangeAsync(db, agreement, draft, recorder.Actor);
                TempData["Status"] = changes.Count == 0 ? "Tidak ada perubahan." : "Perubahan disimpan.";
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await ShowConflictAsync(draft);
            return await FormAsync();
        }
        catch (DbUpdateException) when (draft.Number is not null)
        {
            if (!await AgreementChanges.NumberTakenMeanwhileAsync(db, draft, scope.RegionCode!, Id))
                throw;
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AgreementInput.Number)}", AgreementChanges.NumberTakenMeanwhile);
            return await FormAsync();
        }
        return HttpContext.RedirectAfterPost($"/Agreements/Details/{agreement.Id}");
    }

    /// <summary>Who may post this form: a new agreement needs the right to record, a change the right to edit this one.</summary>
    private async Task<(Agreement? Agreement, IActionResult? Refusal)> AuthorizeAsync()
    {
        if (IsNew)
            return (null, AgreementAccess.CanCreate(User, scope) ? null : Forbid());
        var agreement = await LoadForEditAsync();
        if (agreement is null)
            return (null, NotFound());
        return (agreement, AgreementAccess.CanEdit(User, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)) ? null : Forbid());
    }

    private async Task<IActionResult> FormAsync()
    {
        await PrepareAsync();
        Response.VaryOnHtmx();
        return Request.IsHtmx() ? Partial("_AgreementForm", this) : Page();
    }

    private async Task PrepareAsync()
    {
        Options = await AgreementFormOptions.LoadAsync(db, scope.RegionCode!, Id);
        if (Input.ExtendsId is int extendsId)
            ExtendsLabel = await db.Agreements.Where(a => a.Id == extendsId)
                .Select(a => a.Number != null ? a.Number + " — " + a.Title : a.Title).SingleOrDefaultAsync();
    }

    /// <summary>Only the region's own agreements are edited here: shared and overseen ones are read elsewhere.</summary>
    private Task<Agreement?> LoadForEditAsync() =>
        db.Agreements.WithLists()
            .SingleOrDefaultAsync(a => a.Id == Id && a.RegionCode == scope.RegionCode);

    private async Task ShowConflictAsync(AgreementDraft mine)
    {
        var current = await LoadForEditAsync();
        if (current is null)
        {
            ModelState.AddModelError("", "Kerja sama ini sudah dihapus orang lain sehingga perubahan Anda tidak dapat disimpan.");
            return;
        }
        var stored = await AgreementHistory.SnapshotAsync(db, current);
        var probe = new Agreement { RegionCode = current.RegionCode, Title = "", Lifecycle = current.Lifecycle };
        await mine.ApplyToAsync(db, probe);
        db.ChangeTracker.Clear();
        var submitted = await AgreementHistory.SnapshotAsync(db, probe);
        Conflict = AgreementHistory.Diff(submitted, stored);
        Input.Version = current.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(AgreementInput.Version)}");
    }
}
