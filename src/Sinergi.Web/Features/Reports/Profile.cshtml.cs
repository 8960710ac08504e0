using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;

namespace Sinergi.Features.Reports;

/// <summary>The one-page PDF profile of an agreement, for whoever may read the agreement.</summary>
public class ProfileModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id))
            return NotFound();
        var profile = await AgreementProfile.LoadAsync(db, scope, clock, id);
        return File(AgreementProfilePdf.Render(profile), "application/pdf", ReportFiles.ProfileFileName(id));
    }
}
