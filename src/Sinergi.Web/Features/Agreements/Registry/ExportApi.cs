using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>The registry out as a spreadsheet, for programs: the list's filters, every page of the view.</summary>
public static class ExportApi
{
    internal static void Map(RouteGroupBuilder agreements) =>
        agreements.MapGet("/export", ExportAsync)
            .WithSummary("Daftar kerja sama dengan filter yang sama, sebagai .xlsx (bawaan) atau .csv (format=csv)");

    private static async Task<IResult> ExportAsync(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache, string? format, string? q, string? status,
        string? kind, string? type, int? opd, int? partner, string? partnerType, string? urusan, int? year, string? sort, string? region,
        string? flag, string? dampak, string? perpanjangan, CancellationToken ct)
    {
        var problems = new Dictionary<string, string[]>();
        var filter = AgreementFilter.FromQuery(scope, q, status, kind, type, opd, partner, partnerType, urusan, year, sort, region)
            .WithWords(flag, dampak, perpanjangan, problems);
        if (format is not (null or "xlsx" or "csv"))
            problems["format"] = ["format harus xlsx atau csv."];
        if (year is int y && !AgreementDates.InRange(y))
            problems["year"] = [$"year harus tahun {AgreementDates.Earliest.Year} sampai {AgreementDates.Latest.Year}."];
        region = region?.Trim();
        if (region is not null && !Region.IsWellFormedCode(region))
            problems["region"] = [Region.CodeFormatProblem];
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);
        if (region is not null && !scope.Oversees(region))
            return ApiResults.NotFound($"Wilayah '{region}'");
        var rows = await AgreementExport.RowsAsync(db, scope, clock, cache, filter, ct);
        var output = new MemoryStream();
        var (contentType, fileName) = AgreementExport.Write(output, format ?? "xlsx", rows, RegionClock.Today(clock, filter.Region ?? scope.RegionCode));
        output.Position = 0;
        return TypedResults.File(output, contentType, fileName);
    }
}
