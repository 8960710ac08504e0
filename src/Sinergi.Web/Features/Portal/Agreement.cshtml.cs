using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;

namespace Sinergi.Features.Portal;

/// <summary>One published agreement's public fields and its public documents.</summary>
[ResponseCache(Duration = PortalCache.Seconds, Location = ResponseCacheLocation.Any)]
public class AgreementModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public PublicAgreement Item { get; private set; } = null!;
    public List<PublicDocument> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await PublicRegistry.OneAsync(db, clock, id, HttpContext.RequestAborted) is not { } found)
            return NotFound();
        (Item, Documents) = found;
        return Page();
    }
}
