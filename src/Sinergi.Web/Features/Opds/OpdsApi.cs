using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Opds;

/// <summary>
/// OPDs of the caller's region. Everyone reads; the region's Admin Kerja Sama writes. Overseers
/// may read the OPDs of the regions they oversee with <c>?region=</c>.
/// </summary>
public static class OpdsApi
{
    public sealed record UrusanDto(string Code, string Name);

    public sealed record OpdDto(int Id, string RegionCode, string Name, string ShortName, string? HeadName, string? HeadNip,
        IReadOnlyList<UrusanDto> Urusan, int Version, DateTime UpdatedAt);

    /// <summary>What a program sends to add or change an OPD: the shape GET answers, so its body can be sent back as it is.</summary>
    /// <param name="Urusan">Urusan pemerintahan: kode, mis. <c>["1.02"]</c>, atau objek seperti pada GET (<c>[{"code": "1.02", ...}]</c>).</param>
    public sealed record OpdInput(string? Name, string? ShortName, string? HeadName, string? HeadNip, IReadOnlyList<UrusanRef>? Urusan)
    {
        public OpdDraft ToDraft() => new OpdDraft(Name, ShortName, HeadName, HeadNip, Urusan?.Select(u => u.Code).ToList()).Normalized();
    }

    /// <summary>An urusan named in a body: its code as text (<c>"1.02"</c>), or the object GET writes (<c>{"code": "1.02", "name": ...}</c>).</summary>
    [JsonConverter(typeof(UrusanRefConverter))]
    public readonly record struct UrusanRef(string Code);

    private sealed class UrusanRefConverter : JsonConverter<UrusanRef>
    {
        public override UrusanRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
                return new UrusanRef(reader.GetString()!);
            using var element = JsonDocument.ParseValue(ref reader);
            var code = element.RootElement.ValueKind == JsonValueKind.Object
                ? element.RootElement.EnumerateObject().FirstOrDefault(p => p.Name.Equals("code", StringComparison.OrdinalIgnoreCase)).Value
                : default;
            return code.ValueKind == JsonValueKind.String ? new UrusanRef(code.GetString()!) : throw new JsonException("Urusan adalah kode atau objek dengan code.");
        }

        public override void Write(Utf8JsonWriter writer, UrusanRef value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
    }

    public static RouteGroupBuilder MapOpdsApi(this RouteGroupBuilder api)
    {
        var opds = api.MapGroup("/opds").WithTags("OPD");
        opds.MapGet("/", ListAsync).WithSummary("OPD di daerah Anda (pengawas: ?region= daerah yang diawasi)");
        opds.MapGet("/{id:int}", GetAsync).WithName("GetOpd").WithSummary("Satu OPD");
        opds.MapPost("/", CreateAsync).RequireAuthorization(Policies.ApiManageRegion).WithSummary("Tambah OPD (Admin Kerja Sama)");
        opds.MapPut("/{id:int}", UpdateAsync).RequireAuthorization(Policies.ApiManageRegion)
            .WithSummary("Ubah OPD (Admin Kerja Sama); kirim If-Match dengan ETag (atau *) agar perubahan orang lain tidak tertimpa")
            .WithDescription("Bentuk isinya sama dengan jawaban GET /opds/{id}: urusan boleh berupa objek {code, name} seperti pada GET atau kode saja. "
                + "Isi GET yang dikirim kembali tanpa perubahan tidak mengubah apa pun.");
        opds.MapDelete("/{id:int}", DeleteAsync).RequireAuthorization(Policies.ApiManageRegion).WithSummary("Hapus OPD yang tidak lagi dipakai");
        return api;
    }

    private static async Task<Results<Ok<Paged<OpdDto>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        AppDbContext db, RegionScope scope, string? q, string? region, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var problems = ApiResults.PagingProblems(page, pageSize);
        if (problems.Count > 0)
            return ApiResults.Invalid(problems);

