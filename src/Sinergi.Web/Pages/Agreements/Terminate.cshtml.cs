using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Web.Auth;
using Sinergi.Web.Data;
using Sinergi.Web.Domain;

namespace Sinergi.Web.Pages.Agreements;

/// <summary>Ends an agreement early, with the date and the reason; the status becomes "diakhiri".</summary>
public class TerminateModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Tanggal diakhiri wajib diisi.")]
        public DateOnly? TerminatedOn { get; set; }

        [Required(ErrorMessage = "Alasan wajib diisi: riwayat kerja sama harus menjelaskan mengapa diakhiri.")]
        [StringLength(1000, ErrorMessage = "Alasan paling panjang 1.000 karakter.")]
        public string? Reason { get; set; }

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
        if (agreement.Lifecycle != AgreementLifecycle.Aktif)
            ModelState.AddModelError("", "Hanya kerja sama yang sudah ditandatangani dan belum diakhiri yang dapat diakhiri.");
        if (Input.TerminatedOn is { } on && agreement.StartsOn is { } start && on < start)
            ModelState.AddModelError("Input.TerminatedOn", "Tanggal diakhiri tidak boleh sebelum kerja sama mulai berlaku.");
        if (!ModelState.IsValid)
            return Page();

        var before = await AgreementHistory.SnapshotAsync(db, agreement);
        db.Entry(agreement).Property(a => a.Version).OriginalValue = Input.Version;
        agreement.Lifecycle = AgreementLifecycle.Diakhiri;
        agreement.TerminatedOn = Input.TerminatedOn;
        agreement.TerminationReason = Input.Reason!.Trim();
        var changes = AgreementHistory.Diff(before, await AgreementHistory.SnapshotAsync(db, agreement));
        try
        {
            await AgreementHistory.SaveAsync(db, agreement, AuditActions.Terminated, changes, Actor.Of(User));
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
