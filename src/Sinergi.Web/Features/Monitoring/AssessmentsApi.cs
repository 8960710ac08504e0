using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Monitoring;

/// <summary>The lokus review (<c>review</c>) and the admin's evaluation (<c>evaluation</c>) of a period, for programs.</summary>
public static class AssessmentsApi
{
    /// <summary>Answers by criterion code (see the page for the codes and options), findings, recommendation and, for an evaluation, a rating 1–5.</summary>
    public sealed record AssessmentBody(Dictionary<string, string?>? Answers, string? Findings, string? Recommendation, int? Rating)
    {
        public AssessmentDraft ToDraft() => new() { Answers = Answers ?? [], Findings = Findings, Recommendation = Recommendation, Rating = Rating };
    }

    /// <summary>Answers by criterion code; <c>Criteria</c> are the questions and options this revision was answered against.</summary>
    public sealed record AssessmentDto(int Id, int Revision, string State, string Period, string? CorrectionReason, Dictionary<string, string> Answers,
        IReadOnlyList<Criterion> Criteria, string? Findings, string? Recommendation, int? Rating, string CreatedBy, DateTime? SubmittedAt, string? SubmittedBy,
        int Version);

    /// <summary><c>Criteria</c>: the region's current questions, which a draft is answered against.</summary>
    public sealed record SlotDto(string Kind, string Period, string Label, string? NotYet, IReadOnlyList<Criterion> Criteria, AssessmentDto? Current,
        List<AssessmentDto> Revisions);

    public static RouteGroupBuilder MapAssessmentsApi(this RouteGroupBuilder api)
    {
        var periods = api.MapGroup("/agreements/{id:int}/periods/{period}").WithTags("Monev").RequireAuthorization(Policies.ApiReadRegistry);
        foreach (var kind in Enum.GetValues<AssessmentKind>())
        {
            var slug = AssessmentCriteria.Slug(kind);
            var who = kind == AssessmentKind.Telaah ? "anggota TKKSD lokus OPD penanggung jawab" : "Admin Kerja Sama";
            periods.MapGet($"/{slug}", (AppDbContext db, RegionScope scope, TimeProvider clock, int id, string period, CancellationToken ct) =>
                ReadAsync(db, scope, clock, id, period, kind, ct)).WithSummary($"{AssessmentCriteria.Title(kind)}: versi terakhir dan semua versi");
            periods.MapPut($"/{slug}", (AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, HttpRequest request, int id, string period,
                    AssessmentBody body, CancellationToken ct) => SaveAsync(db, scope, user, clock, request, id, period, kind, body, false, ct))
                .WithSummary($"Simpan draf {AssessmentCriteria.Title(kind).ToLowerInvariant()} ({who})");
            periods.MapPost($"/{slug}/submit", (AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, HttpRequest request, int id,
                    string period, [FromBody] AssessmentBody? body, CancellationToken ct) => SaveAsync(db, scope, user, clock, request, id, period, kind, body, true, ct))
                .WithSummary($"Kirim {AssessmentCriteria.Title(kind).ToLowerInvariant()}; isi opsional (disimpan lalu dikirim)");
            periods.MapPost($"/{slug}/correct", (AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, int id, string period,
                    MonevApi.CorrectionBody body, CancellationToken ct) => CorrectAsync(db, scope, user, clock, id, period, kind, body, ct))
                .WithSummary("Mulai koreksi sebagai versi baru dengan alasan");
        }
        return api;
    }

    private static async Task<Results<Ok<SlotDto>, ValidationProblem, ProblemHttpResult>> ReadAsync(AppDbContext db, RegionScope scope, TimeProvider clock,
        int id, string period, AssessmentKind kind, CancellationToken ct)
    {
        var (slot, problem, invalid) = await OpenAsync(db, scope, clock, id, period, kind, null, ct);
        return slot is null ? problem is not null ? problem : invalid! : TypedResults.Ok(Dto(slot));
    }

    private static async Task<Results<Ok<SlotDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, HttpRequest request, int id, string period, AssessmentKind kind, AssessmentBody? body, bool submit, CancellationToken ct)
    {
        var (slot, problem, invalid) = await OpenAsync(db, scope, clock, id, period, kind, user, ct);
        if (slot is null)
            return problem is not null ? problem : invalid!;
        if (slot.Draft is { } draft && ApiResults.IfMatchProblem(request, draft.Version, "Isian", required: false) is { } stale)
            return stale;
        var problems = await Assessments.SaveAsync(db, slot, body?.ToDraft(), submit, null, Actor.Of(user), ct);
        return problems.Count == 0 ? TypedResults.Ok(Dto(slot)) : Refused(problems);
    }

    private static async Task<Results<Ok<SlotDto>, ValidationProblem, ProblemHttpResult>> CorrectAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, int id, string period, AssessmentKind kind, MonevApi.CorrectionBody body, CancellationToken ct)
    {
        var (slot, problem, invalid) = await OpenAsync(db, scope, clock, id, period, kind, user, ct);
        if (slot is null)
            return problem is not null ? problem : invalid!;
        var problems = await Assessments.CorrectAsync(db, slot, body.Reason, Actor.Of(user), ct);
        return problems.Count == 0 ? TypedResults.Ok(Dto(slot)) : Refused(problems);
    }

    private static async Task<(Assessments.Slot? Slot, ProblemHttpResult? Problem, ValidationProblem? Invalid)> OpenAsync(AppDbContext db, RegionScope scope,
        TimeProvider clock, int id, string period, AssessmentKind kind, ClaimsPrincipal? filer, CancellationToken ct)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct) || await MonevAgreement.LoadAsync(db, id, ct) is not { } agreement)
            return (null, ApiResults.NotFound("Kerja sama"), null);
        if (filer is not null && await MonevAccess.AssessmentRefusalAsync(db, filer, scope, agreement, kind, ct) is { } refusal)
            return (null, ApiResults.Forbidden(refusal), null);
        var (slot, problems) = await Assessments.OpenAsync(db, agreement, period, MonevAccess.ReportRegion(scope, agreement), kind,
            RegionClock.Today(clock, agreement.RegionCode), ct);
        return slot is null ? (null, null, ApiResults.Invalid(MonevApi.JsonNames(problems))) : (slot, null, null);
    }

    /// <summary>Field problems are 400; not yet its turn, or submitted meanwhile, is 409.</summary>
    private static Results<Ok<SlotDto>, ValidationProblem, ProblemHttpResult> Refused(Dictionary<string, string[]> problems) =>
        problems.Keys.All(k => k.Length == 0)
            ? TypedResults.Problem(title: "Belum dapat diisi atau sudah berubah", detail: string.Join(" ", problems[""]), statusCode: StatusCodes.Status409Conflict)
            : ApiResults.Invalid(MonevApi.JsonNames(problems));

    private static SlotDto Dto(Assessments.Slot slot) => new(AssessmentCriteria.Slug(slot.Kind), slot.Period.Code, slot.Period.Label, slot.TurnProblem,
        slot.Criteria, slot.Latest is { } latest ? Dto(latest) : null, slot.Revisions.Select(Dto).ToList());

    private static AssessmentDto Dto(Assessment a) => new(a.Id, a.Revision, a.State == ReportState.Dikirim ? "dikirim" : "draf", a.PeriodCode,
        a.CorrectionReason, a.Answers, AssessmentCriteria.Of(a), a.Findings, a.Recommendation, a.Rating, a.CreatedByName, a.SubmittedAt, a.SubmittedByName, a.Version);
}
