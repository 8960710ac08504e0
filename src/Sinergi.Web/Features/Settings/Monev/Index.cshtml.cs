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

        [Display(Name = "Monev mulai")]
        public DateOnly? MonevStartsOn { get; set; }

        [Range(0, 100, ErrorMessage = "Isi bobot antara 0 dan 100.")]
        [Display(Name = "Bobot penilaian terakhir")]
        public int WeightRating { get; set; } = ImpactWeights.Default.Rating;

        [Range(0, 100, ErrorMessage = "Isi bobot antara 0 dan 100.")]
        [Display(Name = "Bobot indikator tercapai")]
        public int WeightIndicators { get; set; } = ImpactWeights.Default.Indicators;

        [Range(0, 100, ErrorMessage = "Isi bobot antara 0 dan 100.")]
        [Display(Name = "Bobot kegiatan dua periode terakhir")]
        public int WeightActivity { get; set; } = ImpactWeights.Default.Activity;

        [Range(0, 100, ErrorMessage = "Isi bobot antara 0 dan 100.")]
        [Display(Name = "Bobot laporan tepat waktu")]
        public int WeightOnTime { get; set; } = ImpactWeights.Default.OnTime;
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
        Input = new SettingsInput
        {
            Cadence = settings.Cadence, DueDays = settings.DueDays, FormalitasMonths = settings.FormalitasMonths, MonevStartsOn = settings.MonevStartsOn,
            WeightRating = settings.WeightRating, WeightIndicators = settings.WeightIndicators, WeightActivity = settings.WeightActivity, WeightOnTime = settings.WeightOnTime,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Show(resolved);
        var weights = new ImpactWeights(Input.WeightRating, Input.WeightIndicators, Input.WeightActivity, Input.WeightOnTime);
        if (ModelState.IsValid && weights.Total != 100)
            ModelState.AddModelError($"{nameof(Input)}.{nameof(SettingsInput.WeightRating)}",
                $"Jumlah keempat bobot harus 100; sekarang {weights.Total}.");
        if (!ModelState.IsValid)
            return Page();
        var settings = await db.MonevSettings.SingleOrDefaultAsync(s => s.RegionCode == resolved.Code);
        if (settings is null)
            db.MonevSettings.Add(settings = new MonevSettings { RegionCode = resolved.Code });
        settings.Cadence = Input.Cadence;
        settings.DueDays = Input.DueDays;
        settings.FormalitasMonths = Input.FormalitasMonths;
        settings.MonevStartsOn = Input.MonevStartsOn;
        (settings.WeightRating, settings.WeightIndicators, settings.WeightActivity, settings.WeightOnTime) =
            (weights.Rating, weights.Indicators, weights.Activity, weights.OnTime);
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
