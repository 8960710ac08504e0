using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>The TKKSD's surat rekomendasi of a proposal as PDF, for whoever reads the proposal.</summary>
public class RecommendationModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await Proposals.LoadAsync(db, id, HttpContext.RequestAborted) is not { } proposal || !ProposalCaller.Of(User, scope).CanRead(proposal))
            return NotFound();
        var government = await db.Regions.Where(r => r.Code == proposal.RegionCode).Select(r => r.GovernmentName).SingleAsync();
        var votes = await ProposalVotes.ListAsync(db, id, proposal.Round, HttpContext.RequestAborted);
        var quorum = await ProposalVotes.QuorumAsync(db, proposal, HttpContext.RequestAborted);
        var costs = await db.ProposalCostItems.AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.Id).ToListAsync();
        var bytes = RecommendationPdf.Render(proposal, government, votes, quorum, costs, RegionClock.Today(clock, proposal.RegionCode));
        Response.Headers.CacheControl = "private, no-store";
        return File(bytes, "application/pdf", $"rekomendasi-{proposal.Year}-{proposal.Sequence:000}.pdf");
    }
}
