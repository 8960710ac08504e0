using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Accounts;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Partners;

/// <summary>The region's partner directory: read by all, kept by admins and operators, merged by admins.</summary>
public static class PartnersApi
{
    public sealed record PartnerDto(int Id, string RegionCode, PartnerType Type, string Name, string? LinkedRegionCode, string? Address, string? Country,
        string? ContactName, string? ContactPhone, string? ContactEmail, double? Latitude, double? Longitude, int Agreements, int Version);

    public sealed record PartnerInput(PartnerType? Type, string? Name, string? LinkedRegionCode, string? Address, string? Country,
        string? ContactName, string? ContactPhone, string? ContactEmail, double? Latitude, double? Longitude)
    {
        public PartnerDraft ToDraft() => new PartnerDraft
        {
            Type = Type, Name = Name, LinkedRegionCode = LinkedRegionCode, Address = Address, Country = Country,
            ContactName = ContactName, ContactPhone = ContactPhone, ContactEmail = ContactEmail, Latitude = Latitude, Longitude = Longitude,
        }.Normalized();
    }

    /// <summary><c>replace</c>: which of the removed entry's details replace the kept entry's (<c>address</c>, <c>contact</c>, <c>location</c>); empty ones are always filled.</summary>
    public sealed record MergeInput(int? KeepId, IReadOnlyList<string>? Replace = null);

    public sealed record MergeResult(int KeptId, int AgreementsMoved);

    public static RouteGroupBuilder MapPartnersApi(this RouteGroupBuilder api)
    {
        var partners = api.MapGroup("/partners").WithTags("Mitra").RequireAuthorization(Policies.ApiReadRegistry);
        partners.MapGet("/", ListAsync).WithSummary("Direktori mitra daerah Anda");
        partners.MapGet("/{id:int}", GetAsync).WithName("GetPartner").WithSummary("Satu mitra");
        partners.MapPost("/", CreateAsync).WithSummary("Tambah mitra; nama ganda dalam jenis yang sama ditolak");
        partners.MapPut("/{id:int}", UpdateAsync)
            .WithSummary("Ubah mitra; If-Match (ETag atau *) dianjurkan. Jenis, nama dan pemerintah daerah hanya oleh yang dapat mengubah semua kerja sama mitra itu (403)")
            .WithDescription("Bentuk isinya sama dengan jawaban GET /partners/{id}; isi GET yang dikirim kembali tanpa perubahan tidak mengubah apa pun. "
                + "id, regionCode, agreements dan version diabaikan.");
        partners.MapDelete("/{id:int}", DeleteAsync).WithSummary("Hapus mitra yang tidak menjadi pihak kerja sama mana pun");
        partners.MapPost("/{id:int}/merge", MergeAsync).WithSummary("Gabungkan mitra ganda ke mitra lain tanpa kehilangan kerja samanya");
        return api;
    }

