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
    public string Label { get; private set; } = "";
    public List<string> Blockers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var agreement = await LoadAsync();
        if (agreement is null)
            return NotFound();
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

        await AgreementRemoval.DeleteAsync(db, agreement, Actor.Of(User));
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
