using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;

namespace Sinergi.Features.Partners;

/// <summary>Saving, deleting and merging partners, by the pages and the API alike.</summary>
public static class PartnerDirectory
{
    /// <summary>Saves the partner; when its name or region link changed, its agreements' search text and shares follow.</summary>
    public static async Task SaveAsync(AppDbContext db, Partner partner, CancellationToken ct = default)
    {
        var entry = db.Entry(partner);
        var affectsAgreements = entry.State == EntityState.Modified
            && (entry.Property(p => p.Name).IsModified || entry.Property(p => p.LinkedRegionCode).IsModified);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (affectsAgreements)
        {
            foreach (var agreement in await AgreementsOfAsync(db, partner.Id, ct))
            {
                agreement.ShareWithPartnerRegions();
                await SearchIndex.RefreshAsync(db, agreement, ct);
            }
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>The agreements that still name this partner; a partner with any cannot be deleted.</summary>
    public static Task<List<string>> BlockersAsync(AppDbContext db, int partnerId, CancellationToken ct = default) =>
        db.Agreements.IgnoreQueryFilters().Where(a => a.Partners.Any(p => p.Id == partnerId))
            .OrderBy(a => a.Title)
            .Select(a => (a.Number != null ? a.Number + " — " : "") + a.Title)
            .ToListAsync(ct);

    /// <summary>
    /// Moves every agreement of <paramref name="duplicate"/> to <paramref name="keep"/> and removes the
    /// duplicate; each moved agreement's history says so. Returns how many agreements moved.
    /// </summary>
    public static async Task<int> MergeAsync(AppDbContext db, Partner duplicate, Partner keep, Actor actor, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var agreements = await AgreementsOfAsync(db, duplicate.Id, ct);
        foreach (var agreement in agreements)
        {
            var before = await AgreementHistory.SnapshotAsync(db, agreement, ct);
            agreement.Partners.Remove(agreement.Partners.Single(p => p.Id == duplicate.Id));
            if (agreement.Partners.All(p => p.Id != keep.Id))
                agreement.Partners.Add(keep);
            agreement.ShareWithPartnerRegions();
            db.Entry(agreement).Property(a => a.UpdatedAt).IsModified = true;
            var changes = AgreementHistory.Diff(before, await AgreementHistory.SnapshotAsync(db, agreement, ct));
            db.AuditEvents.Add(AgreementHistory.Entry(db, agreement, AuditActions.Changed,
                [.. changes, new AuditChange("Mitra digabung", duplicate.Name, keep.Name)], actor));
        }
        db.Partners.Remove(duplicate);
        await db.SaveChangesAsync(ct);
        foreach (var agreement in agreements)
            await SearchIndex.RefreshAsync(db, agreement, ct);
        db.AuditEvents.Add(AuditTrail.Entry(db, keep.RegionCode, AuditEntities.Partner, keep.Id, AuditActions.Merged,
            [new AuditChange("Digabung dari", duplicate.Name, keep.Name), new AuditChange("Kerja sama dipindahkan", null, agreements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))], actor));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return agreements.Count;
    }

    private static Task<List<Agreement>> AgreementsOfAsync(AppDbContext db, int partnerId, CancellationToken ct) =>
        db.Agreements.WithLists()
            .Where(a => a.Partners.Any(p => p.Id == partnerId))
            .ToListAsync(ct);

}
