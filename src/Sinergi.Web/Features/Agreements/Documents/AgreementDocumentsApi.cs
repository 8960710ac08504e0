using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Features.Accounts;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Agreements.Documents;

/// <summary>Documents of an agreement: upload (multipart, a new document or a new version) and download.</summary>
public static class AgreementDocumentsApi
{
    internal static void Map(RouteGroupBuilder api, RouteGroupBuilder agreements)
    {
        // Bearer tokens are not sent by browsers on their own, so a form post here cannot be forged.
        agreements.MapPost("/{id:int}/documents", UploadAsync).DisableAntiforgery()
            .WithSummary("Unggah dokumen (multipart: file, title untuk dokumen baru, atau documentId untuk versi baru). Teksnya dibaca di latar belakang: "
                + "textState 'pending' sampai selesai, lalu 'done', 'partial' (melewati batas, textNote menyebut batasnya) atau 'unreadable'. 409 bila unggahan bersamaan terus bertabrakan.");
        api.MapGet("/documents/{versionId:int}", DownloadAsync).WithTags("Kerja sama").RequireAuthorization(Policies.ApiReadRegistry).WithSummary("Unduh satu versi dokumen");
    }

    private static async Task<Results<Created<DocumentVersionDto>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        AppDbContext db, RegionScope scope, ClaimsPrincipal user, FileStore files, DocumentTexts texts, IOptions<UploadOptions> uploads, int id,
        IFormFile? file, [FromForm] string? title, [FromForm] int? documentId, CancellationToken ct)
    {
        var agreement = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == id && a.RegionCode == scope.RegionCode)
            .Select(a => new { a.RegionCode, Opds = a.Opds.Select(o => o.Id).ToList() }).SingleOrDefaultAsync(ct);
        if (agreement is null)
            return ApiResults.NotFound("Kerja sama");
        if (!AgreementAccess.CanEdit(user, scope, agreement.RegionCode, agreement.Opds))
            return ApiResults.Forbidden("Anda hanya dapat mengunggah dokumen kerja sama OPD Anda sendiri.");
        if (file is null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["file"] = ["Sertakan berkas pada bagian 'file' dari formulir multipart."] });

        await using var content = file.OpenReadStream();
        var outcome = await DocumentUploads.AddAsync(db, files, texts, new DocumentUploads.Request(id, documentId, title, file.FileName, content),
            uploads.Value.MaxBytes, Actor.Of(user), ct);
        if (outcome.Conflict)
            return TypedResults.Problem(title: "Unggahan bertabrakan", detail: DocumentUploads.ConflictMessage, statusCode: StatusCodes.Status409Conflict);
        if (!outcome.Succeeded)
            return ApiResults.Invalid(ApiResults.CamelCase(outcome.Problems));
        var dto = ToDto(outcome.Version!);
        return TypedResults.Created(dto.Download, dto);
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> DownloadAsync(
        AppDbContext db, RegionScope scope, FileStore files, int versionId, CancellationToken ct)
    {
        var version = await db.DocumentVersions.IgnoreQueryFilters().AsNoTracking().Where(v => v.Id == versionId)
            .Select(v => new { v.Document!.AgreementId, v.FileName, v.ContentType, v.Sha256 }).SingleOrDefaultAsync(ct);
        if (version is null || !await AgreementAccess.CanReadAsync(db, scope, version.AgreementId, ct) || !files.Exists(version.Sha256))
            return ApiResults.NotFound("Dokumen");
        return TypedResults.File(files.OpenRead(version.Sha256), version.ContentType, FileNames.Clean(version.FileName));
    }

    internal static DocumentVersionDto ToDto(DocumentVersion v) =>
        new(v.Id, v.Number, v.FileName, v.ContentType, v.Size, v.Sha256, v.UploadedAt, v.UploadedByName, $"/api/v1/documents/{v.Id}",
            TextStateName(v.TextState), v.TextNote);

    /// <summary>pending, done, partial or unreadable: where reading the version's text for search stands.</summary>
    private static string TextStateName(DocumentTextState state) => state.ToString().ToLowerInvariant();
}
