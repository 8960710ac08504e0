using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Web.Auth;
using Sinergi.Web.Data;
using Sinergi.Web.Reports;

namespace Sinergi.Web.Pages.Reports;

/// <summary>Laporan: choose a semester or a year (and, for overseers, a region), then read or download the report.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed record Option(string Value, string Label);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public string? RegionName { get; private set; }
    public List<int> Years { get; private set; } = [];
    public List<Option> RegionOptions { get; private set; } = [];
    public IReadOnlyList<ReportPeriod> Recent { get; private set; } = [];

    public static readonly IReadOnlyList<Option> Periods =
    [
        new("s1", "Semester I (1 Januari – 30 Juni)"),
        new("s2", "Semester II (1 Juli – 31 Desember)"),
        new("tahun", "Satu tahun (1 Januari – 31 Desember)"),
    ];

    public async Task OnGetAsync()
    {
        if (scope.OverseenPrefix is { } prefix)
        {
            RegionOptions = await db.Regions.AsNoTracking()
                .Where(r => prefix == "" ? db.Agreements.IgnoreQueryFilters().Any(a => a.RegionCode == r.Code) : r.Code == prefix || r.ProvinceCode == prefix)
                .OrderBy(r => r.Code).Select(r => new Option(r.Code, r.Code + " · " + r.Name)).ToListAsync();
        }
        Region = !string.IsNullOrWhiteSpace(Region) && scope.Oversees(Region.Trim()) ? Region.Trim() : scope.RegionCode ?? RegionOptions.FirstOrDefault()?.Value;
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
