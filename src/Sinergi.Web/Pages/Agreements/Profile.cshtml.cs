using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Web.Auth;
using Sinergi.Web.Data;
using Sinergi.Web.Reports;

namespace Sinergi.Web.Pages.Agreements;

/// <summary>The one-page PDF profile of an agreement, for whoever may read the agreement.</summary>
public class ProfileModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id))
            return NotFound();
        var profile = await AgreementProfile.LoadAsync(db, clock, id);
        return File(AgreementProfilePdf.Render(profile), "application/pdf", ReportFiles.ProfileFileName(id));
    }
}
