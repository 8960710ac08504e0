using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;

namespace Sinergi.Features.Potentials;

/// <summary>The priority objects of cooperation: the region's potentials ranked by the TKKSD's weighted scores, with each criterion's mean.</summary>
public class RankingModel(AppDbContext db, RegionScope scope) : PageModel
{
    public List<PotentialRanking.Ranked> Rows { get; private set; } = [];
    public PotentialSettings Settings { get; private set; } = null!;
    public bool CanConfigure { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = ProposalCaller.Of(User, scope);
        if (caller.RegionCode is not { Length: 5 } region || caller.Is(Accounts.Roles.Mitra))
            return Forbid();
        Rows = await PotentialRanking.RankAsync(db, region, HttpContext.RequestAborted);
        Settings = await PotentialRanking.SettingsAsync(db, region, HttpContext.RequestAborted);
        CanConfigure = caller.Is(Accounts.Roles.AdminKerjaSama);
        return Page();
    }
}
