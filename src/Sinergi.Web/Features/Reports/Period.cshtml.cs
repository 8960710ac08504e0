using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Reports;

/// <summary>The report of one period as a printable page (A4, no navigation) and, with handler=pdf, as the PDF.</summary>
public class PeriodModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    [Display(Name = "Tahun")]
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public PeriodReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetPdfAsync() =>
        await LoadAsync() ?? File(PeriodReportPdf.Render(Report), "application/pdf", ReportFiles.PeriodFileName(Report));

    /// <summary>This page's address for a period; <paramref name="region"/> only when an overseer looks at another region.</summary>
    public static string Link(int year, string period, string? region, bool pdf = false)
    {
        var values = new Dictionary<string, string?>
        {
            ["year"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["period"] = period,
            ["region"] = region,
            ["handler"] = pdf ? "pdf" : null,
        };
        return QueryHelpers.AddQueryString("/Reports/Period", values.Where(v => v.Value is not null));
    }

    public string PdfLink => Link(Report.Period.Year, Report.Period.Slug, Region, pdf: true);

    public string BackLink => IndexLink(Region, Report.Period);

    private static string IndexLink(string? region, ReportPeriod? period = null) =>
        QueryHelpers.AddQueryString("/Reports", new Dictionary<string, string?>
        {
            ["year"] = period?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["period"] = period?.Slug,
            ["region"] = region,
        }.Where(v => v.Value is not null));

    /// <summary>Loads the report; an error result when the region is not the caller's or the period is not a valid one.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        Region = string.IsNullOrWhiteSpace(Region) || Region.Trim() == scope.RegionCode ? null : Region.Trim();
        var region = await PeriodReports.RegionForAsync(db, scope, Region);
        if (region is null)
            return NotFound();
        var today = RegionClock.Today(clock, region.Code);
        var kind = ReportPeriod.KindFromSlug(Period);
        var period = kind is { } k && Year is int year && ReportPeriod.IsReportYear(year) ? new ReportPeriod(year, k) : null;
        if (period is null || !period.HasBegun(today))
        {
            TempData["Error"] = period is null
                ? "Pilih tahun dan periode laporan (Semester I, Semester II atau satu tahun)."
                : $"{period.Name} belum dimulai; laporan dibuat untuk periode yang sudah berjalan.";
            return Redirect(IndexLink(Region));
        }
        Report = await PeriodReports.BuildAsync(db, region, period, today);
        return null;
    }
}
