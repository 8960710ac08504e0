using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Accounts;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Potentials;

/// <summary>Potensi daerah: the catalogue (a province's across its kab/kota), its map, the ranking, scores and suggested partners.</summary>
public static class PotentialsApi
{
    public sealed record PotentialBody(string? Name, string? Sector, string? Urusan, double? Latitude, double? Longitude, string? Kecamatan,
        string? Description, decimal? EstimatedValue, string? Capacity, int? OpdId, PotentialState? State, int? Version = null)
    {
        public PotentialDraft Draft() => new(Name, Sector, Urusan, Latitude, Longitude, Kecamatan, Description, EstimatedValue, Capacity, OpdId, State);
    }

    public sealed record ScoreBody(Dictionary<string, int>? Scores);

    public sealed record PotentialDto(int Id, string RegionCode, string Name, string Sector, string Urusan, double? Latitude, double? Longitude, string? Kecamatan,
        string? Description, decimal? EstimatedValue, string? Capacity, int OpdId, PotentialState State, int Version, List<int> ProposalIds);

    public static RouteGroupBuilder MapPotentialsApi(this RouteGroupBuilder api)
    {
        var potentials = api.MapGroup("/potentials").WithTags("Potensi daerah").RequireAuthorization(Policies.ApiReadRegistry);
        potentials.MapGet("/", ListAsync).WithSummary("Potensi daerah (pengawas provinsi dan admin provinsi: seluruh kab/kota); filter q, urusan, state, region");
        potentials.MapGet("/map", MapAsync).WithSummary("Titik potensi untuk peta (potensi tanpa titik: pusat daerahnya, approximate)");
        potentials.MapGet("/ranking", RankingAsync).WithSummary("Peringkat objek prioritas kerja sama: nilai berbobot, jumlah penilai, rata-rata per kriteria");
        potentials.MapPost("/", CreateAsync).WithSummary("Catat potensi (Admin Kerja Sama, TKKSD, atau Operator OPD untuk OPD-nya)");
        potentials.MapGet("/{id:int}", GetAsync).WithSummary("Satu potensi dengan usulan yang berasal darinya");
        potentials.MapPut("/{id:int}", UpdateAsync).WithSummary("Ubah potensi; version atau If-Match mencegah menimpa perubahan orang lain");
        potentials.MapPost("/{id:int}/scores", ScoreAsync).WithSummary("Nilai seorang anggota TKKSD (satu kali per potensi)");
        potentials.MapGet("/{id:int}/partners", PartnersAsync).WithSummary("Mitra yang disarankan, dengan alasannya");
        return api;
    }

    private static (string? Region, string? Prefix) Reach(ClaimsPrincipal user, RegionScope scope)
    {
        var caller = ProposalCaller.Of(user, scope);
        return (caller.RegionCode, PotentialAccess.WidePrefix(caller, scope));
    }

    private static async Task<Ok<List<PotentialQueries.Row>>> ListAsync(AppDbContext db, RegistryCache cache, RegionScope scope, ClaimsPrincipal user,
        string? q, string? urusan, PotentialState? state, string? region, CancellationToken ct)
    {
        var (own, prefix) = Reach(user, scope);
        return TypedResults.Ok(await PotentialQueries.ListAsync(db, cache, own, prefix, new(q, urusan, state, region), ct));
    }

    private static async Task<Ok<List<PotentialQueries.Marker>>> MapAsync(AppDbContext db, RegistryCache cache, RegionScope scope, ClaimsPrincipal user,
        string? urusan, string? region, CancellationToken ct)
    {
        var (own, prefix) = Reach(user, scope);
        return TypedResults.Ok(await PotentialQueries.MarkersAsync(db, cache, own, prefix, new(null, urusan, null, region), ct));
    }

