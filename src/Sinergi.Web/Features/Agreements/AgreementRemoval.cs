using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;

namespace Sinergi.Features.Agreements;

/// <summary>Deleting a mistaken agreement record, by the page and the API alike.</summary>
public static class AgreementRemoval
{
    /// <summary>Agreements that hang on this one (its PKS, adendum or extensions), named for the person deleting.</summary>
    public static Task<List<string>> BlockersAsync(AppDbContext db, int agreementId, CancellationToken ct = default) =>
        db.Agreements.IgnoreQueryFilters()
            .Where(a => a.ParentId == agreementId || a.ExtendsId == agreementId)
            .OrderBy(a => a.Id)
            .Select(a => (a.ExtendsId == agreementId ? "Perpanjangan " : "Turunan ") + (a.Number != null ? a.Number + " — " : "") + a.Title)
            .ToListAsync(ct);

    /// <summary>Deletes the record with its documents' records; the history keeps a last entry with everything it held.</summary>
    public static async Task DeleteAsync(AppDbContext db, Agreement agreement, Actor actor, CancellationToken ct = default)
    {
        var snapshot = await AgreementHistory.SnapshotAsync(db, agreement, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.AuditEvents.Add(AgreementHistory.Entry(db, agreement, AuditActions.Deleted,
            snapshot.Where(f => f.Value is not null).Select(f => new AuditChange(f.Key, f.Value, null)), actor));
        db.Agreements.Remove(agreement);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
