using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Budget;

/// <summary>Budget lines of an agreement for programs, with the same checks as the page (<see cref="BudgetLineDraft"/>).</summary>
public static class BudgetApi
{
    public sealed record LineInputDto(int? FiscalYear, BudgetSource? Source, int? OpdId, string? ProgramCode, string? KegiatanCode, string? SubKegiatanCode,
        PlanningDocument? Document, string? DocumentNumber, decimal? Planned, decimal? Realised, string? RealisationNote,
        RealisationBreakdown? Breakdown, List<decimal?>? Parts)
    {
        public BudgetLineDraft ToDraft() => new BudgetLineDraft
        {
            FiscalYear = FiscalYear, Source = Source, OpdId = OpdId, ProgramCode = ProgramCode, KegiatanCode = KegiatanCode, SubKegiatanCode = SubKegiatanCode,
            Document = Document, DocumentNumber = DocumentNumber, Planned = Planned, Realised = Realised, RealisationNote = RealisationNote,
            Breakdown = Breakdown ?? RealisationBreakdown.None, Parts = Parts ?? [],
        }.Normalized();
    }

    public sealed record LineDto(int Id, int AgreementId, int FiscalYear, BudgetSource Source, string? Opd, string? ProgramCode, string? KegiatanCode,
        string? SubKegiatanCode, PlanningDocument? Document, string? DocumentNumber, decimal Planned, decimal? Realised, string? RealisationNote,
        RealisationBreakdown Breakdown, IReadOnlyList<decimal?> Parts, int Version);

    public sealed record YearDto(int Year, decimal Planned, decimal Realised);

    public sealed record AgreementBudgetDto(int AgreementId, IReadOnlyList<YearDto> Years, IReadOnlyList<LineDto> Lines);

    public static RouteGroupBuilder MapBudgetApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Anggaran").RequireAuthorization(Policies.ApiReadRegistry);
        group.MapGet("/agreements/{id:int}/budget-lines", ListAsync).WithSummary("Baris anggaran kerja sama dan rencana/realisasi per tahun");
        group.MapPost("/agreements/{id:int}/budget-lines", AddAsync).WithSummary("Tambah baris anggaran (Admin Kerja Sama; Operator OPD untuk kerja sama OPD-nya)");
        group.MapPut("/budget-lines/{id:int}", UpdateAsync).WithName("BudgetLine").WithSummary("Ubah baris anggaran; wajib If-Match");
        group.MapDelete("/budget-lines/{id:int}", DeleteAsync).WithSummary("Hapus baris anggaran; wajib If-Match");
        return api;
    }

    private static async Task<Results<Ok<AgreementBudgetDto>, ProblemHttpResult>> ListAsync(AppDbContext db, RegionScope scope, int id, CancellationToken ct)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct))
            return ApiResults.NotFound("Kerja sama");
        return TypedResults.Ok(await LoadAsync(db, id, ct));
    }

    private static async Task<Results<Created<LineDto>, ValidationProblem, ProblemHttpResult>> AddAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, HttpContext http, int id, LineInputDto input, CancellationToken ct)
    {
        if (await BudgetLines.OwnAgreementAsync(db, scope, id, ct) is not { } agreement)
            return ApiResults.NotFound("Kerja sama");
        if (!BudgetLines.CanEdit(user, scope, agreement))
            return ApiResults.Forbidden("Anda hanya dapat mencatat anggaran kerja sama OPD Anda sendiri.");
        var draft = input.ToDraft();
        var problems = await draft.ProblemsAsync(db, agreement, AgreementChanges.Recorder.Of(user, scope), ct);
        if (problems.Count > 0)
            return ApiResults.Invalid(ApiResults.CamelCase(problems));
        var line = await BudgetLines.AddAsync(db, agreement, draft, Actor.Of(user), ct);
        var dto = (await LoadAsync(db, id, ct)).Lines.Single(l => l.Id == line.Id);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Created($"/api/v1/budget-lines/{line.Id}", dto);
    }

    private static async Task<Results<Ok<LineDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, HttpContext http, int id, LineInputDto input, CancellationToken ct)
    {
        var (line, refusal) = await LoadForChangeAsync(db, scope, user, http, id, ct);
        if (refusal is not null)
            return refusal;
        var draft = input.ToDraft();
        var problems = await draft.ProblemsAsync(db, line.Agreement!, AgreementChanges.Recorder.Of(user, scope), ct);
        if (problems.Count > 0)
            return ApiResults.Invalid(ApiResults.CamelCase(problems));
        try
        {
            await BudgetLines.ChangeAsync(db, line, draft, Actor.Of(user), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.PreconditionFailed("Baris anggaran");
        }
        var dto = (await LoadAsync(db, line.AgreementId, ct)).Lines.Single(l => l.Id == id);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, HttpContext http, int id, CancellationToken ct)
    {
        var (line, refusal) = await LoadForChangeAsync(db, scope, user, http, id, ct);
        if (refusal is not null)
            return refusal;
        try
        {
            await BudgetLines.DeleteAsync(db, line, Actor.Of(user), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.PreconditionFailed("Baris anggaran");
        }
        return TypedResults.NoContent();
    }

    /// <summary>404 outside the caller's region, 403 for another OPD's agreement, 428/412 without the line's current ETag.</summary>
    private static async Task<(BudgetLine Line, ProblemHttpResult? Refusal)> LoadForChangeAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, HttpContext http, int id, CancellationToken ct)
    {
        if (await BudgetLines.OwnLineAsync(db, scope, id, ct) is not { } line)
            return (null!, ApiResults.NotFound("Baris anggaran"));
        if (!BudgetLines.CanEdit(user, scope, line.Agreement!))
            return (line, ApiResults.Forbidden("Anda hanya dapat mengubah anggaran kerja sama OPD Anda sendiri."));
        return (line, ApiResults.IfMatchProblem(http.Request, line.Version, "Baris anggaran"));
    }

    private static async Task<AgreementBudgetDto> LoadAsync(AppDbContext db, int agreementId, CancellationToken ct)
    {
        var (lines, years) = await BudgetLines.ForAgreementAsync(db, agreementId, ct);
        return new AgreementBudgetDto(agreementId, years.Select(y => new YearDto(y.Year, y.Planned, y.Realised)).ToList(),
            lines.Select(l => new LineDto(l.Id, agreementId, l.FiscalYear, l.Source, l.Opd, l.ProgramCode, l.KegiatanCode, l.SubKegiatanCode,
                l.Document, l.DocumentNumber, l.Planned, l.Realised, l.RealisationNote, l.Breakdown, l.Parts, l.Version)).ToList());
    }
}
