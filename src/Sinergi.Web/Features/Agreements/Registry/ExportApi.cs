using Sinergi.Data;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>The registry out as a spreadsheet, for programs: the list's filters, every page of the view.</summary>
public static class ExportApi
{
    internal static void Map(RouteGroupBuilder agreements) =>
        agreements.MapGet("/export", ExportAsync)
            .WithSummary("Daftar kerja sama dengan filter yang sama, sebagai .xlsx (bawaan) atau .csv (format=csv)");

    private static async Task<IResult> ExportAsync(AppDbContext db, RegionScope scope, TimeProvider clock, string? format, string? q, string? status,
        string? kind, string? type, int? opd, int? partner, string? partnerType, string? urusan, int? year, string? sort, string? region, CancellationToken ct)
    {
        if (format is not (null or "xlsx" or "csv"))
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["format"] = ["format harus xlsx atau csv."] });
        if (region is not null && !scope.Oversees(region))
            return ApiResults.NotFound($"Wilayah '{region}'");
        var filter = AgreementFilter.FromQuery(scope, q, status, kind, type, opd, partner, partnerType, urusan, year, sort, region);
        var rows = await AgreementExport.RowsAsync(db, scope, clock, filter, ct);
        var output = new MemoryStream();
        var (contentType, fileName) = AgreementExport.Write(output, format ?? "xlsx", rows, RegionClock.Today(clock, filter.Region ?? scope.RegionCode));
        output.Position = 0;
        return TypedResults.File(output, contentType, fileName);
    }
}
