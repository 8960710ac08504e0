using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Accounts;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Agreements;

/// <summary>
/// The registry for programs: the same filters as the Kerja Sama page, and changes guarded by
/// ETag / If-Match so that two writers never silently overwrite each other.
/// </summary>
public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementsApi(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Kerja sama").RequireAuthorization(Policies.ApiReadRegistry);
        agreements.MapGet("/", ListAsync).WithSummary("Daftar kerja sama dengan filter yang sama dengan halaman Kerja Sama");
        agreements.MapGet("/{id:int}", GetAsync).WithName("GetAgreement")
            .WithSummary("Satu kerja sama lengkap; ETag untuk If-Match")
            .WithDescription("Isinya dapat dikirim kembali apa adanya dengan PUT: partnerIds (atau partners), urusan, opdIds, "
                + "durationMonths (seluruh jangka waktu dalam bulan) dan draft dibaca PUT dengan arti yang sama; status, dokumen dan version diabaikan.");
        agreements.MapPost("/", CreateAsync).WithSummary("Catat kerja sama (Admin Kerja Sama; Operator OPD untuk OPD-nya)")
            .WithDescription(BodyDescription);
        agreements.MapPut("/{id:int}", UpdateAsync).WithSummary("Ubah kerja sama; wajib If-Match berisi ETag terakhir (atau *)")
            .WithDescription(BodyDescription + " Isi GET yang dikirim kembali tanpa perubahan tidak mengubah apa pun (version tetap, riwayat tidak bertambah).");
        agreements.MapDelete("/{id:int}", DeleteAsync).WithSummary("Hapus catatan yang keliru (Admin Kerja Sama); wajib If-Match");
        agreements.MapPost("/{id:int}/terminate", TerminateAsync).WithSummary("Akhiri kerja sama sebelum waktunya; wajib If-Match");
        agreements.MapGet("/{id:int}/history", HistoryAsync).WithSummary("Riwayat perubahan, terbaru lebih dulu");
        ExportApi.Map(agreements);
        AgreementDocumentsApi.Map(api, agreements);
        return api;
    }

    private const string BodyDescription =
        "Bentuk isinya sama dengan jawaban GET /agreements/{id}. Mitra: partnerIds atau partners (objek dengan id); keduanya boleh bila sama. "
        + "Jangka waktu: endsOn, atau durationMonths saja (seluruhnya dalam bulan, mis. 30), atau durationYears dengan durationMonths (2 dan 6); "
        + "keduanya boleh bila cocok. draft: true untuk draf yang belum ditandatangani.";

    private static async Task<Results<Ok<AgreementListDto>, ValidationProblem>> ListAsync(
        AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache, string? q, string? status, string? kind, string? type, int? opd, int? partner,
        string? partnerType, string? urusan, int? year, string? region, string? sort, string? flag, string? dampak, string? perpanjangan,
        int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var problems = ApiResults.PagingProblems(page, pageSize);
        AgreementStatus? wantedStatus = null;
        var inForce = status?.Trim().ToLowerInvariant() == AgreementFilter.InForceSlug;
        if (!string.IsNullOrWhiteSpace(status) && !inForce && (wantedStatus = AgreementLabels.StatusFromSlug(status.Trim().ToLowerInvariant())) is null)
            problems["status"] = [$"status harus salah satu dari: {string.Join(", ", Enum.GetValues<AgreementStatus>().Select(AgreementLabels.Slug))}, {AgreementFilter.InForceSlug} (berlaku dan akan berakhir)."];
        AgreementKind? wantedKind = null;
        if (!string.IsNullOrWhiteSpace(kind) && (wantedKind = AgreementLabels.KindFromSlug(kind)) is null)
            problems["kind"] = ["kind harus salah satu dari: ksdd, ksdpk, sinergi, ksdpl, ksdll."];
        AgreementDocumentType? wantedType = null;
        if (!string.IsNullOrWhiteSpace(type) && (wantedType = AgreementLabels.DocumentTypeFromSlug(type)) is null)
            problems["type"] = ["type harus salah satu dari: kb, nk, pks, adendum, loi-mou."];
        PartnerType? wantedPartnerType = null;
        if (!string.IsNullOrWhiteSpace(partnerType) && (wantedPartnerType = Partner.TypeFromSlug(partnerType)) is null)
            problems["partnerType"] = [$"partnerType harus salah satu dari: {string.Join(", ", Enum.GetValues<PartnerType>().Select(Partner.Slug))}."];
        if (sort is not null && !AgreementFilter.Sorts.ContainsKey(sort))
            problems["sort"] = [$"sort harus salah satu dari: {string.Join(", ", AgreementFilter.Sorts.Keys)}."];
        if (year is int y && !AgreementDates.InRange(y))
            problems["year"] = [$"year harus tahun {AgreementDates.Earliest.Year} sampai {AgreementDates.Latest.Year}."];
        region = region?.Trim();
        if (region is not null && !Region.IsWellFormedCode(region))
            problems["region"] = [Region.CodeFormatProblem];
        else if (region is not null && !scope.Oversees(region))
            problems["region"] = ["Wilayah ini tidak berada dalam cakupan akun Anda."];
        var filter = new AgreementFilter
        {
            Q = q, Status = wantedStatus, InForce = inForce, Kind = wantedKind, DocumentType = wantedType, OpdId = opd, PartnerId = partner,
            PartnerType = wantedPartnerType, Urusan = urusan, Year = year, Sort = sort ?? "terbaru",
            Region = region == scope.RegionCode ? null : region,
        }.WithWords(flag, dampak, perpanjangan, problems);
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);
        var result = await AgreementSearchQuery.RunAsync(db, scope, clock, cache, filter, page, pageSize, ct);
        var items = result.Rows.Select(r => new AgreementSummaryDto(r.Id, r.RegionCode, r.Number, r.Title, r.Kind, r.DocumentType,
                r.SignedOn, r.StartsOn, r.EndsOn, AgreementLabels.Slug(r.StatusOn(result.Today, result.WindowDays)), r.Partners, r.Opds))
            .ToList();
        var counts = Enum.GetValues<AgreementStatus>().ToDictionary(AgreementLabels.Slug, s => result.CountsByStatus.GetValueOrDefault(s));
        return TypedResults.Ok(new AgreementListDto(items, result.Total, page, pageSize, counts));
    }

    private static async Task<Results<Ok<AgreementDto>, ProblemHttpResult>> GetAsync(
        AppDbContext db, RegionScope scope, TimeProvider clock, HttpContext http, int id, CancellationToken ct)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct))
            return ApiResults.NotFound("Kerja sama");
        var dto = await LoadDtoAsync(db, scope, clock, id, ct);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<CreatedAtRoute<AgreementDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, HttpContext http, AgreementInputDto input, CancellationToken ct)
    {
        if (!AgreementAccess.CanCreate(user, scope))
            return ApiResults.Forbidden("Hanya Admin Kerja Sama dan Operator OPD yang dapat mencatat kerja sama.");
        if (input.ShapeProblems() is { Count: > 0 } shape)
            return ApiResults.Invalid(shape);
        var recorder = AgreementChanges.Recorder.Of(user, scope);
        var draft = input.ToDraft();
        var (checkedNew, problems) = await AgreementChanges.CheckNewAsync(db, draft, input.ExtendsId, recorder, ct);
        if (checkedNew is null)
            return ApiResults.Invalid(FieldNames(problems));

        Agreement agreement;
        try
        {
            agreement = await AgreementChanges.CreateAsync(db, checkedNew, recorder, ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && draft.Number is not null)
        {
            if (!await AgreementChanges.NumberTakenMeanwhileAsync(db, draft, recorder.RegionCode, null))
                throw;
            return NumberTaken();
        }
        var dto = await LoadDtoAsync(db, scope, clock, agreement.Id, ct);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.CreatedAtRoute(dto, "GetAgreement", new { id = dto.Id });
    }

    private static async Task<Results<Ok<AgreementDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, HttpContext http, int id, AgreementInputDto input, CancellationToken ct)
    {
        var (agreement, refusal) = await LoadForChangeAsync(db, scope, user, http, id, "mengubah", ct);
        if (refusal is not null)
            return refusal;

        if (input.ShapeProblems() is { Count: > 0 } shape)
            return ApiResults.Invalid(shape);
        var recorder = AgreementChanges.Recorder.Of(user, scope);
        var draft = input.ToDraft();
        var problems = await AgreementChanges.ProblemsAsync(db, draft, recorder, id, ct);
        if (problems.Count > 0)
            return ApiResults.Invalid(FieldNames(problems));
        try
        {
            await AgreementChanges.ChangeAsync(db, agreement, draft, recorder.Actor, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.PreconditionFailed("Kerja sama");
        }
        catch (DbUpdateException) when (draft.Number is not null)
        {
            if (!await AgreementChanges.NumberTakenMeanwhileAsync(db, draft, recorder.RegionCode, id))
                throw;
            return NumberTaken();
        }
        var dto = await LoadDtoAsync(db, scope, clock, id, ct);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, HttpContext http, int id, CancellationToken ct)
    {
        var agreement = await LoadOwnAsync(db, scope, id, ct);
        if (agreement is null)
            return ApiResults.NotFound("Kerja sama");
        if (!AgreementAccess.CanDelete(user, scope, agreement.RegionCode))
            return ApiResults.Forbidden("Hanya Admin Kerja Sama yang dapat menghapus catatan kerja sama.");
        if (ApiResults.IfMatchProblem(http.Request, agreement.Version, "Kerja sama") is { } precondition)
            return precondition;
        var blockers = await AgreementRemoval.BlockersAsync(db, id, ct);
        if (blockers.Count > 0)
            return ApiResults.Conflict("Kerja sama masih menjadi induk atau diperpanjang",
                $"Catatan ini tidak dapat dihapus karena kerja sama lain bergantung padanya: {string.Join("; ", blockers)}.", blockers);
        try
        {
            await AgreementRemoval.DeleteAsync(db, agreement, Actor.Of(user), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed, ended or deleted by someone else since it was read.
            return ApiResults.PreconditionFailed("Kerja sama");
        }
        catch (DbUpdateException)
        {
            // A PKS, adendum or extension recorded under it a moment ago.
            db.ChangeTracker.Clear();
            blockers = await AgreementRemoval.BlockersAsync(db, id, CancellationToken.None);
            if (blockers.Count == 0)
                throw;
            return ApiResults.Conflict("Kerja sama masih menjadi induk atau diperpanjang",
                $"Catatan ini tidak dapat dihapus karena kerja sama lain bergantung padanya: {string.Join("; ", blockers)}.", blockers);
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AgreementDto>, ValidationProblem, ProblemHttpResult>> TerminateAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, HttpContext http, int id, TerminationDto input, CancellationToken ct)
    {
        var (agreement, refusal) = await LoadForChangeAsync(db, scope, user, http, id, "mengakhiri", ct);
        if (refusal is not null)
            return refusal;
        var problems = AgreementChanges.TerminationProblems(agreement, input.TerminatedOn, input.Reason);
        if (problems.Count > 0)
            return ApiResults.Invalid(FieldNames(problems));
        try
        {
            await AgreementChanges.TerminateAsync(db, agreement, input.TerminatedOn!.Value, input.Reason!, Actor.Of(user), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.PreconditionFailed("Kerja sama");
        }
        var dto = await LoadDtoAsync(db, scope, clock, id, ct);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<Ok<List<HistoryEntryDto>>, ProblemHttpResult>> HistoryAsync(AppDbContext db, RegionScope scope, int id, CancellationToken ct)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct))
            return ApiResults.NotFound("Kerja sama");
        var events = await AgreementHistory.ReadAsync(db, id, ct: ct);
        return TypedResults.Ok(events.Select(e => new HistoryEntryDto(e.At, e.Action, e.UserName, e.Changes)).ToList());
    }

    private static ValidationProblem NumberTaken() =>
        ApiResults.Invalid(new Dictionary<string, string[]> { ["number"] = [AgreementChanges.NumberTakenMeanwhile] });

    /// <summary>The rules' field names as the JSON body spells them.</summary>
    private static Dictionary<string, string[]> FieldNames(Dictionary<string, string[]> problems) =>
        ApiResults.CamelCase(problems.ToDictionary(p => p.Key == nameof(AgreementDraft.UrusanCodes) ? "Urusan" : p.Key, p => p.Value));

    /// <summary>
    /// The agreement a change is about, if the caller may make it: 404 outside their region, 403
    /// for another OPD's, 428/412 without the current ETag.
    /// </summary>
    private static async Task<(Agreement Agreement, ProblemHttpResult? Refusal)> LoadForChangeAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, HttpContext http, int id, string verb, CancellationToken ct)
    {
        var agreement = await LoadOwnAsync(db, scope, id, ct);
        if (agreement is null)
            return (null!, ApiResults.NotFound("Kerja sama"));
        if (!AgreementAccess.CanEdit(user, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)))
            return (agreement, ApiResults.Forbidden($"Anda hanya dapat {verb} kerja sama OPD Anda sendiri."));
        return (agreement, ApiResults.IfMatchProblem(http.Request, agreement.Version, "Kerja sama"));
    }

    private static Task<Agreement?> LoadOwnAsync(AppDbContext db, RegionScope scope, int id, CancellationToken ct) =>
        db.Agreements.WithLists()
            .SingleOrDefaultAsync(a => a.Id == id && a.RegionCode == scope.RegionCode, ct);

    private static async Task<AgreementDto> LoadDtoAsync(AppDbContext db, RegionScope scope, TimeProvider clock, int id, CancellationToken ct)
    {
        var a = await db.Agreements.IgnoreQueryFilters().AsNoTracking().AsSplitQuery()
            .Include(x => x.Urusan).Include(x => x.Opds).Include(x => x.Partners)
            .SingleAsync(x => x.Id == id, ct);
        a.Documents = await DocumentListing.OfAsync(db, id, ct);
        var readable = AgreementAccess.Readable(db, scope);
        var children = await readable.Where(x => x.ParentId == id).Select(x => x.Id).ToListAsync(ct);
        var extensions = await readable.Where(x => x.ExtendsId == id).Select(x => x.Id).ToListAsync(ct);
        var status = AgreementStatusRules.StatusOf(a, RegionClock.Today(clock, a.RegionCode), await RegionSettings.ExpiringWindowAsync(db, a.RegionCode, ct));
        return new AgreementDto(a.Id, a.RegionCode, a.Kind, a.DocumentType, a.Number, a.PartnerNumber, a.Title, a.Scope,
            a.Urusan.Select(u => u.Code).Order(StringComparer.Ordinal).ToList(),
            a.Urusan.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new OpdsApi.UrusanDto(u.Code, u.Name)).ToList(),
            a.Opds.Select(o => o.Id).Order().ToList(), a.Opds.Select(o => o.ShortName).Order().ToList(),
            a.Partners.Select(p => p.Id).Order().ToList(),
            a.Partners.OrderBy(p => p.Name).Select(p => new PartyDto(p.Id, p.Name, p.Type, p.LinkedRegionCode)).ToList(),
            a.SignedOn, a.StartsOn, a.EndsOn, a.DurationMonths, a.Value, a.Funding,
            a.DprdApprovalRequired, a.DprdApprovedOn, a.DprdApprovalNumber,
            a.ParentId, children, a.ExtendsId, extensions,
            a.Lifecycle == AgreementLifecycle.Draf, a.Lifecycle, AgreementLabels.Slug(status), a.TerminatedOn, a.TerminationReason,
            a.Documents.OrderBy(d => d.Title).Select(d => new DocumentDto(d.Id, d.Title,
                d.Versions.OrderByDescending(v => v.Number).Select(AgreementDocumentsApi.ToDto).ToList())).ToList(),
            a.Version, a.CreatedAt, a.UpdatedAt);
    }
}
