using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Sinergi.Data;
using Sinergi.Features.Reports;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>The region's monev summary of a semester or a year, on screen and (handlers Pdf, Xlsx) as files.</summary>
public class SummaryModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    [Display(Name = "Tahun")]
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Period { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public RegionMonev Summary { get; private set; } = null!;
    public IReadOnlyList<ReportPeriod> Choices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ?? Page();

    public async Task<IActionResult> OnGetPdfAsync() =>
        await LoadAsync() ?? File(RegionMonevFiles.Pdf(Summary), "application/pdf", Summary.FileName + ".pdf");

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var output = new MemoryStream();
        RegionMonevFiles.Xlsx(output, Summary);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Summary.FileName + ".xlsx");
    }

    /// <summary>This page's address for a period, as a page or a file (<c>pdf</c>, <c>xlsx</c>).</summary>
    public static string Link(ReportPeriod period, string? region, string? handler = null) =>
        QueryHelpers.AddQueryString("/Evaluations/Summary", new Dictionary<string, string?>
        {
            ["year"] = period.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["period"] = period.Slug,
            ["region"] = region,
            ["handler"] = handler,
        }.Where(v => v.Value is not null));

    /// <summary>The semester that ended last: what a summary is usually asked for.</summary>
    public static ReportPeriod LastEnded(DateOnly today) => today.Month <= 6
        ? new ReportPeriod(today.Year - 1, ReportPeriodKind.Semester2)
        : new ReportPeriod(today.Year, ReportPeriodKind.Semester1);

    private async Task<IActionResult?> LoadAsync()
    {
        Region = string.IsNullOrWhiteSpace(Region) || Region.Trim() == scope.RegionCode ? null : Region.Trim();
        var region = await PeriodReports.RegionForAsync(db, scope, Region);
        if (region is null)
            return NotFound();
        var today = RegionClock.Today(clock, region.Code);
        var period = Year is null && Period is null ? LastEnded(today)
            : ReportPeriod.KindFromSlug(Period) is { } kind && Year is int year && ReportPeriod.IsReportYear(year) ? new ReportPeriod(year, kind) : null;
        if (period is null || !period.HasBegun(today))
        {
            TempData["Error"] = period is null
                ? "Pilih tahun dan periode (Semester I, Semester II atau satu tahun)."
                : $"{period.Name} belum dimulai; ringkasan dibuat untuk periode yang sudah berjalan.";
            return Redirect("/Evaluations/Summary" + (Region is null ? "" : $"?region={Region}"));
        }
        Choices = ReportPeriod.Recent(today);
        Summary = await RegionMonev.BuildAsync(db, region, period, today, HttpContext.RequestAborted);
        return null;
    }
}
