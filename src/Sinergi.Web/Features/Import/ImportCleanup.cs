using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Features.Import;

/// <summary>
/// Removes previews nobody saved once they are older than <see cref="ImportOptions.PreviewExpiryDays"/>
/// (counted from their last change, by the app's clock), and their uploaded file when no other
/// import and no agreement document is stored with the same content. Saved imports stay: they are
/// the history. Runs when the Impor page is opened and when the import worker starts.
/// </summary>
public static class ImportCleanup
{
    /// <param name="db">A context whose region filter decides which regions' previews are looked at.</param>
    /// <returns>How many previews were removed.</returns>
    public static async Task<int> RemoveExpiredAsync(AppDbContext db, FileStore files, ImportOptions options, CancellationToken ct = default)
    {
        var cutoff = db.UtcNow - options.PreviewExpiry;
        var expired = await db.ImportSessions
            .Where(s => (s.Status == ImportStatus.Siap || s.Status == ImportStatus.Gagal) && s.UpdatedAt < cutoff)
            .ToListAsync(ct);
        if (expired.Count == 0)
            return 0;
        db.ImportSessions.RemoveRange(expired);
        await db.SaveChangesAsync(ct);

        foreach (var sha256 in expired.Select(s => s.Sha256).Distinct())
        {
            var used = await db.ImportSessions.IgnoreQueryFilters().AnyAsync(s => s.Sha256 == sha256, ct)
                || await db.DocumentVersions.IgnoreQueryFilters().AnyAsync(v => v.Sha256 == sha256, ct)
                || await db.ProposalDocuments.AnyAsync(d => d.Sha256 == sha256, ct);
            if (!used)
                files.Delete(sha256);
        }
        return expired.Count;
    }
}