    private static async Task<Results<Ok<List<PotentialRanking.Ranked>>, ProblemHttpResult>> RankingAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (caller.RegionCode is not { Length: 5 } region)
            return ApiResults.Forbidden("Peringkat potensi disusun oleh TKKSD kabupaten/kota; pilih daerahnya dari daftar potensi.");
        return TypedResults.Ok(await PotentialRanking.RankAsync(db, region, ct));
    }

    private static async Task<Potential?> LoadAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, CancellationToken ct) =>
        await db.Potentials.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == id, ct) is { } p && PotentialAccess.CanRead(ProposalCaller.Of(user, scope), scope, p) ? p : null;

    private static async Task<PotentialDto> DtoAsync(AppDbContext db, Potential p, CancellationToken ct) =>
        new(p.Id, p.RegionCode, p.Name, p.Sector, p.UrusanCode, p.Latitude, p.Longitude, p.Kecamatan, p.Description, p.EstimatedValue, p.Capacity, p.OpdId, p.State, p.Version,
            await db.PotentialProposals.Where(l => l.PotentialId == p.Id).Select(l => l.ProposalId).OrderBy(i => i).ToListAsync(ct));

    private static async Task<Results<Ok<PotentialDto>, ProblemHttpResult>> GetAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, HttpResponse response, int id, CancellationToken ct)
    {
        if (await LoadAsync(db, scope, user, id, ct) is not { } potential)
            return ApiResults.NotFound("Potensi");
        response.Headers.ETag = ApiResults.ETag(potential.Version);
        return TypedResults.Ok(await DtoAsync(db, potential, ct));
    }

    private static async Task<Results<Created<PotentialDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        PotentialBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (!PotentialAccess.CanCreate(caller))
            return ApiResults.Forbidden("Potensi dicatat oleh Admin Kerja Sama, TKKSD, atau Operator OPD daerah.");
        var (saved, problems) = await PotentialDraft.SaveAsync(db, caller, null, body.Draft(), null, ct);
        if (saved is null)
            return ApiResults.Invalid(Fields(problems));
        return TypedResults.Created($"/api/v1/potentials/{saved.Id}", await DtoAsync(db, saved, ct));
    }

    private static async Task<Results<Ok<PotentialDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        HttpRequest request, int id, PotentialBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await LoadAsync(db, scope, user, id, ct) is not { } potential)
            return ApiResults.NotFound("Potensi");
        if (!PotentialAccess.CanEdit(caller, potential))
            return ApiResults.Forbidden("Potensi ini diubah oleh Admin Kerja Sama, TKKSD, atau OPD pemiliknya.");
        if (ApiResults.IfMatchProblem(request, potential.Version, "Potensi", required: body.Version is null) is { } stale)
            return stale;
        var (saved, problems) = await PotentialDraft.SaveAsync(db, caller, potential, body.Draft(), body.Version ?? potential.Version, ct);
        if (saved is null)
            return problems.ContainsKey("") ? ApiResults.Conflict("Potensi tidak disimpan", problems[""][0], []) : ApiResults.Invalid(Fields(problems));
        return TypedResults.Ok(await DtoAsync(db, saved, ct));
    }

    private static async Task<Results<Ok<List<PotentialRanking.Ranked>>, ValidationProblem, ProblemHttpResult>> ScoreAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        int id, ScoreBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await LoadAsync(db, scope, user, id, ct) is not { } potential)
            return ApiResults.NotFound("Potensi");
        if (!PotentialAccess.CanScore(caller, potential))
            return ApiResults.Forbidden("Hanya anggota TKKSD daerah ini yang menilai potensi.");
        var (score, problems) = await PotentialRanking.ScoreAsync(db, caller, potential, body.Scores ?? [], ct);
        if (score is null)
            return problems.TryGetValue("Score", out var refused)
                ? TypedResults.Problem(title: "Nilai tidak dapat dicatat", detail: refused[0], statusCode: StatusCodes.Status409Conflict)
                : ApiResults.Invalid(ApiResults.CamelCase(problems));
        return TypedResults.Ok(await PotentialRanking.RankAsync(db, potential.RegionCode, ct));
    }

    private static async Task<Results<Ok<List<PotentialSuggestions.Suggestion>>, ProblemHttpResult>> PartnersAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (await LoadAsync(db, scope, user, id, ct) is not { } potential)
            return ApiResults.NotFound("Potensi");
        return TypedResults.Ok(await PotentialSuggestions.ForAsync(db, potential, ct));
    }

    private static Dictionary<string, string[]> Fields(Dictionary<string, string[]> problems) =>
        ApiResults.CamelCase(problems.ToDictionary(p => p.Key == nameof(PotentialDraft.UrusanCode) ? "Urusan" : p.Key, p => p.Value));
}
