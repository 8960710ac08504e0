using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Agreements;

/// <summary>Removes a mistaken record; its history stays, with a last entry saying it was deleted.</summary>
public class DeleteModel(AppDbContext db, RegionScope scope) : PageModel
{
    [FromRoute] public int Id { get; set; }
    /// <summary>The version the person saw: a record changed since is not deleted unseen.</summary>
    [BindProperty, System.ComponentModel.DataAnnotations.Display(Name = "Versi data")] public int Version { get; set; }
    public string Label { get; private set; } = "";
    public List<string> Blockers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var agreement = await LoadAsync();
        if (agreement is null)
            return NotFound();
        Version = agreement.Version;
        return AgreementAccess.CanDelete(User, scope, agreement.RegionCode) ? Page() : Forbid();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var agreement = await LoadAsync();
        if (agreement is null)
            return NotFound();
        if (!AgreementAccess.CanDelete(User, scope, agreement.RegionCode))
            return Forbid();
        if (Blockers.Count > 0)
            return Page();

        db.Entry(agreement).Property(a => a.Version).OriginalValue = Version;
        try
        {
            await AgreementRemoval.DeleteAsync(db, agreement, Actor.Of(User));
        }
        catch (DbUpdateException)
        {
            // Changed, ended or deleted by someone else, or given a PKS or extension, since the page was read.
            db.ChangeTracker.Clear();
            if (await LoadAsync() is not { } current)
            {
                TempData["Status"] = "Catatan kerja sama ini sudah dihapus orang lain.";
                return Redirect("/Agreements");
            }
            Version = current.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError("", "Kerja sama ini baru saja diubah orang lain. Periksa perubahannya di halaman kerja sama, lalu hapus bila masih perlu.");
            return Page();
        }
        TempData["Status"] = $"Catatan kerja sama \"{agreement.Title}\" dihapus.";
        return Redirect("/Agreements");
    }

    private async Task<Agreement?> LoadAsync()
    {
        var agreement = await db.Agreements.WithLists()
            .SingleOrDefaultAsync(a => a.Id == Id && a.RegionCode == scope.RegionCode);
        if (agreement is null)
            return null;
        Label = AgreementHistory.Reference(agreement);
        Blockers = await AgreementRemoval.BlockersAsync(db, agreement.Id);
        return agreement;
    }
}