    private static async Task<Results<Ok<Paged<PartnerDto>>, ValidationProblem>> ListAsync(
        AppDbContext db, string? q, string? type, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var problems = ApiResults.PagingProblems(page, pageSize);
        PartnerType? wanted = null;
        if (!string.IsNullOrWhiteSpace(type) && (wanted = Partner.TypeFromSlug(type)) is null)
            problems["type"] = [$"type harus salah satu dari: {string.Join(", ", Enum.GetValues<PartnerType>().Select(Partner.Slug))}."];
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);
        var query = db.Partners.AsNoTracking();
        if (wanted is not null)
            query = query.Where(p => p.Type == wanted);
        query = Partner.Matching(query, q);
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderBy(p => p.Name).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return TypedResults.Ok(new Paged<PartnerDto>(items, total, page, pageSize));
    }

    private static async Task<Results<Ok<PartnerDto>, ProblemHttpResult>> GetAsync(AppDbContext db, HttpContext http, int id, CancellationToken ct)
    {
        var partner = await Project(db.Partners.AsNoTracking().Where(p => p.Id == id)).SingleOrDefaultAsync(ct);
        if (partner is null)
            return ApiResults.NotFound("Mitra");
        http.Response.Headers.ETag = ApiResults.ETag(partner.Version);
        return TypedResults.Ok(partner);
    }

    private static async Task<Results<CreatedAtRoute<PartnerDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, PartnerInput input, CancellationToken ct)
    {
        if (!PartnerAccess.CanEdit(user, scope))
            return ApiResults.Forbidden("Hanya Admin Kerja Sama dan Operator OPD yang dapat menambah mitra.");
        var draft = input.ToDraft();
        var problems = await draft.ProblemsAsync(db, scope.RegionCode!, null, ct);
        if (problems.Count > 0)
            return ApiResults.Invalid(ApiResults.CamelCase(problems));
        var partner = new Partner { RegionCode = scope.RegionCode!, Name = "", NormalizedName = "" };
        await draft.ApplyToAsync(db, partner, ct);
        db.Partners.Add(partner);
        await PartnerDirectory.SaveAsync(db, partner, Actor.Of(user), ct);
        var dto = await Project(db.Partners.AsNoTracking().Where(p => p.Id == partner.Id)).SingleAsync(ct);
        return TypedResults.CreatedAtRoute(dto, "GetPartner", new { id = dto.Id });
    }

    private static async Task<Results<Ok<PartnerDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, HttpContext http, int id, PartnerInput input, CancellationToken ct)
    {
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (partner is null)
            return ApiResults.NotFound("Mitra");
        if (!PartnerAccess.CanEdit(user, scope))
            return ApiResults.Forbidden("Hanya Admin Kerja Sama dan Operator OPD yang dapat mengubah mitra.");
        if (ApiResults.IfMatchProblem(http.Request, partner.Version, "Mitra", required: false) is { } precondition)
            return precondition;
        var draft = input.ToDraft();
        if (await PartnerIdentity.RefusalsAsync(db, user, scope, partner, draft, ct) is { Count: > 0 } refusals)
            return ApiResults.Forbidden("Jenis, nama dan pemerintah daerah mitra ini hanya dapat diubah oleh Admin Kerja Sama; alamat, negara, narahubung dan lokasi tetap dapat Anda ubah.",
                ApiResults.CamelCase(refusals));
        var problems = await draft.ProblemsAsync(db, partner.RegionCode, id, ct);
        if (problems.Count > 0)
            return ApiResults.Invalid(ApiResults.CamelCase(problems));
        await draft.ApplyToAsync(db, partner, ct);
        try
        {
            await PartnerDirectory.SaveAsync(db, partner, Actor.Of(user), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.PreconditionFailed("Mitra");
        }
        var dto = await Project(db.Partners.AsNoTracking().Where(p => p.Id == id)).SingleAsync(ct);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (!await db.Partners.AnyAsync(p => p.Id == id, ct))
            return ApiResults.NotFound("Mitra");
        if (!PartnerAccess.CanManage(user, scope))
            return ApiResults.Forbidden("Hanya Admin Kerja Sama yang dapat menghapus mitra.");
        var blockers = await PartnerDirectory.BlockersAsync(db, id, ct);
        if (blockers.Count > 0)
            return ApiResults.Conflict("Mitra masih menjadi pihak kerja sama",
                $"Mitra ini tidak dapat dihapus karena masih menjadi pihak dalam: {string.Join("; ", blockers)}. Gabungkan bila mitra ini ganda.", blockers);
        await db.Partners.Where(p => p.Id == id).ExecuteDeleteAsync(ct);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<MergeResult>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, MergeInput input, CancellationToken ct)
    {
        var duplicate = await db.Partners.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (duplicate is null)
            return ApiResults.NotFound("Mitra");
        if (!PartnerAccess.CanManage(user, scope))
            return ApiResults.Forbidden("Hanya Admin Kerja Sama yang dapat menggabungkan mitra.");
        var keep = input.KeepId is int keepId && keepId != id ? await db.Partners.SingleOrDefaultAsync(p => p.Id == keepId, ct) : null;
        if (keep is null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["keepId"] = ["Sebutkan mitra lain di direktori daerah Anda yang akan dipertahankan."] });
        var replace = PartnerDetails.None;
        foreach (var part in input.Replace ?? [])
        {
            replace |= part.Trim().ToLowerInvariant() switch
            {
                "address" => PartnerDetails.Address,
                "contact" => PartnerDetails.Contact,
                "location" => PartnerDetails.Location,
                _ => PartnerDetails.None,
            };
        }
        if ((input.Replace ?? []).Any(p => p.Trim().ToLowerInvariant() is not ("address" or "contact" or "location")))
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["replace"] = ["replace hanya boleh berisi address, contact dan location."] });
        var moved = await PartnerDirectory.MergeAsync(db, duplicate, keep, Actor.Of(user), replace, ct);
        return TypedResults.Ok(new MergeResult(keep.Id, moved));
    }

    private static IQueryable<PartnerDto> Project(IQueryable<Partner> query) =>
        query.Select(p => new PartnerDto(p.Id, p.RegionCode, p.Type, p.Name, p.LinkedRegionCode, p.Address, p.Country,
            p.ContactName, p.ContactPhone, p.ContactEmail, p.Latitude, p.Longitude, p.Agreements.Count, p.Version));
}
