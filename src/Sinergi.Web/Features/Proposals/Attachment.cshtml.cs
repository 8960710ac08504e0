using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>Downloads the file attached to a discussion message, for those who read the proposal.</summary>
public class AttachmentModel(AppDbContext db, RegionScope scope, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var message = await db.ProposalMessages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id);
        var proposal = message is null ? null : await db.Proposals.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.Id == message.ProposalId);
        if (message?.Sha256 is null || proposal is null || !ProposalCaller.Of(User, scope).CanRead(proposal) || !files.Exists(message.Sha256))
            return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(files.OpenRead(message.Sha256), message.ContentType!, FileNames.Clean(message.FileName!));
    }
}
