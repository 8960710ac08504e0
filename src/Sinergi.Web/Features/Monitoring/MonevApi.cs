using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Microsoft.Extensions.Options;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// Monitoring for programs: an agreement's evaluation periods and the OPD's laporan pelaksanaan of
/// each (draft, submit, correct), through the same rules as the pages.
/// </summary>
public static class MonevApi
{
    public sealed record ImplementationState(string State, int? Revision, DateTime? SubmittedAt, string? SubmittedBy);

    public sealed record PeriodDto(string Code, string Label, DateOnly Start, DateOnly End, DateOnly DueOn, bool Final, bool Overdue,
        ImplementationState Implementation);

    public sealed record ActivityDto(DateOnly? Date, string? Description, string? Place, string? Participants);

    /// <summary>What a program writes; the same shape as a report's answers when read.</summary>
    public sealed record ReportBody(string? Outputs, int? ProgressPercent, string? Realisation, string? UseOfResults, string? Obstacles,
        string? Sustainability, List<ActivityDto>? Activities)
    {
        public ReportDraft ToDraft() => new()
        {
            Outputs = Outputs, ProgressPercent = ProgressPercent, Realisation = Realisation, UseOfResults = UseOfResults, Obstacles = Obstacles,
            Sustainability = Sustainability, Activities = (Activities ?? []).Select(a => new ActivityDraft(a.Date, a.Description, a.Place, a.Participants)).ToList(),
        };
    }

    public sealed record CorrectionBody(string? Reason);

    public sealed record ReportDto(int Id, int Revision, string State, string Period, string? CorrectionReason, string? Outputs, int? ProgressPercent,
        string? Realisation, string? UseOfResults, string? Obstacles, string? Sustainability, List<ActivityDto> Activities, List<string> Evidence,
        string CreatedBy, DateTime? SubmittedAt, string? SubmittedBy, int Version);

    /// <summary>The period's report: the latest revision, and every revision oldest first.</summary>
    public sealed record ImplementationDto(string Period, string Label, DateOnly DueOn, ReportDto? Current, List<ReportDto> Revisions);

    public static RouteGroupBuilder MapMonevApi(this RouteGroupBuilder api)
    {
        var periods = api.MapGroup("/agreements/{id:int}/periods").WithTags("Monev").RequireAuthorization(Policies.ApiReadRegistry);
        periods.MapGet("/", PeriodsAsync).WithSummary("Periode evaluasi kerja sama, terbaru lebih dulu, dengan keadaan laporan pelaksanaannya");
        periods.MapGet("/{period}/implementation", ReadAsync).WithSummary("Laporan pelaksanaan satu periode: versi terakhir dan semua versi");
        periods.MapPut("/{period}/implementation", SaveAsync).WithSummary("Simpan draf laporan pelaksanaan (OPD penanggung jawab); If-Match opsional");
        periods.MapPost("/{period}/implementation/submit", SubmitAsync)
            .WithSummary("Kirim laporan pelaksanaan; isi opsional (disimpan lalu dikirim), tanpa isi mengirim draf yang ada");
        periods.MapPost("/{period}/implementation/correct", CorrectAsync).WithSummary("Mulai koreksi laporan terkirim sebagai versi baru dengan alasan");
        periods.MapGet("/{period}/implementation/evidence", EvidenceAsync).WithSummary("Berkas bukti pada versi terakhir laporan pelaksanaan");
        periods.MapPost("/{period}/implementation/evidence", UploadEvidenceAsync).DisableAntiforgery()
            .WithSummary("Lampirkan berkas bukti (multipart, kolom file) pada draf laporan; jenis diperiksa dari isinya dan disimpan di dokumen kerja sama");
        periods.MapDelete("/{period}/implementation/evidence", RemoveEvidenceAsync)
            .WithSummary("Lepaskan berkas bukti (versionId=) dari draf laporan; berkasnya tetap di dokumen kerja sama");
        api.MapAssessmentsApi();
        api.MapIndicatorsApi();
        api.MapObstaclesApi();
        api.MapImpactApi();
        api.MapCriteriaApi();
        return api;
    }

