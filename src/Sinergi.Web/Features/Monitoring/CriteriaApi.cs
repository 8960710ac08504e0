using Microsoft.AspNetCore.Http.HttpResults;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Monitoring;

/// <summary>A region's criteria of the lokus review and the admin's evaluation, for programs: the same rule as Pengaturan (<see cref="CriteriaSettings"/>).</summary>
public static class CriteriaApi
{
    /// <summary><c>Own</c>: the region changed them; false: the defaults.</summary>
    public sealed record JudgementCriteria(string Kind, string Title, bool Own, IReadOnlyList<Criterion> Criteria);

    public sealed record CriteriaDto(string Region, List<JudgementCriteria> Judgements);

    /// <summary>The criteria in order; a code keeps a criterion's or option's code, a new one without code gets one made of its label.</summary>
    public sealed record CriteriaBody(List<CriteriaSettings.CriterionInput>? Criteria);

    public static RouteGroupBuilder MapCriteriaApi(this RouteGroupBuilder api)
    {
        var criteria = api.MapGroup("/monev/criteria").WithTags("Monev");
        criteria.MapGet("/", ReadAsync).RequireAuthorization(Policies.ApiReadRegistry)
            .WithSummary("Kriteria telaah TKKSD dan evaluasi admin wilayah (region=kode untuk akun nasional/provinsi)");
        foreach (var kind in Enum.GetValues<AssessmentKind>())
            criteria.MapPut($"/{AssessmentCriteria.Slug(kind)}", (AppDbContext db, RegionScope scope, CriteriaBody body, CancellationToken ct) =>
                    SaveAsync(db, scope, kind, body, ct)).RequireAuthorization(Policies.ApiManageRegion)
                .WithSummary($"Ubah kriteria {AssessmentCriteria.Title(kind).ToLowerInvariant()} wilayah sendiri (Admin Kerja Sama); penilaian terkirim tetap memakai kriteria semula");
        return api;
    }

    private static async Task<Results<Ok<CriteriaDto>, ValidationProblem, ProblemHttpResult>> ReadAsync(AppDbContext db, RegionScope scope, string? region,
        CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(region) ? scope.RegionCode : region.Trim();
        if (code is null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["region"] = ["Akun tanpa wilayah perlu menyebut kode wilayah, mis. region=62.71."] });
        if (!Region.IsWellFormedCode(code))
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["region"] = [Region.CodeFormatProblem] });
        if (!scope.Oversees(code))
            return ApiResults.NotFound($"Wilayah '{code}'");
        return TypedResults.Ok(await DtoAsync(db, code, ct));
    }

    private static async Task<Results<Ok<CriteriaDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(AppDbContext db, RegionScope scope,
        AssessmentKind judgement, CriteriaBody body, CancellationToken ct)
    {
        if (scope.RegionCode is not { } code)
            return ApiResults.Forbidden("Kriteria diubah oleh Admin Kerja Sama wilayahnya.");
        var problems = await CriteriaSettings.SaveAsync(db, code, judgement, body.Criteria ?? [], ct);
        if (problems.Count > 0)
            return ApiResults.Invalid(problems.ToDictionary(p => p.Key.Length == 0 ? "criteria" : $"criteria{p.Key}".Replace(".Label", ".label").Replace(".Options", ".options"),
                p => p.Value));
        return TypedResults.Ok(await DtoAsync(db, code, ct));
    }

    private static async Task<CriteriaDto> DtoAsync(AppDbContext db, string code, CancellationToken ct)
    {
        var judgements = new List<JudgementCriteria>();
        foreach (var kind in Enum.GetValues<AssessmentKind>())
            judgements.Add(new JudgementCriteria(AssessmentCriteria.Slug(kind), AssessmentCriteria.Title(kind), await CriteriaSettings.IsOwnAsync(db, code, kind, ct),
                await AssessmentCriteria.ForRegionAsync(db, code, kind, ct)));
        return new CriteriaDto(code, judgements);
    }
}