        var regionCode = string.IsNullOrWhiteSpace(region) ? scope.RegionCode : region.Trim();
        if (regionCode is null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["region"] = ["Akun nasional perlu menyebut kode wilayah, mis. region=62.71."] });
        if (!Region.IsWellFormedCode(regionCode))
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["region"] = [Region.CodeFormatProblem] });
        if (!scope.Oversees(regionCode))
            return ApiResults.NotFound($"Wilayah '{regionCode}'");

        // Overseers read other regions' rows explicitly, past the own-region filter.
        var query = db.Opds.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == regionCode);
        // A search term loses control characters first: PostgreSQL refuses a NUL in any text.
        if (Sinergi.Web.Text.Clean(q) is { } cleaned)
        {
            var term = cleaned.ToLower();
            query = query.Where(o => o.Name.ToLower().Contains(term) || o.ShortName.ToLower().Contains(term));
        }
        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderBy(o => o.Name).Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return TypedResults.Ok(new Paged<OpdDto>(items, total, page, pageSize));
    }

    private static async Task<Results<Ok<OpdDto>, ProblemHttpResult>> GetAsync(AppDbContext db, RegionScope scope, HttpContext http, int id, CancellationToken ct)
    {
        var opd = await Project(db.Opds.IgnoreQueryFilters().AsNoTracking().Where(o => o.Id == id)).SingleOrDefaultAsync(ct);
        if (opd is null || !scope.Oversees(opd.RegionCode))
            return ApiResults.NotFound("OPD");
        http.Response.Headers.ETag = ApiResults.ETag(opd.Version);
        return TypedResults.Ok(opd);
    }

    private static async Task<Results<CreatedAtRoute<OpdDto>, ValidationProblem>> CreateAsync(
        AppDbContext db, RegionScope scope, HttpContext http, OpdInput input, CancellationToken ct)
    {
        var regionCode = scope.RegionCode!;
        var draft = input.ToDraft();
        var problems = await draft.ProblemsAsync(db, regionCode, null, ct);
        if (problems.Count > 0)
            return ApiResults.Invalid(ApiResults.CamelCase(RenameUrusan(problems)));

        var opd = new Opd { RegionCode = regionCode, Name = "", ShortName = "" };
        await draft.ApplyToAsync(db, opd, ct);
        db.Opds.Add(opd);
        await db.SaveChangesAsync(ct);
        var dto = await Project(db.Opds.AsNoTracking().Where(o => o.Id == opd.Id)).SingleAsync(ct);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.CreatedAtRoute(dto, "GetOpd", new { id = dto.Id });
    }

    private static async Task<Results<Ok<OpdDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        AppDbContext db, HttpContext http, int id, OpdInput input, CancellationToken ct)
    {
        // The region filter hides other regions' OPDs: they answer 404, not 403.
        var opd = await db.Opds.Include(o => o.Urusan).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opd is null)
            return ApiResults.NotFound("OPD");
        if (ApiResults.IfMatchProblem(http.Request, opd.Version, "OPD", required: false) is { } precondition)
            return precondition;

        var draft = input.ToDraft();
        var problems = await draft.ProblemsAsync(db, opd.RegionCode, opd.Id, ct);
        if (problems.Count > 0)
            return ApiResults.Invalid(ApiResults.CamelCase(RenameUrusan(problems)));

        await draft.ApplyToAsync(db, opd, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.PreconditionFailed("OPD");
        }
        var dto = await Project(db.Opds.AsNoTracking().Where(o => o.Id == id)).SingleAsync(ct);
        http.Response.Headers.ETag = ApiResults.ETag(dto.Version);
        return TypedResults.Ok(dto);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(AppDbContext db, int id, CancellationToken ct)
    {
        var opd = await db.Opds.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opd is null)
            return ApiResults.NotFound("OPD");
        var blockers = await OpdRemoval.BlockersAsync(db, id, ct);
        if (blockers.Count > 0)
        {
            return TypedResults.Problem(
                title: "OPD masih dipakai",
                detail: $"OPD {opd.ShortName} tidak dapat dihapus karena masih dipakai: {string.Join("; ", blockers)}.",
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["blockers"] = blockers });
        }
        db.Opds.Remove(opd);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    private static IQueryable<OpdDto> Project(IQueryable<Opd> query) =>
        query.Select(o => new OpdDto(o.Id, o.RegionCode, o.Name, o.ShortName, o.HeadName, o.HeadNip,
            o.Urusan.OrderBy(u => u.Code).Select(u => new UrusanDto(u.Code, u.Name)).ToList(), o.Version, o.UpdatedAt));


    private static Dictionary<string, string[]> RenameUrusan(Dictionary<string, string[]> problems) =>
        problems.ToDictionary(p => p.Key == nameof(OpdDraft.UrusanCodes) ? "Urusan" : p.Key, p => p.Value);
}
