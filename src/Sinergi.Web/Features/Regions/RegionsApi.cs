using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Web.Api;

namespace Sinergi.Features.Regions;

/// <summary>The reference list of provinces and kab/kota: public knowledge, readable by any token.</summary>
public static class RegionsApi
{
    public sealed record RegionDto(string Code, string Name, RegionLevel Level, string? ProvinceCode, double? Latitude, double? Longitude);

    public static RouteGroupBuilder MapRegionsApi(this RouteGroupBuilder api)
    {
        var regions = api.MapGroup("/regions").WithTags("Wilayah");
        regions.MapGet("/", ListAsync).WithSummary("Daftar provinsi dan kabupaten/kota, dengan pencarian dan halaman");
        regions.MapGet("/{code}", GetAsync).WithSummary("Satu wilayah menurut kode Kemendagri");
        return api;
    }

    /// <param name="q">Potongan nama (spasi dan huruf besar/kecil diabaikan) atau awal kode, mis. <c>palangka raya</c> atau <c>62.</c>.</param>
    /// <param name="level">Provinsi, Kabupaten atau Kota.</param>
    /// <param name="province">Kode provinsi; hanya wilayah di provinsi itu.</param>
    private static async Task<Results<Ok<Paged<RegionDto>>, ValidationProblem>> ListAsync(
        AppDbContext db, string? q, string? level, string? province, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var problems = ApiResults.PagingProblems(page, pageSize);
        RegionLevel? wantedLevel = null;
        if (!string.IsNullOrWhiteSpace(level))
        {
            if (Enum.TryParse<RegionLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
                wantedLevel = parsed;
            else
                problems["level"] = ["level harus Provinsi, Kabupaten atau Kota."];
        }
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);

        var query = db.Regions.AsNoTracking();
        // Search terms lose control characters first: PostgreSQL refuses a NUL in any text.
        if (Sinergi.Web.Text.Clean(q) is { } term)
        {
            var compact = term.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            query = query.Where(r => r.Code.StartsWith(term) || r.Name.ToLower().Replace(" ", "").Contains(compact));
        }
        if (wantedLevel is not null)
            query = query.Where(r => r.Level == wantedLevel);
        if (Sinergi.Web.Text.Clean(province) is { } provinceCode)
            query = query.Where(r => r.ProvinceCode == provinceCode || r.Code == provinceCode);

        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(r => r.Code)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new RegionDto(r.Code, r.Name, r.Level, r.ProvinceCode, r.Latitude, r.Longitude))
            .ToListAsync(ct);
        return TypedResults.Ok(new Paged<RegionDto>(items, total, page, pageSize));
    }

    private static async Task<Results<Ok<RegionDto>, ProblemHttpResult>> GetAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var region = !Region.IsWellFormedCode(code) ? null : await db.Regions.AsNoTracking().Where(r => r.Code == code)
            .Select(r => new RegionDto(r.Code, r.Name, r.Level, r.ProvinceCode, r.Latitude, r.Longitude))
            .SingleOrDefaultAsync(ct);
        return region is null ? ApiResults.NotFound($"Wilayah dengan kode '{Sinergi.Web.Text.WithoutControls(code)}'") : TypedResults.Ok(region);
    }
}
