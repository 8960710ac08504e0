using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Proposals;

/// <summary>
/// The public tracking page: whoever holds a proposal's tracking code sees its stage, and nothing
/// else of it; a code that matches nothing shows nothing, the same way a wrong one does.
/// </summary>
public class TrackModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public sealed record Found(string Number, string StageName, ProposalState State, DateOnly Since);

    public Found? Result { get; private set; }
    public bool Searched { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var code = Web.Text.Clean(Code)?.ToUpperInvariant();
        Searched = code is not null;
        if (code is { Length: > 0 and <= 20 })
        {
            var proposal = await db.Proposals.IgnoreQueryFilters().AsNoTracking().Include(p => p.Sop).SingleOrDefaultAsync(p => p.TrackingCode == code);
            if (proposal is not null)
                Result = new Found(proposal.Number, SopVersion.StageName(proposal.Sop!, proposal.Stage), proposal.State, proposal.StageSince);
        }
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
