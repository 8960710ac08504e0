using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;

namespace Sinergi.Features.Potentials;

/// <summary>The priority objects of cooperation: the region's potentials ranked by the TKKSD's weighted scores, with each criterion's mean.</summary>
public class RankingModel(AppDbContext db, RegionScope scope) : PageModel
{
    [Display(Name = "Halaman")]
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The ranked rows of the page shown (the rank is over the whole list).</summary>
    public List<PotentialRanking.Ranked> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int Members { get; private set; }
    public int PageCount => Math.Max(1, (Total + PotentialQueries.PageSize - 1) / PotentialQueries.PageSize);
    public Web.Pager Pager => new(PageNumber, PageCount, Total, p => $"/Potentials/Ranking?p={p}", "ranking-pages", "potensi");
    public PotentialSettings Settings { get; private set; } = null!;
    public bool CanConfigure { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = ProposalCaller.Of(User, scope);
        if (caller.RegionCode is not { Length: 5 } region || caller.Is(Accounts.Roles.Mitra))
            return Forbid();
        // The ranking needs every potential's scores; only the page shown is rendered.
        var ranked = await PotentialRanking.RankAsync(db, region, HttpContext.RequestAborted);
        Total = ranked.Count;
        Members = ranked.FirstOrDefault()?.Members ?? 0;
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Rows = [.. ranked.Skip((PageNumber - 1) * PotentialQueries.PageSize).Take(PotentialQueries.PageSize)];
        Settings = await PotentialRanking.SettingsAsync(db, region, HttpContext.RequestAborted);
        CanConfigure = caller.Is(Accounts.Roles.AdminKerjaSama);
        return Page();
    }
}
