using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Web.Auth;
using Sinergi.Web.Data;
using Sinergi.Web.Domain;
using Sinergi.Web.Infrastructure;

namespace Sinergi.Web.Pages.Agreements;

/// <summary>Record a new agreement (also a PKS under a KB, an adendum, an extension) or change one.</summary>
public class EditModel(AppDbContext db, RegionScope scope) : PageModel
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
        Agreement? agreement = null;
        if (IsNew)
        {
            if (!AgreementAccess.CanCreate(User, scope))
                return Forbid();
        }
        else
        {
            agreement = await LoadForEditAsync();
            if (agreement is null)
                return NotFound();
            if (!AgreementAccess.CanEdit(User, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)))
                return Forbid();
        }

        var region = scope.RegionCode!;
        var draft = Input.ToDraft();
        foreach (var (field, messages) in await draft.ProblemsAsync(db, region, Id))
        {
            foreach (var message in messages)
                ModelState.AddModelError($"{nameof(Input)}.{field}", message);
        }
        // An operator's agreements are their OPD's: it cannot be left out.
        if (!User.IsInRole(Roles.AdminKerjaSama) && scope.OpdId is int own && !draft.OpdIds.Contains(own))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AgreementInput.OpdIds)}", "OPD Anda harus termasuk OPD penanggung jawab.");
        Agreement? extended = null;
        if (IsNew && Input.ExtendsId is int extendsId)
        {
            extended = await db.Agreements.Include(a => a.Extensions).SingleOrDefaultAsync(a => a.Id == extendsId && a.RegionCode == region);
            if (extended is null)
                ModelState.AddModelError("", "Kerja sama yang diperpanjang tidak ditemukan di daerah ini.");
        }
        if (!ModelState.IsValid)
            return await FormAsync();

        var before = agreement is null ? null : await AgreementHistory.SnapshotAsync(db, agreement);
        if (agreement is null)
        {
            agreement = new Agreement { RegionCode = region, Title = "", ExtendsId = extended?.Id };
            db.Agreements.Add(agreement);
        }
        else
        {
            db.Entry(agreement).Property(a => a.Version).OriginalValue = Input.Version;
        }
        await draft.ApplyToAsync(db, agreement);
        var changes = AgreementHistory.Diff(before, await AgreementHistory.SnapshotAsync(db, agreement));
        if (before is not null && changes.Count == 0)
        {
            TempData["Status"] = "Tidak ada perubahan.";
            return Redirect($"/Agreements/Details/{agreement.Id}");
        }

        try
        {
            await AgreementHistory.SaveAsync(db, agreement, before is null ? AuditActions.Created : AuditActions.Changed, changes, Actor.Of(User),
                alsoRecord: saved => extended is null ? [] :
                [
                    AgreementHistory.Entry(extended, AuditActions.Extended,
                        [new AuditChange("Diperpanjang dengan", null, AgreementHistory.Reference(saved))], Actor.Of(User)),
                ]);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await ShowConflictAsync(draft);
            return await FormAsync();
        }
        catch (DbUpdateException) when (draft.Number is not null)
        {
            // Someone saved the same number a moment ago; the unique index said so.
            ModelState.AddModelError($"{nameof(Input)}.{nameof(AgreementInput.Number)}", "Nomor ini baru saja dipakai untuk kerja sama lain.");
            db.ChangeTracker.Clear();
            return await FormAsync();
        }

        TempData["Status"] = before is null ? "Kerja sama dicatat." : "Perubahan disimpan.";
        return HttpContext.RedirectAfterPost($"/Agreements/Details/{agreement.Id}");
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
