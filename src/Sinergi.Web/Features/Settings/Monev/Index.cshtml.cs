using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Settings.Monev;

/// <summary>The region's monev choices: the default cadence, when reports are due, and when an idle agreement counts as formalitas.</summary>
public class IndexModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed class SettingsInput
    {
        [Display(Name = "Jadwal evaluasi bawaan")]
        public EvaluationCadence Cadence { get; set; }

        [Range(1, 90, ErrorMessage = "Isi antara 1 dan 90 hari.")]
        [Display(Name = "Batas pengiriman laporan (hari)")]
        public int DueDays { get; set; } = MonevSettings.DefaultDueDays;

        [Range(1, 36, ErrorMessage = "Isi antara 1 dan 36 bulan.")]
        [Display(Name = "Formalitas setelah (bulan)")]
        public int FormalitasMonths { get; set; } = MonevSettings.DefaultFormalitasMonths;
    }

    [BindProperty]
    public SettingsInput Input { get; set; } = new();

    public string RegionName { get; private set; } = "";
    public string RegionQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Show(resolved);
        var settings = await MonevSettings.ForRegionAsync(db, resolved.Code);
        Input = new SettingsInput { Cadence = settings.Cadence, DueDays = settings.DueDays, FormalitasMonths = settings.FormalitasMonths };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Show(resolved);
        if (!ModelState.IsValid)
            return Page();
        var settings = await db.MonevSettings.SingleOrDefaultAsync(s => s.RegionCode == resolved.Code);
        if (settings is null)
            db.MonevSettings.Add(settings = new MonevSettings { RegionCode = resolved.Code });
        settings.Cadence = Input.Cadence;
        settings.DueDays = Input.DueDays;
        settings.FormalitasMonths = Input.FormalitasMonths;
        await db.SaveChangesAsync();
        TempData["Status"] = $"Monev: {MonevSettings.Label(Input.Cadence).ToLowerInvariant()}, laporan paling lambat {Input.DueDays} hari setelah periode berakhir.";
        return Redirect("/Settings" + RegionQuery);
    }

    private void Show(Region region)
    {
        RegionName = region.GovernmentName;
        RegionQuery = scope.RegionCode is null ? $"?region={region.Code}" : "";
    }
}
