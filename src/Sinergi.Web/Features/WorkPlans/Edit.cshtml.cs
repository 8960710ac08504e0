using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.WorkPlans;

/// <summary>A new activity of the work plan, or a change to one (the admin's and the TKKSD's); the rule is <see cref="WorkPlanRules.SaveAsync"/>.</summary>
public class EditModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class ActivityInput
    {
        [Display(Name = "Tahun")] public int? Year { get; set; }
        public string? Title { get; set; }
        /// <summary>"opd:12" or "user:ID": one owner, an OPD or a TKKSD member.</summary>
        public string? Owner { get; set; }
        [Display(Name = "Bulan mulai")] public int? StartMonth { get; set; }
        [Display(Name = "Bulan selesai")] public int? EndMonth { get; set; }
        public string? Target { get; set; }

        public ActivityDraft Draft() => new(Year, Title,
            Owner?.StartsWith("opd:", StringComparison.Ordinal) == true && int.TryParse(Owner[4..], out var opd) ? opd : null,
            Owner?.StartsWith("user:", StringComparison.Ordinal) == true ? Owner[5..] : null, StartMonth, EndMonth, Target);
    }

    [BindProperty] public ActivityInput Input { get; set; } = new();
    public WorkPlanActivity? Existing { get; private set; }
    public List<(string Value, string Name)> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? year)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        Input = Existing is { } a
            ? new ActivityInput { Year = a.Year, Title = a.Title, Owner = a.OwnerOpdId is int o ? $"opd:{o}" : $"user:{a.OwnerUserId}", StartMonth = a.StartMonth, EndMonth = a.EndMonth, Target = a.Target }
            : new ActivityInput { Year = year ?? RegionClock.Today(clock, scope.RegionCode).Year };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        if (!ModelState.IsValid)
            return Page();
        var (saved, problems) = await WorkPlanRules.SaveAsync(db, ProposalCaller.Of(User, scope), Existing, Input.Draft(), HttpContext.RequestAborted);
        if (saved is null)
        {
            ModelState.AddProblems(problems.ToDictionary(p => p.Key == "OwnerOpdId" ? "Owner" : p.Key, p => p.Value), nameof(Input), "");
            return Page();
        }
        TempData["Status"] = "Kegiatan disimpan.";
        return HttpContext.RedirectAfterPost($"/WorkPlans?year={saved.Year}");
    }

    private async Task<IActionResult?> LoadAsync(int? id)
    {
        var caller = ProposalCaller.Of(User, scope);
        if (id is int aid)
        {
            Existing = await db.WorkPlanActivities.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == aid);
            if (Existing is null || Existing.RegionCode != caller.RegionCode || !WorkPlanRules.CanRead(caller))
                return NotFound();
        }
        if (!WorkPlanRules.CanPlan(caller))
            return Forbid();
        var region = caller.RegionCode;
        var role = await db.Roles.Where(r => r.Name == Roles.Tkksd).Select(r => r.Id).SingleAsync();
        var members = await db.Users.Where(u => u.RegionCode == region && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role))
            .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync();
        var opds = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == region).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync();
        Owners = [.. members.Select(m => ($"user:{m.Id}", $"Anggota TKKSD: {m.FullName}")), .. opds.Select(o => ($"opd:{o.Id}", o.Name))];
        return null;
    }
}
