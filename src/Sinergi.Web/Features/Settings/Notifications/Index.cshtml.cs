using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Notifications;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Settings.Notifications;

/// <summary>Pengaturan > Notifikasi: which reminder rules run in the region, the expiry days, and who receives each.</summary>
public class IndexModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed class RuleInput
    {
        public string Rule { get; set; } = "";
        [Display(Name = "Aktif")]
        public bool Enabled { get; set; }
        [Display(Name = "Admin Kerja Sama")]
        public bool ToAdmin { get; set; }
        [Display(Name = "Pengguna OPD pelaksana")]
        public bool ToOpd { get; set; }
        [Display(Name = "Kontak mitra")]
        public bool ToPartners { get; set; }
    }

    public sealed class FormInput
    {
        public string? ReminderDays { get; set; }
        [Display(Name = "Aturan pengingat")]
        public List<RuleInput> Rules { get; set; } = [];
    }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public string RegionName { get; private set; } = "";
    public string RegionQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Show(resolved);
        var view = await NotificationSettingsStore.ReadAsync(db, resolved.Code);
        Input = new FormInput
        {
            ReminderDays = view.ReminderDays,
            Rules = view.Rules.Select(r => new RuleInput { Rule = r.Rule, Enabled = r.Enabled, ToAdmin = r.ToAdmin, ToOpd = r.ToOpd, ToPartners = r.ToPartners }).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Show(resolved);
        if (ModelState.IsValid)
        {
            var problems = await NotificationSettingsStore.SaveAsync(db, resolved.Code, Input.ReminderDays,
                Input.Rules.Select(r => new NotificationSettingsStore.RuleChoice(r.Rule, r.Enabled, r.ToAdmin, r.ToOpd, r.ToPartners)).ToList());
            if (problems.Count == 0)
            {
                TempData["Status"] = "Pengaturan notifikasi disimpan.";
                return Redirect("/Settings" + RegionQuery);
            }
            ModelState.AddProblems(problems, nameof(Input), "rules");
        }
        return Page();
    }

    public static NotificationRuleCatalog.Entry Describe(string rule) =>
        NotificationRuleCatalog.All.SingleOrDefault(e => e.Rule == rule) ?? new(rule, rule, "", false);

    private void Show(Region region)
    {
        RegionName = region.GovernmentName;
        RegionQuery = scope.RegionCode is null ? $"?region={region.Code}" : "";
    }
}
