using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Features.Budget;

/// <summary>Anggaran: the integration checks of a fiscal year, each a list to act on, with their counts.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Check { get; set; }
    [Display(Name = "Tahun anggaran")]
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [Display(Name = "Halaman")]
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public BudgetCheck Current { get; private set; }
    public string RegionName { get; private set; } = "";
    public DateOnly Today { get; private set; }
    public int MinPercent { get; private set; }
    public List<int> Years { get; private set; } = [];
    public Dictionary<BudgetCheck, int> Counts { get; private set; } = [];
    public List<BudgetChecks.Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int JudgedYear => BudgetChecks.JudgedYear(Year!.Value, Today);
    public bool IsOwnRegion => Region == scope.RegionCode;

    public async Task<IActionResult> OnGetAsync()
    {
        Region = Region?.Trim() is { } code && Regions.Region.IsWellFormedCode(code) && scope.Oversees(code) ? code : scope.RegionCode;
        if (Region is null || await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == Region) is not { } region)
            return NotFound();
        RegionName = region.GovernmentName;
        Today = RegionClock.Today(clock, Region);
        Years = Enumerable.Range(Today.Year - 4, 6).Reverse().ToList();
        Year = Year is int y && Years.Contains(y) ? y : Today.Year;
        Current = BudgetChecks.FromSlug(Check) ?? BudgetCheck.NotIntegrated;
        P = Math.Max(1, P);
        MinPercent = await RealisationShare.PercentAsync(db, Region);
        // The checks read every agreement in force of the region; they are kept per registry version
        // and day like the registry's counts (a budget line's save raises the version, RegistryVersions).
        var (year, today, percent, check, page) = (Year.Value, Today, MinPercent, Current, P);
        var kept = await AgreementSearchQuery.RegionAsync(db, scope, IsOwnRegion ? null : Region, HttpContext.RequestAborted);
        Counts = await BudgetChecks.KeptCountsAsync(db, cache, kept, Region, year, today, percent, HttpContext.RequestAborted);
        (Rows, Total) = await cache.GetOrReadAsync(new PageKey(kept, Region, check, year, today, percent, page),
            () => BudgetChecks.ListAsync(db, Region, check, year, today, percent, page, PageSize, HttpContext.RequestAborted));
        return Page();
    }


    private sealed record PageKey(RegistryRegion Kept, string Region, BudgetCheck Check, int Year, DateOnly Today, int Percent, int Page);

    public bool CanAddLine(BudgetChecks.Row row) => IsOwnRegion && AgreementAccess.CanEdit(User, scope, Region!, row.OpdIds);

    public string Link(BudgetCheck check, int? page = null) =>
        $"/Budget?check={BudgetChecks.Slug(check)}&year={Year}{(IsOwnRegion ? "" : $"&region={Region}")}{(page is > 1 ? $"&p={page}" : "")}";

    public string Explanation(BudgetCheck check) => check switch
    {
        BudgetCheck.NotIntegrated => $"Kerja sama yang berlaku pada tahun {Year} dan tidak tanpa biaya, tetapi belum memiliki baris anggaran tahun {Year}.",
        BudgetCheck.ApbdWithoutLine => $"Kerja sama yang sumber dananya APBD, tetapi belum memiliki baris APBD tahun {Year}.",
        BudgetCheck.DprdApprovalMissing => "Kerja sama berlaku yang ditandai memerlukan persetujuan DPRD (pembiayaan belum tersedia dalam APBD atau membebani masyarakat), tetapi persetujuannya belum tercatat.",
        _ => $"Kerja sama yang realisasi anggarannya pada akhir tahun {JudgedYear} di bawah {MinPercent}% dari pagu.",
    };
}
