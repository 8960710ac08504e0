using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Proposals;

/// <summary>Reading and editing the region's SOP per kind, and the TKKSD's rubric and quorum; the rules are <see cref="SopEditor"/> and <see cref="ProposalSettingsEditor"/>.</summary>
public static class SopApi
{
    public sealed record MoveBody(string? To, MoveKind Kind, string? Label, MoveCondition Condition = MoveCondition.Always);

    public sealed record StageBody(string? Code, string? Name, List<string>? Actors, List<string>? Documents, List<string>? Checklist, int DeadlineDays, List<MoveBody>? Moves);

    public sealed record SopBody(List<StageBody>? Stages, int? Version);

    public sealed record SopDto(AgreementKind Kind, string KindSlug, int Version, DateTime? CreatedAt, string CreatedBy, List<SopStage> Stages);

    public sealed record SettingsBody(List<RubricCriterion>? Criteria, int? QuorumMinimum);

    public sealed record SettingsDto(List<RubricCriterion> Criteria, int? QuorumMinimum, string QuorumRule, int Members);

    private static readonly AgreementKind[] Kinds = [AgreementKind.Ksdd, AgreementKind.Ksdpk, AgreementKind.Sinergi];

    public static RouteGroupBuilder MapSopApi(this RouteGroupBuilder api)
    {
        var sop = api.MapGroup("/sop").WithTags("Usulan").RequireAuthorization(Policies.ApiReadRegistry);
        sop.MapGet("/", ListAsync).WithSummary("SOP usulan daerah yang berlaku untuk setiap jenis (KSDD, KSDPK, Sinergi), dengan nomor versinya");
        sop.MapGet("/{kind}", GetAsync).WithSummary("SOP yang berlaku untuk satu jenis (ksdd, ksdpk, sinergi); ETag berisi nomor versi");
        sop.MapPut("/{kind}", PutAsync).RequireAuthorization(Policies.ApiManageRegion)
            .WithSummary("Simpan SOP satu jenis sebagai versi berikutnya (Admin Kerja Sama); version atau If-Match mencegah menimpa perubahan orang lain");
        api.MapGet("/proposals/settings", SettingsAsync).WithTags("Usulan").RequireAuthorization(Policies.ApiReadRegistry).WithSummary("Rubrik penilaian TKKSD (kriteria dan bobot) dan aturan kuorum daerah");
        api.MapPut("/proposals/settings", PutSettingsAsync).WithTags("Usulan").RequireAuthorization(Policies.ApiManageRegion)
            .WithSummary("Ubah rubrik (jumlah bobot 100, nama berbeda) dan kuorum (null: mayoritas anggota; atau N, paling banyak jumlah anggota) — Admin Kerja Sama");
        return api;
    }

    private static SopDto Dto(SopVersion sop) =>
        new(sop.Kind, AgreementLabels.Slug(sop.Kind), sop.Number, sop.Id == 0 ? null : sop.CreatedAt, sop.CreatedByName, sop.Stages);

    private static async Task<Ok<List<SopDto>>> ListAsync(AppDbContext db, RegionScope scope, CancellationToken ct)
    {
        var list = new List<SopDto>();
        if (scope.RegionCode is { } region)
            foreach (var kind in Kinds)
                list.Add(Dto(await DefaultSops.ReadAsync(db, region, kind, ct)));
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<SopDto>, ProblemHttpResult>> GetAsync(AppDbContext db, RegionScope scope, HttpResponse response, string kind, CancellationToken ct)
    {
        if (scope.RegionCode is not { } region || AgreementLabels.KindFromSlug(kind) is not { } k || !Kinds.Contains(k))
            return ApiResults.NotFound("SOP");
        var sop = await DefaultSops.ReadAsync(db, region, k, ct);
        response.Headers.ETag = ApiResults.ETag(sop.Number);
        return TypedResults.Ok(Dto(sop));
    }

    private static async Task<Results<Ok<SopDto>, ValidationProblem, ProblemHttpResult>> PutAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        HttpRequest request, HttpResponse response, string kind, SopBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (!caller.Is(Roles.AdminKerjaSama) || caller.RegionCode is not { } region)
            return ApiResults.Forbidden("SOP diubah oleh Admin Kerja Sama daerahnya.");
        if (AgreementLabels.KindFromSlug(kind) is not { } k || !Kinds.Contains(k))
            return ApiResults.NotFound("SOP");
        var current = await DefaultSops.ReadAsync(db, region, k, ct);
        if (ApiResults.IfMatchProblem(request, current.Number, "SOP", required: false) is { } stale)
            return stale;
        var stages = (body.Stages ?? []).Select(s => new SopStage(s.Code ?? "", s.Name ?? "", [.. s.Actors ?? []], [.. s.Documents ?? []], [.. s.Checklist ?? []],
            s.DeadlineDays, [.. (s.Moves ?? []).Select(m => new SopMove(m.To ?? "", m.Kind, m.Label ?? "", m.Condition))])).ToList();
        var saved = await SopEditor.SaveAsync(db, region, k, stages, Actor.Of(user), ct, body.Version);
        if (saved.Conflict)
            return TypedResults.Problem(title: "SOP sudah berubah", detail: saved.Problems[0].Message, statusCode: StatusCodes.Status409Conflict);
        if (saved.Sop is null)
            return ApiResults.Invalid(saved.Problems.GroupBy(p => Field(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));
        response.Headers.ETag = ApiResults.ETag(saved.Sop.Number);
        return TypedResults.Ok(Dto(saved.Sop));
    }

    /// <summary><c>Stages[2].Name</c> → <c>stages[2].name</c>; the SOP as a whole → <c>stages</c>.</summary>
    private static string Field(string field) => field.Length == 0 ? "stages"
        : string.Join('.', field.Split('.').Select(part => char.ToLowerInvariant(part[0]) + part[1..]));

    private static async Task<Results<Ok<SettingsDto>, ProblemHttpResult>> SettingsAsync(AppDbContext db, RegionScope scope, CancellationToken ct)
    {
        if (scope.RegionCode is not { } region)
            return ApiResults.NotFound("Pengaturan penilaian");
        return TypedResults.Ok(await SettingsDtoAsync(db, region, ct));
    }

    private static async Task<SettingsDto> SettingsDtoAsync(AppDbContext db, string region, CancellationToken ct)
    {
        var settings = await ProposalVotes.SettingsAsync(db, region, ct);
        var members = await ProposalVotes.MembersAsync(db, region, ct);
        return new SettingsDto(settings.Criteria, settings.QuorumMinimum, ProposalSettingsEditor.QuorumText(settings.QuorumMinimum), members);
    }

    private static async Task<Results<Ok<SettingsDto>, ValidationProblem, ProblemHttpResult>> PutSettingsAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        SettingsBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (!caller.Is(Roles.AdminKerjaSama) || caller.RegionCode is not { } region)
            return ApiResults.Forbidden("Rubrik dan kuorum diubah oleh Admin Kerja Sama daerahnya.");
        var problems = await ProposalSettingsEditor.SaveAsync(db, region, body.Criteria ?? [], body.QuorumMinimum, Actor.Of(user), ct);
        if (problems.Count > 0)
            return ApiResults.Invalid(ApiResults.CamelCase(problems));
        return TypedResults.Ok(await SettingsDtoAsync(db, region, ct));
    }
}
