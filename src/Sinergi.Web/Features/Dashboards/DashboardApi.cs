using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Regions;
using Sinergi.Features.Rollup;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Dashboards;

/// <summary>The dashboard's figures and the overseers' roll-up, for programs; the same reads as the pages.</summary>
public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Dasbor").RequireAuthorization(Policies.ApiReadRegistry);
        group.MapGet("/dashboard", FiguresAsync)
            .WithSummary("Angka dasbor daerah (region untuk pengawas, opd untuk satu OPD): sama dengan Beranda");
        group.MapGet("/rollup", RollupAsync)
            .WithSummary("Rekap per daerah untuk pengawas provinsi dan nasional (sort: kode, berlaku, berakhir, dievaluasi, anggaran, nilai, kendala)");
        return api;
    }

    private static async Task<IResult> FiguresAsync(AppDbContext db, RegionScope scope, TimeProvider clock, Sinergi.Features.Agreements.Registry.RegistryCache cache, string? region, int? opd, CancellationToken ct)
    {
        region = region?.Trim();
        var problems = new Dictionary<string, string[]>();
        if (region is not null && !Region.IsWellFormedCode(region))
            problems["region"] = [Region.CodeFormatProblem];
        else if (region is null && scope.RegionCode is null)
            problems["region"] = ["Akun tanpa daerah menyebut daerah yang ingin dilihat, mis. region=62.71."];
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);
        var code = region ?? scope.RegionCode!;
        if (!scope.Oversees(code) || !await db.Regions.AnyAsync(r => r.Code == code, ct))
            return ApiResults.NotFound($"Wilayah '{code}'");
        if (opd is int id && !await db.Opds.IgnoreQueryFilters().AnyAsync(o => o.Id == id && o.RegionCode == code, ct))
            return ApiResults.NotFound("OPD");
        return TypedResults.Ok(await DashboardQueries.ReadAsync(db, scope, clock, cache, code, opd, ct));
    }

    private static async Task<IResult> RollupAsync(AppDbContext db, RegionScope scope, TimeProvider clock, string? sort, CancellationToken ct)
    {
        if (scope.OverseenPrefix is not { } prefix)
            return ApiResults.Forbidden("Rekap hanya untuk pengawas provinsi dan nasional.");
        var rollup = await RollupQueries.ReadAsync(db, clock, prefix, ct);
        return TypedResults.Ok(rollup with { Rows = RollupQueries.Sorted(rollup.Rows, sort).ToList() });
    }
}
