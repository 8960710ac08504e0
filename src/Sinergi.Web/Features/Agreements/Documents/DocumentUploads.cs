using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Agreements.Documents;

/// <summary>
/// Adds a document (or a new version of one) to an agreement: checks the file by its content,
/// stores it by its SHA-256, records the upload in the history and queues its text to be read in
/// the background (<see cref="DocumentTexts"/>). Uploads that race on one agreement are retried,
/// so each of them lands. The detail page and the API upload through here.
/// </summary>
public static class DocumentUploads
{
    /// <summary>Saves tried before an upload that keeps losing to concurrent changes is answered with a conflict.</summary>
    private const int Attempts = 10;

    public sealed record Request(int AgreementId, int? DocumentId, string? Title, string FileName, Stream Content);

    /// <param name="Conflict">Other changes to the agreement kept winning; nothing was recorded and the upload may be sent again.</param>
    public sealed record Outcome(DocumentVersion? Version, string? Title, Dictionary<string, string[]> Problems, bool Conflict = false)
    {
        public bool Succeeded => Version is not null;

        /// <summary>The text of the version is still to be read; its words become searchable when it is.</summary>
        public bool TextPending => Version?.TextState == DocumentTextState.Pending;
    }

    public const string ConflictMessage =
        "Kerja sama ini sedang diubah bersamaan oleh pengguna lain, sehingga unggahan belum tersimpan. Unggah berkasnya sekali lagi.";

    public static async Task<Outcome> AddAsync(AppDbContext db, FileStore files, DocumentTexts texts, Request request, long maxBytes, Actor actor, CancellationToken ct = default)
    {
        StoredFile? stored = null;
        FileInspection? inspection = null;
        for (var attempt = 1; ; attempt++)
        {
            var agreement = await db.Agreements.WithLists().Include(a => a.Documents).SingleAsync(a => a.Id == request.AgreementId, ct);
            var problems = new Dictionary<string, string[]>();
            var document = request.DocumentId is int documentId ? agreement.Documents.SingleOrDefault(d => d.Id == documentId) : null;
            var title = document?.Title ?? request.Title?.Trim();
            if (request.DocumentId is not null && document is null)
                problems["DocumentId"] = ["Dokumen yang dipilih bukan milik kerja sama ini."];
            if (string.IsNullOrEmpty(title))
                problems["Title"] = ["Beri judul dokumen baru, mis. \"Naskah PKS bertanda tangan\"."];
            else if (title.Length > 200)
                problems["Title"] = ["Judul dokumen paling panjang 200 karakter."];
            inspection ??= FileInspector.Inspect(request.FileName, request.Content, maxBytes);
            if (!inspection.IsAccepted)
                problems["File"] = [inspection.Error];
            if (problems.Count > 0 || !inspection.IsAccepted)
                return new Outcome(null, title, problems);

            if (stored is null)
            {
                request.Content.Position = 0;
                stored = await files.SaveAsync(request.Content, ct);
            }
            var version = await AddVersionAsync(db, agreement, document, title!, inspection, stored, actor, ct);
            try
            {
                var change = new AuditChange("Dokumen", null,
                    $"{version.Document!.Title}, versi {version.Number}: {version.FileName} ({Indonesian.FileSize(version.Size)}, SHA-256 {version.Sha256})");
                await AgreementHistory.SaveAsync(db, agreement, AuditActions.DocumentUploaded, [change], actor, ct: ct);
            }
            catch (Exception e) when (LostRace(e))
            {
                // Another upload or edit of the agreement saved first: read it again and retry on top of it.
                db.ChangeTracker.Clear();
                if (attempt == Attempts)
                    return new Outcome(null, title, problems, Conflict: true);
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), ct);
                continue;
            }
            if (version.TextState == DocumentTextState.Pending)
                texts.Enqueue(version.Id);
            return new Outcome(version, version.Document!.Title, problems);
        }
    }

    private static async Task<DocumentVersion> AddVersionAsync(AppDbContext db, Agreement agreement, AgreementDocument? document, string title,
        FileInspection inspection, StoredFile stored, Actor actor, CancellationToken ct)
    {
        var number = document is null ? 1 : (await db.DocumentVersions.Where(v => v.DocumentId == document.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        if (document is null)
        {
            document = new AgreementDocument { Title = title };
            agreement.Documents.Add(document);
        }
        var image = inspection.Kind is DocumentKind.Jpeg or DocumentKind.Png;
        var version = new DocumentVersion
        {
            Document = document,
            Number = number,
            FileName = inspection.FileName,
            ContentType = inspection.ContentType!,
            Size = stored.Length,
            Sha256 = stored.Sha256,
            TextState = image ? DocumentTextState.Done : DocumentTextState.Pending,
            UploadedAt = db.UtcNow,
            UploadedById = actor.UserId,
            UploadedByName = actor.Name,
        };
        document.Versions.Add(version);
        // A new document changes the agreement as people see it; its version moves with it.
        db.Entry(agreement).Property(a => a.UpdatedAt).IsModified = true;
        return version;
    }

    /// <summary>
    /// The save lost to a concurrent one: the agreement's version moved on, the same version number of
    /// a document was taken, or the database gave up waiting or broke a deadlock.
    /// </summary>
    private static bool LostRace(Exception e) => e switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: DbException inner } => LostRace(inner),
        PostgresException postgres => postgres.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        // SQLITE_BUSY and SQLITE_LOCKED, and SQLITE_CONSTRAINT_UNIQUE (19 extended as 2067).
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6 || sqlite.SqliteExtendedErrorCode == 2067,
        _ => false,
    };
}
