using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>Downloads one version of a proposal's document (a rejected one too), for those who read the proposal.</summary>
public class DocumentModel(AppDbContext db, RegionScope scope, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var document = await db.ProposalDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id);
        var proposal = document is null ? null : await db.Proposals.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.Id == document.ProposalId);
        if (document is null || proposal is null || !ProposalCaller.Of(User, scope).CanRead(proposal) || !files.Exists(document.Sha256))
            return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(files.OpenRead(document.Sha256), document.ContentType, FileNames.Clean(document.FileName));
    }
}
