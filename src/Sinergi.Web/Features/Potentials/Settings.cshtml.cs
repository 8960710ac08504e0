using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Potentials;

/// <summary>The region's weighted criteria for ranking potentials (the admin's); the rule is <see cref="PotentialRanking.SaveSettingsAsync"/>.</summary>
public class SettingsModel(AppDbContext db, RegionScope scope) : PageModel
{
    public const int Rows = 8;

    [BindProperty, Display(Name = "Kriteria")] public List<string?> Names { get; set; } = [];
    [BindProperty, Display(Name = "Bobot (%)")] public List<int> Weights { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Region() is not { } region)
            return Forbid();
        var settings = await PotentialRanking.SettingsAsync(db, region, HttpContext.RequestAborted);
        Names = [.. settings.Criteria.Select(c => (string?)c.Name)];
        Weights = [.. settings.Criteria.Select(c => c.Weight)];
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Region() is not { } region)
            return Forbid();
        if (ModelState.IsValid)
        {
            var problems = await PotentialRanking.SaveSettingsAsync(db, region, [.. Names.Select((n, i) => new RubricCriterion(n ?? "", i < Weights.Count ? Weights[i] : 0))],
                Actor.Of(User), HttpContext.RequestAborted);
            if (problems.Count == 0)
            {
                TempData["Status"] = "Kriteria peringkat potensi disimpan.";
                return HttpContext.RedirectAfterPost("/Potentials/Ranking");
            }
            ModelState.AddProblems(problems, "", [.. problems.Keys]);
        }
        Pad();
        return Page();
    }

    private string? Region()
    {
        var caller = ProposalCaller.Of(User, scope);
        return caller.Is(Accounts.Roles.AdminKerjaSama) && caller.RegionCode is { Length: 5 } region ? region : null;
    }

    private void Pad()
    {
        while (Names.Count < Rows)
            Names.Add(null);
        while (Weights.Count < Names.Count)
            Weights.Add(0);
    }
}
