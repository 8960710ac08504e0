using Microsoft.AspNetCore.Http.HttpResults;

namespace Sinergi.Web.Api;

/// <summary>A page of a list: <c>{ "items": [...], "total": N, "page": 1, "pageSize": 50 }</c>.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class ApiResults
{
    public const int MaxPageSize = 200;

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(title: "Tidak ditemukan", detail: $"{what} tidak ditemukan atau tidak dapat Anda akses.", statusCode: StatusCodes.Status404NotFound);

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Isian tidak valid", detail: "Periksa kembali isian pada kolom yang disebutkan.");

    /// <summary>Checks paging values; the camelCase field names match the query string.</summary>
    public static Dictionary<string, string[]> PagingProblems(int page, int pageSize)
    {
        var errors = new Dictionary<string, string[]>();
        if (page < 1)
            errors["page"] = ["Halaman dimulai dari 1."];
        if (pageSize is < 1 or > MaxPageSize)
            errors["pageSize"] = [$"pageSize harus 1 sampai {MaxPageSize}."];
        return errors;
    }

    /// <summary>Field names of the domain (<c>ShortName</c>) as the JSON body spells them (<c>shortName</c>).</summary>
    public static Dictionary<string, string[]> CamelCase(Dictionary<string, string[]> errors) =>
        errors.ToDictionary(e => char.ToLowerInvariant(e.Key[0]) + e.Key[1..], e => e.Value);

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(title: "Akses ditolak", detail: detail, statusCode: StatusCodes.Status403Forbidden);

    /// <summary>A 403 that names the fields the caller may not change, as a validation problem names them (<c>errors</c>).</summary>
    public static ProblemHttpResult Forbidden(string detail, IDictionary<string, string[]> errors) =>
        TypedResults.Problem(title: "Akses ditolak", detail: detail, statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static ProblemHttpResult Conflict(string title, string detail, IReadOnlyList<string> blockers) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["blockers"] = blockers });

    public static string ETag(int version) => $"\"{version}\"";

    public static ProblemHttpResult PreconditionFailed(string what) =>
        TypedResults.Problem(title: "Data sudah berubah",
            detail: $"{what} ini telah diubah orang lain sejak Anda membacanya. Ambil versi terbaru (GET), periksa perubahannya, lalu kirim ulang dengan If-Match yang baru.",
            statusCode: StatusCodes.Status412PreconditionFailed);

    /// <summary>
    /// Changes must name the version they were made on: no If-Match is 428 (unless
    /// <paramref name="required"/> is false), a stale one is 412. <c>If-Match: *</c> matches whatever
    /// version is current, as HTTP says: the caller knowingly overwrites.
    /// </summary>
    public static ProblemHttpResult? IfMatchProblem(HttpRequest request, int currentVersion, string what, bool required = true)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
            return !required ? null : TypedResults.Problem(title: "If-Match wajib",
                detail: $"Sertakan header If-Match berisi ETag dari GET terakhir agar perubahan orang lain pada {what.ToLowerInvariant()} ini tidak tertimpa.",
                statusCode: StatusCodes.Status428PreconditionRequired);
        var tags = ifMatch.Split(',').Select(t => t.Trim()).ToList();
        return tags.Contains("*") || tags.Select(t => t.StartsWith("W/", StringComparison.Ordinal) ? t[2..] : t).Contains(ETag(currentVersion))
            ? null : PreconditionFailed(what);
    }
}
