using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Settings.Report;

/// <summary>Who signs the region's Laporan Pelaksanaan, and where.</summary>
public class IndexModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed class InputModel
    {
        public string? Place { get; set; }
        public string? Title { get; set; }
        public string? Name { get; set; }
        [Display(Name = "NIP")]
        public string? Nip { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public string RegionName { get; private set; } = "";
    public string RegionQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Show(resolved);
        var signer = await ReportSigner.OfAsync(db, resolved.Code);
        Input = new InputModel { Place = signer.Place, Title = signer.Title, Name = signer.Name, Nip = signer.Nip };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Show(resolved);
        var signer = new ReportSigner(Input.Place, Input.Title, Input.Name, Input.Nip).Normalized();
        ModelState.AddProblems(signer.Problems(), nameof(Input));
        if (!ModelState.IsValid)
            return Page();
        var settings = await db.RegionSettings.SingleOrDefaultAsync(s => s.RegionCode == resolved.Code);
        if (settings is null)
            db.RegionSettings.Add(settings = new RegionSettings { RegionCode = resolved.Code });
        signer.ApplyTo(settings);
        await db.SaveChangesAsync();
        TempData["Status"] = signer.IsSet ? $"Laporan kini ditandatangani {signer.Name} ({signer.Title})." : "Penanda tangan laporan dikosongkan; laporan memakai baris titik-titik untuk diisi tangan.";
        return Redirect("/Settings" + RegionQuery);
    }

    private void Show(Regions.Region region)
    {
        RegionName = region.GovernmentName;
        RegionQuery = scope.RegionCode is null ? $"?region={region.Code}" : "";
    }
}
