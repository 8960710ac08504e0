using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Reports;

/// <summary>Laporan: choose a semester or a year (and, for overseers, a region), then read or download the report.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    [Display(Name = "Tahun")]
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public string? RegionName { get; private set; }
    public List<int> Years { get; private set; } = [];
    public List<OverseenRegions.Option> RegionOptions { get; private set; } = [];
    public IReadOnlyList<ReportPeriod> Recent { get; private set; } = [];

    public static readonly IReadOnlyList<(string Value, string Label)> Periods =
    [
        ("s1", "Semester I (1 Januari – 30 Juni)"),
        ("s2", "Semester II (1 Juli – 31 Desember)"),
        ("tahun", "Satu tahun (1 Januari – 31 Desember)"),
    ];

    public async Task OnGetAsync()
    {
        RegionOptions = await OverseenRegions.OptionsAsync(db, scope);
        Region = Region?.Trim() is { } code && Regions.Region.IsWellFormedCode(code) && scope.Oversees(code) ? code : scope.RegionCode ?? RegionOptions.FirstOrDefault()?.Code;
        var region = await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == Region);
        RegionName = region?.GovernmentName;

        var today = RegionClock.Today(clock, Region);
        var firstSigned = await db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == Region && a.SignedOn != null)
            .MinAsync(a => (DateOnly?)a.SignedOn);
        var firstYear = Math.Max(ReportPeriod.FirstYear, Math.Min(firstSigned?.Year ?? today.Year, today.Year - 1));
        Years = Enumerable.Range(firstYear, today.Year - firstYear + 1).Reverse().ToList();
        var current = ReportPeriod.Current(today);
        Year = Year is int year && Years.Contains(year) ? year : current.Year;
        Period = ReportPeriod.KindFromSlug(Period) is not null ? Period!.Trim().ToLowerInvariant() : current.Slug;
        Recent = ReportPeriod.Recent(today);
    }

    /// <summary>The address of a period's printable page, or of its PDF.</summary>
    public string Link(ReportPeriod period, bool pdf = false) => PeriodModel.Link(period.Year, period.Slug, Region == scope.RegionCode ? null : Region, pdf);
}
