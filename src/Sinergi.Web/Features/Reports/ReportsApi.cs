using Microsoft.AspNetCore.Http.HttpResults;
using Sinergi.Features.Accounts;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Reports;

/// <summary>The official reports for programs: the period report as JSON or PDF, and an agreement's one-page profile.</summary>
public static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/reports").WithTags("Laporan").RequireAuthorization(Policies.ApiReadRegistry)
            .MapGet("/period", PeriodAsync)
            .Produces<PeriodReport>(StatusCodes.Status200OK, "application/json")
            .WithSummary("Laporan Pelaksanaan Kerja Sama Daerah satu semester (s1, s2) atau satu tahun, sebagai JSON atau PDF");
        api.MapGet("/agreements/{id:int}/profile.pdf", ProfileAsync).WithTags("Kerja sama").RequireAuthorization(Policies.ApiReadRegistry)
            .Produces(StatusCodes.Status200OK, typeof(Stream), "application/pdf")
            .WithSummary("Profil satu halaman (PDF) sebuah kerja sama, untuk bahan pimpinan");
        return api;
    }

    /// <param name="year">Tahun laporan, mis. 2026.</param>
    /// <param name="period"><c>s1</c> (1 Januari–30 Juni), <c>s2</c> (1 Juli–31 Desember) atau <c>tahun</c>.</param>
    /// <param name="region">Kode wilayah yang diawasi (pengawas); tanpa ini, wilayah akun sendiri.</param>
    /// <param name="format"><c>json</c> (bawaan) atau <c>pdf</c>; tanpa format, header Accept: application/pdf memilih PDF.</param>
    private static async Task<Results<Ok<PeriodReport>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> PeriodAsync(
        AppDbContext db, RegionScope scope, TimeProvider clock, HttpRequest request,
        int? year, string? period, string? region, string? format, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var thisYear = clock.GetUtcNow().Year;
        var kind = ReportPeriod.KindFromSlug(period);
        if (kind is null)
            problems["period"] = ["period harus salah satu dari: s1, s2, tahun."];
        if (year is null || year < ReportPeriod.FirstYear || year > Math.Min(thisYear + 1, ReportPeriod.LastYear))
            problems["year"] = [$"year harus tahun {ReportPeriod.FirstYear} sampai tahun berjalan, mis. {thisYear}."];
        var pdf = format?.Trim().ToLowerInvariant() switch
        {
            null or "" => request.Headers.Accept.Any(a => a?.Contains("application/pdf", StringComparison.OrdinalIgnoreCase) == true),
            "pdf" => true,
            "json" => false,
            _ => (bool?)null,
        };
        if (pdf is null)
            problems["format"] = ["format harus pdf atau json."];
        if (!string.IsNullOrWhiteSpace(region) && !Region.IsWellFormedCode(region.Trim()))
            problems["region"] = [Region.CodeFormatProblem];
        else if (string.IsNullOrWhiteSpace(region) && scope.RegionCode is null)
            problems["region"] = ["Akun tanpa wilayah harus menyebut region."];
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);

        var target = await PeriodReports.RegionForAsync(db, scope, region, ct);
        if (target is null)
            return ApiResults.NotFound($"Wilayah '{region?.Trim()}'");
        var chosen = new ReportPeriod(year!.Value, kind!.Value);
        var today = RegionClock.Today(clock, target.Code);
        if (!chosen.HasBegun(today))
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["year"] = [$"{chosen.Name} belum dimulai; laporan dibuat untuk periode yang sudah berjalan."] });

        var report = await PeriodReports.BuildAsync(db, target, chosen, today, ct);
        return pdf == true
            ? TypedResults.File(PeriodReportPdf.Render(report), "application/pdf", ReportFiles.PeriodFileName(report))
            : TypedResults.Ok(report);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ProfileAsync(
        AppDbContext db, RegionScope scope, TimeProvider clock, int id, CancellationToken ct)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct))
            return ApiResults.NotFound("Kerja sama");
        var profile = await AgreementProfile.LoadAsync(db, scope, clock, id, ct);
        return TypedResults.File(AgreementProfilePdf.Render(profile), "application/pdf", ReportFiles.ProfileFileName(id));
    }
}
