using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Agreements.Documents;

/// <summary>
/// Adds a document (or a new version of one) to an agreement: checks the file by its content,
/// stores it by its SHA-256, extracts its text for search and records the upload in the history.
/// The detail page and the API upload through here.
/// </summary>
public static class DocumentUploads
{
    public sealed record Request(int AgreementId, int? DocumentId, string? Title, string FileName, Stream Content);

    public sealed record Outcome(DocumentVersion? Version, string? Title, bool TextUnreadable, Dictionary<string, string[]> Problems)
    {
        public bool Succeeded => Version is not null;
    }

    public static async Task<Outcome> AddAsync(AppDbContext db, FileStore files, Request request, long maxBytes, Actor actor, CancellationToken ct = default)
    {
        var agreement = await db.Agreements.WithLists()
            .Include(a => a.Documents).ThenInclude(d => d.Versions)
            .SingleAsync(a => a.Id == request.AgreementId, ct);

        var problems = new Dictionary<string, string[]>();
        var document = request.DocumentId is int documentId ? agreement.Documents.SingleOrDefault(d => d.Id == documentId) : null;
        var title = document?.Title ?? request.Title?.Trim();
        if (request.DocumentId is not null && document is null)
            problems["DocumentId"] = ["Dokumen yang dipilih bukan milik kerja sama ini."];
        if (string.IsNullOrEmpty(title))
            problems["Title"] = ["Beri judul dokumen baru, mis. \"Naskah PKS bertanda tangan\"."];
        else if (title.Length > 200)
            problems["Title"] = ["Judul dokumen paling panjang 200 karakter."];
        var inspection = FileInspector.Inspect(request.FileName, request.Content, maxBytes);
        if (!inspection.IsAccepted)
            problems["File"] = [inspection.Error];
        if (problems.Count > 0 || !inspection.IsAccepted)
            return new Outcome(null, title, false, problems);

        var extracted = await Task.Run(() => TextExtractor.Extract(request.Content, inspection.Kind.Value, ct), ct);
        request.Content.Position = 0;
        var stored = await files.SaveAsync(request.Content, ct);

        if (document is null)
        {
            document = new AgreementDocument { Title = title! };
            agreement.Documents.Add(document);
        }
        var version = new DocumentVersion
        {
            Number = document.Versions.Count == 0 ? 1 : document.Versions.Max(v => v.Number) + 1,
            FileName = inspection.FileName,
            ContentType = inspection.ContentType,
            Size = stored.Length,
            Sha256 = stored.Sha256,
            Text = inspection.Kind is DocumentKind.Jpeg or DocumentKind.Png ? null : extracted.Text,
            UploadedAt = db.UtcNow,
            UploadedById = actor.UserId,
            UploadedByName = actor.Name,
        };
        document.Versions.Add(version);
        // A new document changes the agreement as people see it; its version moves with it.
        db.Entry(agreement).Property(a => a.UpdatedAt).IsModified = true;

        var change = new AuditChange("Dokumen", null,
            $"{document.Title}, versi {version.Number}: {version.FileName} ({Indonesian.FileSize(version.Size)}, SHA-256 {version.Sha256})");
        await AgreementHistory.SaveAsync(db, agreement, AuditActions.DocumentUploaded, [change], actor, ct: ct);
        return new Outcome(version, document.Title, extracted.Unreadable, problems);
    }
}
