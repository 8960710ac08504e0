using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Settings.Iku;

/// <summary>The OPDs' performance indicators (IKU/IKD) of each year, which agreement indicators can feed.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class IkuInput
    {
        [Display(Name = "OPD")] public int? OpdId { get; set; }
        public string? Code { get; set; }
        public string? Name { get; set; }
        public string? Unit { get; set; }
        [Display(Name = "Tahun")] public int? Year { get; set; }
        [Display(Name = "Target tahun ini")] public decimal? Target { get; set; }
    }

    [BindProperty] public IkuInput Input { get; set; } = new();
    public string RegionName { get; private set; } = "";
    public string RegionQuery { get; private set; } = "";
    public List<PerformanceIndicator> Items { get; private set; } = [];
    public List<(int Id, string ShortName)> Opds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        await ShowAsync(resolved);
        Input.Year = RegionClock.Today(clock, resolved.Code).Year;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        await ShowAsync(resolved);
        var (code, name, unit) = (Text.Clean(Input.Code), Text.Clean(Input.Name), Text.Clean(Input.Unit));
        if (Input.OpdId is not int opd || Opds.All(o => o.Id != opd))
            ModelState.AddModelError("Input.OpdId", "Pilih OPD daerah ini.");
        if (code is null or { Length: > 40 })
            ModelState.AddModelError("Input.Code", "Kode wajib diisi, paling panjang 40 karakter (mis. IKU-DINKES-01).");
        if (name is null or { Length: > 300 })
            ModelState.AddModelError("Input.Name", "Nama indikator wajib diisi, paling panjang 300 karakter.");
        if (unit is null or { Length: > 40 })
            ModelState.AddModelError("Input.Unit", "Satuan wajib diisi, paling panjang 40 karakter.");
        if (Input.Year is not (>= 2000 and <= 2100))
            ModelState.AddModelError("Input.Year", "Tahun diisi 2000 sampai 2100.");
        if (Input.Target is < 0)
            ModelState.AddModelError("Input.Target", "Target tidak boleh negatif.");
        if (ModelState.IsValid && await db.PerformanceIndicators.IgnoreQueryFilters().AnyAsync(p => p.OpdId == Input.OpdId && p.Year == Input.Year && p.Code == code))
            ModelState.AddModelError("Input.Code", "Kode ini sudah dipakai OPD tersebut pada tahun yang sama.");
        if (!ModelState.IsValid)
            return Page();
        db.PerformanceIndicators.Add(new PerformanceIndicator
        {
            RegionCode = resolved.Code, OpdId = Input.OpdId!.Value, Code = code!, Name = name!, Unit = unit!, Year = Input.Year!.Value, Target = Input.Target,
        });
        await db.SaveChangesAsync();
        TempData["Status"] = $"IKU/IKD {code} ditambahkan.";
        return Redirect("/Settings/Iku" + RegionQuery);
    }

    private async Task ShowAsync(Region region)
    {
        RegionName = region.GovernmentName;
        RegionQuery = scope.RegionCode is null ? $"?region={region.Code}" : "";
        Opds = (await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == region.Code).OrderBy(o => o.ShortName).Select(o => new { o.Id, o.ShortName }).ToListAsync())
            .Select(o => (o.Id, o.ShortName)).ToList();
        Items = await db.PerformanceIndicators.IgnoreQueryFilters().Include(p => p.Opd).Where(p => p.RegionCode == region.Code)
            .OrderByDescending(p => p.Year).ThenBy(p => p.Code).ToListAsync();
    }
}
