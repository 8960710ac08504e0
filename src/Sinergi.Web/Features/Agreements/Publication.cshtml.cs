using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Portal;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Agreements;

/// <summary>Whether the public portal shows an agreement (and which documents), decided by those who may edit it.</summary>
public class PublicationModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Tampilkan di portal publik")]
        public bool IsPublic { get; set; } = true;
        public string? NotPublicReason { get; set; }
        [Display(Name = "Dokumen publik")]
        public List<int> PublicDocumentIds { get; set; } = [];
        [Display(Name = "Versi data")]
        public int Version { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [FromRoute] public int Id { get; set; }
    public string Label { get; private set; } = "";
    public bool IsSigned { get; private set; }
    public List<(int Id, string Title)> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var agreement = await LoadAsync();
        if (agreement is null)
            return NotFound();
        if (!AgreementAccess.CanEdit(User, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)))
            return Forbid();
        Input = new InputModel
        {
            IsPublic = agreement.NotPublicReason is null, NotPublicReason = agreement.NotPublicReason, Version = agreement.Version,
            PublicDocumentIds = await db.AgreementDocuments.IgnoreQueryFilters().Where(d => d.AgreementId == Id && d.IsPublic).Select(d => d.Id).ToListAsync(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var agreement = await LoadAsync();
        if (agreement is null)
            return NotFound();
        if (!AgreementAccess.CanEdit(User, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)))
            return Forbid();
        ModelState.AddProblems(AgreementPublication.Problems(Input.IsPublic, Input.NotPublicReason), nameof(Input));
        if (!ModelState.IsValid)
            return Page();
        db.Entry(agreement).Property(a => a.Version).OriginalValue = Input.Version;
        try
        {
            await AgreementPublication.SaveAsync(db, agreement, Input.IsPublic, Input.NotPublicReason, Input.PublicDocumentIds, Actor.Of(User));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Kerja sama ini baru saja diubah orang lain. Buka kembali halamannya, lalu simpan lagi bila masih perlu.");
            return Page();
        }
        TempData["Status"] = "Pengaturan portal publik disimpan.";
        return HttpContext.RedirectAfterPost($"/Agreements/Details/{Id}");
    }

    private async Task<Agreement?> LoadAsync()
    {
        var agreement = await db.Agreements.WithLists().SingleOrDefaultAsync(a => a.Id == Id && a.RegionCode == scope.RegionCode);
        if (agreement is null)
            return null;
        Label = AgreementHistory.Reference(agreement);
        IsSigned = agreement.Lifecycle != AgreementLifecycle.Draf;
        Documents = (await db.AgreementDocuments.IgnoreQueryFilters().Where(d => d.AgreementId == Id).OrderBy(d => d.Title)
            .Select(d => new { d.Id, d.Title }).ToListAsync()).Select(d => (d.Id, d.Title)).ToList();
        return agreement;
    }
}
