using Microsoft.AspNetCore.Http.HttpResults;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Infrastructure.Files;
using Sinergi.Infrastructure.Spreadsheets;
using Sinergi.Web.Api;

namespace Sinergi.Features.Portal;

/// <summary>The open data of the portal: JSON, CSV and xlsx of the published agreements, and the public documents. The only anonymous routes with data.</summary>
public static class PortalApi
{
    public sealed record PublicList(int Total, int Page, int PageSize, IReadOnlyList<PublicAgreement> Items);

    private static readonly ExportColumn[] Columns =
    [
        new("Pemerintah daerah"), new("Nomor"), new("Judul"), new("Jenis"), new("Mitra"), new("OPD pelaksana"), new("Urusan"),
        new("Tanggal tanda tangan", ExportKind.Date), new("Mulai berlaku", ExportKind.Date), new("Berakhir", ExportKind.Date), new("Status"),
    ];

    public static WebApplication MapPortal(this WebApplication app)
    {
        var open = app.MapGroup("").AllowAnonymous().WithTags("Portal publik");
        open.MapGet("/api/v1/publik/agreements", ListAsync)
            .WithSummary("Kerja sama yang dipublikasikan (data terbuka, tanpa login)");
        open.MapGet("/api/v1/publik/agreements/{id:int}", OneAsync)
            .WithSummary("Satu kerja sama yang dipublikasikan");
        open.MapGet("/publik/unduh/{format}", DownloadAsync).ExcludeFromDescription();
        open.MapGet("/publik/dokumen/{id:int}", DocumentAsync).ExcludeFromDescription();
        return app;
    }

    private static Dictionary<string, string[]> Problems(string? region, string? status, int? year, int page)
    {
        var problems = new Dictionary<string, string[]>();
        if (region is not null && !Regions.Region.IsWellFormedCode(region))
            problems["region"] = [Regions.Region.CodeFormatProblem];
        if (status is not (null or PublicFilter.InForce or PublicFilter.Ended))
            problems["status"] = ["status adalah berlaku atau berakhir."];
        if (year is int y && !AgreementDates.InRange(y))
            problems["year"] = [$"year harus tahun {AgreementDates.Earliest.Year} sampai {AgreementDates.Latest.Year}."];
        if (page < 1)
            problems["page"] = ["page mulai dari 1."];
        return problems;
    }

    private static async Task<IResult> ListAsync(AppDbContext db, TimeProvider clock, Agreements.Registry.RegistryCache cache, HttpContext http, string? region, string? q, string? status, string? kind,
        int? year, int? page, CancellationToken ct)
    {
        if (Problems(region, status, year, page ?? 1) is { Count: > 0 } problems)
            return ApiResults.Invalid(problems);
        var result = await PublicRegistry.ListAsync(db, clock, cache, new PublicFilter(region, q, status, kind, year), page ?? 1, ct: ct);
        http.Response.Headers.CacheControl = $"public, max-age={PortalCache.Seconds}";
        return TypedResults.Ok(new PublicList(result.Total, page ?? 1, PublicRegistry.PageSize, result.Rows));
    }

    private static async Task<IResult> OneAsync(AppDbContext db, TimeProvider clock, HttpContext http, int id, CancellationToken ct)
    {
        if (await PublicRegistry.OneAsync(db, clock, id, ct) is not { } found)
            return ApiResults.NotFound("Kerja sama");
        http.Response.Headers.CacheControl = $"public, max-age={PortalCache.Seconds}";
        return TypedResults.Ok(new { found.Agreement, Documents = found.Documents.Select(d => new { d.Title, d.FileName, Url = $"/publik/dokumen/{d.VersionId}" }) });
    }

    private static async Task<IResult> DownloadAsync(AppDbContext db, TimeProvider clock, string format, string? region, string? q, string? status, string? kind,
        int? year, CancellationToken ct)
    {
        if (format is not ("csv" or "xlsx"))
            return TypedResults.NotFound();
        if (Problems(region, status, year, 1) is { Count: > 0 } problems)
            return ApiResults.Invalid(problems);
        var rows = await PublicRegistry.AllAsync(db, clock, new PublicFilter(region, q, status, kind, year), ct);
        var cells = rows.Select(a => new object?[]
        {
            a.RegionName, a.Number, a.Title, a.Kind, string.Join(", ", a.Partners), string.Join(", ", a.Opds), string.Join(", ", a.Urusan),
            a.SignedOn, a.StartsOn, a.EndsOn, a.Status,
        });
        var output = new MemoryStream();
        if (format == "csv")
            TableExport.WriteCsv(output, Columns, cells);
        else
            TableExport.WriteXlsx(output, "Kerja sama", Columns, cells);
        output.Position = 0;
        var name = $"kerja-sama-{region ?? "indonesia"}.{format}";
        return TypedResults.File(output, format == "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    private static async Task<IResult> DocumentAsync(AppDbContext db, FileStore files, int id, CancellationToken ct)
    {
        if (await PublicRegistry.PublicFileAsync(db, id, ct) is not { } file || !files.Exists(file.Sha256))
            return TypedResults.NotFound();
        return TypedResults.File(files.OpenRead(file.Sha256), file.ContentType, FileNames.Clean(file.FileName));
    }
}
