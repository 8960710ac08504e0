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
    public sealed class CriterionInput
    {
        public string? Name { get; set; }
        [Display(Name = "Bobot (%)")] public int Weight { get; set; }
    }

    public const int Rows = 8;

    [BindProperty] public List<CriterionInput> Criteria { get; set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Region() is not { } region)
            return Forbid();
        var settings = await PotentialRanking.SettingsAsync(db, region, HttpContext.RequestAborted);
        Criteria = [.. settings.Criteria.Select(c => new CriterionInput { Name = c.Name, Weight = c.Weight })];
        Pad();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Region() is not { } region)
            return Forbid();
        if (ModelState.IsValid)
        {
            var problems = await PotentialRanking.SaveSettingsAsync(db, region, [.. Criteria.Select(c => new RubricCriterion(c.Name ?? "", c.Weight))],
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
        while (Criteria.Count < Rows)
            Criteria.Add(new CriterionInput());
    }
}
