using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Settings.Registry;

/// <summary>The region's choices for its registry: how early "akan berakhir" shows.</summary>
public class IndexModel(AppDbContext db, RegionScope scope) : PageModel
{
    [BindProperty]
    [Range(7, 730, ErrorMessage = "Isi antara 7 dan 730 hari.")]
    [Display(Name = "Jendela akan berakhir (hari)")]
    public int ExpiringWindowDays { get; set; } = RegionSettings.DefaultExpiringWindowDays;

    [BindProperty]
    [Range(1, 100, ErrorMessage = "Isi antara 1 dan 100 persen.")]
    [Display(Name = "Target realisasi anggaran (%)")]
    public int MinRealisationPercent { get; set; } = RegionSettings.DefaultMinRealisationPercent;

    public string RegionName { get; private set; } = "";
    public string RegionQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Show(resolved);
        ExpiringWindowDays = await RegionSettings.ExpiringWindowAsync(db, resolved.Code);
        MinRealisationPercent = await RealisationShare.PercentAsync(db, resolved.Code);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Show(resolved);
        if (!ModelState.IsValid)
            return Page();
        var settings = await db.RegionSettings.SingleOrDefaultAsync(s => s.RegionCode == resolved.Code);
        if (settings is null)
            db.RegionSettings.Add(new RegionSettings { RegionCode = resolved.Code, ExpiringWindowDays = ExpiringWindowDays, MinRealisationPercent = MinRealisationPercent });
        else
            (settings.ExpiringWindowDays, settings.MinRealisationPercent) = (ExpiringWindowDays, MinRealisationPercent);
        await db.SaveChangesAsync();
        TempData["Status"] = $"Kerja sama ditandai \"akan berakhir\" {ExpiringWindowDays} hari sebelum berakhir; target realisasi anggaran {MinRealisationPercent}%.";
        return Redirect("/Settings" + RegionQuery);
    }

    private void Show(Region region)
    {
        RegionName = region.GovernmentName;
        RegionQuery = scope.RegionCode is null ? $"?region={region.Code}" : "";
    }
}
