using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Participants;

/// <summary>The register of interns and participants, with the page's checks and readers (the admin and the agreement's OPD only).</summary>
public static class ParticipantsApi
{
    public sealed record ParticipantInputDto(string? Name, string? StudentNumber, string? Programme, int? PlacementOpdId, DateOnly? StartsOn, DateOnly? EndsOn,
        string? Supervisor, bool? BpjsRegistered, string? BpjsNumber, DateOnly? BpjsValidUntil)
    {
        public ParticipantDraft ToDraft() => new(Name, StudentNumber, Programme, PlacementOpdId, StartsOn, EndsOn, Supervisor, BpjsRegistered ?? false, BpjsNumber, BpjsValidUntil);
    }

    public sealed record ParticipantDto(int Id, int AgreementId, string Name, string StudentNumber, string Programme, int PlacementOpdId, DateOnly StartsOn,
        DateOnly EndsOn, string Supervisor, bool BpjsRegistered, string? BpjsNumber, DateOnly? BpjsValidUntil, bool Uninsured, int Version);

    public static RouteGroupBuilder MapParticipantsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Peserta magang/PKL").RequireAuthorization(Policies.ApiReadRegistry);
        group.MapGet("/agreements/{id:int}/participants", ListAsync).WithSummary("Peserta magang/PKL kerja sama (Admin Kerja Sama dan OPD pelaksana)");
        group.MapPost("/agreements/{id:int}/participants", AddAsync).WithSummary("Tambah peserta magang/PKL");
        group.MapPut("/participants/{id:int}", UpdateAsync).WithSummary("Ubah data peserta, termasuk BPJS Ketenagakerjaan; wajib If-Match (ETag dari GET atau jawaban sebelumnya)");
        group.MapDelete("/participants/{id:int}", DeleteAsync).WithSummary("Hapus peserta dari daftar; If-Match dihormati bila dikirim");
        group.MapGet("/participants/uninsured", UninsuredAsync).WithSummary("Kerja sama berlaku dengan peserta tanpa BPJS Ketenagakerjaan yang berlaku");
        return api;
    }

    private static ParticipantDto Dto(Participant p, DateOnly today) => new(p.Id, p.AgreementId, p.Name, p.StudentNumber, p.Programme, p.PlacementOpdId,
        p.StartsOn, p.EndsOn, p.Supervisor, p.BpjsRegistered, p.BpjsNumber, p.BpjsValidUntil, Participant.IsUninsured(p.BpjsRegistered, p.BpjsValidUntil, p.EndsOn, today),
        p.Version);

    private static async Task<(Agreement? Agreement, ProblemHttpResult? Refusal)> AgreementAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (await ParticipantRegister.OwnAgreementAsync(db, scope, id, ct) is not { } agreement)
            return (null, ApiResults.NotFound("Kerja sama"));
        if (!ParticipantRegister.CanRead(user, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)))
            return (null, ApiResults.Forbidden("Data peserta hanya dapat dibaca oleh Admin Kerja Sama dan OPD pelaksana kerja sama ini."));
        return (agreement, null);
    }

    private static async Task<Results<Ok<List<ParticipantDto>>, ProblemHttpResult>> ListAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock,
        int id, CancellationToken ct)
    {
        var (agreement, refusal) = await AgreementAsync(db, scope, user, id, ct);
        if (refusal is not null)
            return refusal;
        var today = RegionClock.Today(clock, agreement!.RegionCode);
        var rows = await db.Participants.AsNoTracking().Where(p => p.AgreementId == id).OrderBy(p => p.Name).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(p => Dto(p, today)).ToList());
    }

    private static async Task<Results<Created<ParticipantDto>, ValidationProblem, ProblemHttpResult>> AddAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http, int id, ParticipantInputDto input, CancellationToken ct)
    {
        var (agreement, refusal) = await AgreementAsync(db, scope, user, id, ct);
        if (refusal is not null)
            return refusal;
        if (!await ParticipantRegister.KeepsRegisterAsync(db, agreement!, ct))
            return ApiResults.Invalid(new Dictionary<string, string[]> { [""] = ["Kerja sama ini bukan kerja sama dengan perguruan tinggi dan tidak ditandai magang / PKL."] });
        var (saved, problems) = await ParticipantStore.AddAsync(db, agreement!, input.ToDraft(), Actor.Of(user), ct);
        if (saved is null)
            return ApiResults.Invalid(problems);
        http.Response.Headers.ETag = ApiResults.ETag(saved.Version);
        return TypedResults.Created($"/api/v1/participants/{saved.Id}", Dto(saved, RegionClock.Today(clock, agreement!.RegionCode)));
    }

    private static async Task<Results<Ok<ParticipantDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, HttpContext http, int id, ParticipantInputDto input, CancellationToken ct)
    {
        var agreementId = await db.Participants.IgnoreQueryFilters().Where(p => p.Id == id && p.RegionCode == scope.RegionCode).Select(p => (int?)p.AgreementId).SingleOrDefaultAsync(ct);
        if (agreementId is null)
            return ApiResults.NotFound("Peserta");
        var (agreement, refusal) = await AgreementAsync(db, scope, user, agreementId.Value, ct);
        if (refusal is not null)
            return refusal;
        var participant = await db.Participants.IgnoreQueryFilters().SingleAsync(p => p.Id == id, ct);
        if (ApiResults.IfMatchProblem(http.Request, participant.Version, "Peserta") is { } stale)
            return stale;
        Dictionary<string, string[]> problems;
        try
        {
            problems = await ParticipantStore.UpdateAsync(db, agreement!, participant, input.ToDraft(), Actor.Of(user), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.PreconditionFailed("Peserta");
        }
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);
        http.Response.Headers.ETag = ApiResults.ETag(participant.Version);
        return TypedResults.Ok(Dto(participant, RegionClock.Today(clock, agreement!.RegionCode)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, HttpContext http, int id,
        CancellationToken ct)
    {
        var agreementId = await db.Participants.IgnoreQueryFilters().Where(p => p.Id == id && p.RegionCode == scope.RegionCode).Select(p => (int?)p.AgreementId).SingleOrDefaultAsync(ct);
        if (agreementId is null)
            return ApiResults.NotFound("Peserta");
        var (agreement, refusal) = await AgreementAsync(db, scope, user, agreementId.Value, ct);
        if (refusal is not null)
            return refusal;
        var version = await db.Participants.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.Version).SingleAsync(ct);
        if (ApiResults.IfMatchProblem(http.Request, version, "Peserta", required: false) is { } stale)
            return stale;
        await ParticipantStore.DeleteAsync(db, agreement!, id, Actor.Of(user), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<List<ParticipantRegister.ListedAgreement>>, ProblemHttpResult>> UninsuredAsync(AppDbContext db, RegionScope scope,
        ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (scope.RegionCode is not { } region || !(user.IsInRole(Roles.AdminKerjaSama) || (user.IsInRole(Roles.OpdOperator) && scope.OpdId is not null)))
            return ApiResults.Forbidden("Daftar ini hanya untuk Admin Kerja Sama dan Operator OPD.");
        var opd = user.IsInRole(Roles.AdminKerjaSama) ? null : scope.OpdId;
        return TypedResults.Ok(await ParticipantRegister.ListAsync(db, region, opd, RegionClock.Today(clock, region), ct));
    }
}
