using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Agreements;

/// <summary>Ends an agreement early, with the date and the reason; the status becomes "diakhiri".</summary>
public class TerminateModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Tanggal diakhiri")]
        public DateOnly? TerminatedOn { get; set; }
        public string? Reason { get; set; }

        [Display(Name = "Versi data")]

        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [FromRoute] public int Id { get; set; }
    public string Label { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var agreement = await LoadAsync();
        if (agreement is null)
            return NotFound();
        if (!AgreementAccess.CanEdit(User, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)))
            return Forbid();
        Input = new InputModel { TerminatedOn = RegionClock.Today(clock, agreement.RegionCode), Version = agreement.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var agreement = await LoadAsync();
        if (agreement is null)
            return NotFound();
        if (!AgreementAccess.CanEdit(User, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)))
            return Forbid();
        ModelState.AddProblems(AgreementChanges.TerminationProblems(agreement, Input.TerminatedOn, Input.Reason), nameof(Input),
            AgreementChanges.LifecycleField);
        if (!ModelState.IsValid)
            return Page();

        db.Entry(agreement).Property(a => a.Version).OriginalValue = Input.Version;
        try
        {
            await AgreementChanges.TerminateAsync(db, agreement, Input.TerminatedOn!.Value, Input.Reason!, Actor.Of(User));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Kerja sama ini baru saja diubah orang lain. Buka kembali halamannya, periksa perubahan itu, lalu akhiri bila masih perlu.");
            return Page();
        }
        TempData["Status"] = "Kerja sama diakhiri.";
        return Redirect($"/Agreements/Details/{Id}");
    }

    private async Task<Agreement?> LoadAsync()
    {
        var agreement = await db.Agreements.WithLists()
            .SingleOrDefaultAsync(a => a.Id == Id && a.RegionCode == scope.RegionCode);
        if (agreement is not null)
            Label = AgreementHistory.Reference(agreement);
        return agreement;
    }
}
