using Microsoft.AspNetCore.Http.HttpResults;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Budget;

/// <summary>The integration checks for programs and dashboards: their counts, and each as a paged list.</summary>
public static class BudgetChecksApi
{
    public sealed record CountsDto(string Region, int Year, int JudgedYear, int MinRealisationPercent, Dictionary<string, int> Counts);

    public sealed record RowDto(int Id, string? Number, string Title, DateOnly? StartsOn, DateOnly? EndsOn, FundingSource? Funding, decimal? Value,
        IReadOnlyList<string> Opds, decimal Planned, decimal Realised);

    public static RouteGroupBuilder MapBudgetChecksApi(this RouteGroupBuilder api)
    {
        var checks = api.MapGroup("/budget/checks").WithTags("Anggaran").RequireAuthorization(Policies.ApiReadRegistry);
        checks.MapGet("/", CountsAsync).WithSummary("Jumlah kerja sama per pemeriksaan integrasi anggaran (year, region)");
        checks.MapGet("/{check}", ListAsync)
            .WithSummary("Daftar satu pemeriksaan: belum-terintegrasi, apbd-tanpa-anggaran, tanpa-persetujuan-dprd, realisasi-rendah");
        return api;
    }

    private static async Task<Results<Ok<CountsDto>, ValidationProblem>> CountsAsync(
        AppDbContext db, RegionScope scope, TimeProvider clock, Agreements.Registry.RegistryCache cache, int? year, string? region, CancellationToken ct)
    {
        var (resolved, problems) = Resolve(scope, clock, year, region);
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);
        var (code, wanted, today) = resolved;
        var percent = await RealisationShare.PercentAsync(db, code, ct);
        var kept = await Agreements.Registry.AgreementSearchQuery.RegionAsync(db, scope, code == scope.RegionCode ? null : code, ct);
        var counts = await BudgetChecks.KeptCountsAsync(db, cache, kept, code, wanted, today, percent, ct);
        return TypedResults.Ok(new CountsDto(code, wanted, BudgetChecks.JudgedYear(wanted, today), percent,
            counts.ToDictionary(c => BudgetChecks.Slug(c.Key), c => c.Value)));
    }

    private static async Task<Results<Ok<Paged<RowDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        AppDbContext db, RegionScope scope, TimeProvider clock, string check, int? year, string? region, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        if (BudgetChecks.FromSlug(check) is not { } wantedCheck)
            return TypedResults.Problem(title: "Tidak ditemukan", statusCode: StatusCodes.Status404NotFound,
                detail: "Pemeriksaan ini tidak ada. Pilih belum-terintegrasi, apbd-tanpa-anggaran, tanpa-persetujuan-dprd atau realisasi-rendah.");
        var (resolved, problems) = Resolve(scope, clock, year, region);
        foreach (var (field, messages) in ApiResults.PagingProblems(page, pageSize))
            problems[field] = messages;
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);
        var (code, wanted, today) = resolved;
        var percent = await RealisationShare.PercentAsync(db, code, ct);
        var (rows, total) = await BudgetChecks.ListAsync(db, code, wantedCheck, wanted, today, percent, page, pageSize, ct);
        return TypedResults.Ok(new Paged<RowDto>(rows.Select(r => new RowDto(r.Id, r.Number, r.Title, r.StartsOn, r.EndsOn, r.Funding, r.Value,
            r.Opds, r.Planned, r.Realised)).ToList(), total, page, pageSize));
    }

    private static ((string Region, int Year, DateOnly Today) Resolved, Dictionary<string, string[]> Problems) Resolve(
        RegionScope scope, TimeProvider clock, int? year, string? region)
    {
        var problems = new Dictionary<string, string[]>();
        region = region?.Trim() ?? scope.RegionCode;
        if (region is null)
            problems["region"] = ["Sebutkan wilayah (region), mis. 62.71."];
        else if (!Region.IsWellFormedCode(region))
            problems["region"] = [Region.CodeFormatProblem];
        else if (!scope.Oversees(region))
            problems["region"] = ["Wilayah ini tidak berada dalam cakupan akun Anda."];
        if (year is int y && !AgreementDates.InRange(y))
            problems["year"] = [$"year harus tahun {AgreementDates.Earliest.Year} sampai {AgreementDates.Latest.Year}."];
        var today = RegionClock.Today(clock, region is not null && problems.Count == 0 ? region : null);
        return ((region ?? "", year ?? today.Year, today), problems);
    }
}