    private static async Task<Results<Ok<List<PeriodDto>>, ProblemHttpResult>> PeriodsAsync(AppDbContext db, RegionScope scope, TimeProvider clock, int id,
        CancellationToken ct)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct) || await MonevAgreement.LoadAsync(db, id, ct) is not { } agreement)
            return ApiResults.NotFound("Kerja sama");
        var rows = await MonevQueries.PeriodsAsync(db, agreement, MonevAccess.ReportRegion(scope, agreement), RegionClock.Today(clock, agreement.RegionCode), ct);
        return TypedResults.Ok(rows.Select(r => new PeriodDto(r.Period.Code, r.Period.Label, r.Period.Start, r.Period.End, r.Period.DueOn, r.Period.IsFinal,
            r.Overdue, new ImplementationState(IndexModel.Slug(r.State), r.Revision, r.SubmittedAt, r.SubmittedBy))).ToList());
    }

    private static async Task<Results<Ok<ImplementationDto>, ValidationProblem, ProblemHttpResult>> ReadAsync(
        AppDbContext db, RegionScope scope, TimeProvider clock, int id, string period, CancellationToken ct)
    {
        var (slot, failure) = await OpenAsync(db, scope, clock, id, period, ct);
        if (slot is null)
            return failure!.Value.Problem is { } missing ? missing : failure.Value.Invalid!;
        return TypedResults.Ok(Dto(slot));
    }

    private static async Task<Results<Ok<ImplementationDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, HttpRequest request, int id, string period, ReportBody body, CancellationToken ct)
    {
        var (slot, failure) = await OpenAsync(db, scope, clock, id, period, ct, user);
        if (slot is null)
            return failure!.Value.Problem is { } missing ? missing : failure.Value.Invalid!;
        if (slot.Draft is { } draft && ApiResults.IfMatchProblem(request, draft.Version, "Laporan", required: false) is { } stale)
            return stale;
        var problems = await ImplementationReports.SaveDraftAsync(db, slot, body.ToDraft(), scope.OpdId, null, Actor.Of(user), ct);
        return problems.Count > 0 ? Refused(problems) : TypedResults.Ok(Dto(slot));
    }

    private static async Task<Results<Ok<ImplementationDto>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, HttpRequest request, int id, string period,
        [FromBody] ReportBody? body, CancellationToken ct)
    {
        var (slot, failure) = await OpenAsync(db, scope, clock, id, period, ct, user);
        if (slot is null)
            return failure!.Value.Problem is { } missing ? missing : failure.Value.Invalid!;
        if (slot.Draft is { } draft && ApiResults.IfMatchProblem(request, draft.Version, "Laporan", required: false) is { } stale)
            return stale;
        var problems = await ImplementationReports.SubmitAsync(db, slot, body?.ToDraft(), scope.OpdId, null, Actor.Of(user), ct);
        return problems.Count > 0 ? Refused(problems) : TypedResults.Ok(Dto(slot));
    }

    private static async Task<Results<Created<ImplementationDto>, ValidationProblem, ProblemHttpResult>> CorrectAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, int id, string period, CorrectionBody body, CancellationToken ct)
    {
        var (slot, failure) = await OpenAsync(db, scope, clock, id, period, ct, user);
        if (slot is null)
            return failure!.Value.Problem is { } missing ? missing : failure.Value.Invalid!;
        var problems = await ImplementationReports.CorrectAsync(db, slot, body.Reason, scope.OpdId, Actor.Of(user), ct);
        if (problems.Count > 0)
            return problems.Keys.All(k => k.Length == 0) ? Conflict(problems) : ApiResults.Invalid(JsonNames(problems));
        return TypedResults.Created($"/api/v1/agreements/{id}/periods/{slot.Period.Code}/implementation", Dto(slot));
    }

    public sealed record EvidenceDto(int DocumentVersionId, string FileName, long Size, string Sha256, string Url);

    private static List<EvidenceDto> Evidence(ImplementationReports.Slot slot) => (slot.Latest?.Evidence ?? []).Where(e => e.DocumentVersion is not null)
        .Select(e => new EvidenceDto(e.DocumentVersionId, e.DocumentVersion!.FileName, e.DocumentVersion.Size, e.DocumentVersion.Sha256,
            $"/api/v1/documents/{e.DocumentVersionId}"))
        .ToList();

    private static async Task<Results<Ok<List<EvidenceDto>>, ValidationProblem, ProblemHttpResult>> EvidenceAsync(
        AppDbContext db, RegionScope scope, TimeProvider clock, int id, string period, CancellationToken ct)
    {
        var (slot, failure) = await OpenAsync(db, scope, clock, id, period, ct);
        if (slot is null)
            return failure!.Value.Problem is { } missing ? missing : failure.Value.Invalid!;
        return TypedResults.Ok(Evidence(slot));
    }

    private static async Task<Results<Created<List<EvidenceDto>>, ValidationProblem, ProblemHttpResult>> UploadEvidenceAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, FileStore files, DocumentTexts texts, IOptions<UploadOptions> uploads,
        int id, string period, IFormFile? file, CancellationToken ct)
    {
        var (slot, failure) = await OpenAsync(db, scope, clock, id, period, ct, user);
        if (slot is null)
            return failure!.Value.Problem is { } missing ? missing : failure.Value.Invalid!;
        await using var content = file?.OpenReadStream();
        var (problems, _) = await ImplementationReports.UploadEvidenceAsync(db, files, texts, uploads.Value.MaxBytes, slot, file?.FileName, content,
            scope.OpdId, Actor.Of(user), ct);
        if (problems.Count > 0)
            return problems.Keys.All(k => k.Length == 0) ? Conflict(problems)
                : ApiResults.Invalid(problems.ToDictionary(p => p.Key == ImplementationReports.EvidenceField ? "file" : p.Key, p => p.Value));
        var (reloaded, _) = await OpenAsync(db, scope, clock, id, period, ct);
        return TypedResults.Created($"/api/v1/agreements/{id}/periods/{slot.Period.Code}/implementation/evidence", Evidence(reloaded!));
    }

    private static async Task<Results<Ok<List<EvidenceDto>>, ValidationProblem, ProblemHttpResult>> RemoveEvidenceAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, int id, string period, int? versionId, CancellationToken ct)
    {
        var (slot, failure) = await OpenAsync(db, scope, clock, id, period, ct, user);
        if (slot is null)
            return failure!.Value.Problem is { } missing ? missing : failure.Value.Invalid!;
        if (versionId is not int version)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["versionId"] = ["Sebutkan versionId berkas bukti yang akan dilepas."] });
        var problems = await ImplementationReports.RemoveEvidenceAsync(db, slot, version, ct);
        if (problems.Count > 0)
            return problems.Keys.All(k => k.Length == 0) ? Conflict(problems) : ApiResults.NotFound("Berkas bukti pada draf laporan");
        return TypedResults.Ok(Evidence(slot));
    }

    /// <summary>The slot, or why not: 404 when the agreement cannot be read, 400 for a period it was not in force, 403 for a caller who does not file it.</summary>
    private static async Task<(ImplementationReports.Slot? Slot, (ProblemHttpResult? Problem, ValidationProblem? Invalid)? Failure)> OpenAsync(
        AppDbContext db, RegionScope scope, TimeProvider clock, int id, string period, CancellationToken ct, ClaimsPrincipal? filer = null)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct) || await MonevAgreement.LoadAsync(db, id, ct) is not { } agreement)
            return (null, (ApiResults.NotFound("Kerja sama"), null));
        if (filer is not null && MonevAccess.ImplementationRefusal(filer, scope, agreement) is { } refusal)
            return (null, (ApiResults.Forbidden(refusal), null));
        var (slot, problems) = await ImplementationReports.OpenAsync(db, agreement, period, MonevAccess.ReportRegion(scope, agreement),
            RegionClock.Today(clock, agreement.RegionCode), ct);
        return slot is null ? (null, (null, ApiResults.Invalid(JsonNames(problems)))) : (slot, null);
    }

    /// <summary>Field problems are 400 with the JSON names; a report someone else changed or submitted meanwhile is 409.</summary>
    private static Results<Ok<ImplementationDto>, ValidationProblem, ProblemHttpResult> Refused(Dictionary<string, string[]> problems)
    {
        if (problems.Keys.All(k => k.Length == 0))
            return Conflict(problems);
        return ApiResults.Invalid(JsonNames(problems));
    }

    private static ProblemHttpResult Conflict(Dictionary<string, string[]> problems) =>
        TypedResults.Problem(title: "Laporan sudah berubah", detail: string.Join(" ", problems[""]), statusCode: StatusCodes.Status409Conflict);

    /// <summary><c>Activities[0].Date</c> → <c>activities[0].date</c>; the whole-report problem under <c>report</c>.</summary>
    internal static Dictionary<string, string[]> JsonNames(Dictionary<string, string[]> problems) =>
        problems.ToDictionary(p => p.Key.Length == 0 ? "report" : string.Join('.', p.Key.Split('.').Select(s => char.ToLowerInvariant(s[0]) + s[1..])), p => p.Value);

    private static ImplementationDto Dto(ImplementationReports.Slot slot) =>
        new(slot.Period.Code, slot.Period.Label, slot.Period.DueOn, slot.Latest is { } latest ? Dto(latest) : null, slot.Revisions.Select(Dto).ToList());

    private static ReportDto Dto(ImplementationReport r) =>
        new(r.Id, r.Revision, r.State == ReportState.Dikirim ? "dikirim" : "draf", r.PeriodCode, r.CorrectionReason, r.Outputs, r.ProgressPercent,
            r.Realisation, r.UseOfResults, r.Obstacles, r.Sustainability,
            r.Activities.OrderBy(a => a.Date).ThenBy(a => a.Id).Select(a => new ActivityDto(a.Date, a.Description, a.Place, a.Participants)).ToList(),
            r.Evidence.Select(e => $"/api/v1/documents/{e.DocumentVersionId}").ToList(), r.CreatedByName, r.SubmittedAt, r.SubmittedByName, r.Version);
}
