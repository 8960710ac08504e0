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
    /// duplicate; each moved agreement's history says so. What the duplicate knew is not lost: its
    /// address, contact and map point fill what the kept entry lacks, and replace what it has when
    /// <paramref name="replace"/> says so. Returns how many agreements moved.
    /// </summary>
    public static async Task<int> MergeAsync(AppDbContext db, Partner duplicate, Partner keep, Actor actor,
        PartnerDetails replace = PartnerDetails.None, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var carried = CarryOver(duplicate, keep, replace);
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
            [new AuditChange("Digabung dari", duplicate.Name, keep.Name), new AuditChange("Kerja sama dipindahkan", null, agreements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                .. carried], actor));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return agreements.Count;
    }

    /// <summary>Copies the duplicate's details onto the kept entry; returns what changed, as the history reads it.</summary>
    private static List<AuditChange> CarryOver(Partner duplicate, Partner keep, PartnerDetails replace)
    {
        var changes = new List<AuditChange>();
        void Take(string label, PartnerDetails part, Func<Partner, string?> read, Action<string?> write)
        {
            var theirs = read(duplicate);
            var ours = read(keep);
            if (theirs is null || theirs == ours || (ours is not null && !replace.HasFlag(part)))
                return;
            write(theirs);
            changes.Add(new AuditChange(label, ours, theirs));
        }
        Take("Alamat", PartnerDetails.Address, p => p.Address, v => keep.Address = v);
        Take("Narahubung", PartnerDetails.Contact, p => p.ContactName, v => keep.ContactName = v);
        Take("Telepon", PartnerDetails.Contact, p => p.ContactPhone, v => keep.ContactPhone = v);
        Take("Email", PartnerDetails.Contact, p => p.ContactEmail, v => keep.ContactEmail = v);
        if (duplicate.Latitude is { } lat && duplicate.Longitude is { } lng && (keep.Latitude is null || replace.HasFlag(PartnerDetails.Location))
            && (keep.Latitude, keep.Longitude) != (lat, lng))
        {
            changes.Add(new AuditChange("Lokasi", keep.Latitude is null ? null : Point(keep.Latitude, keep.Longitude), Point(lat, lng)));
            (keep.Latitude, keep.Longitude) = (lat, lng);
        }
        return changes;
    }

    private static string Point(double? lat, double? lng) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{lat:0.#####}, {lng:0.#####}");

    private static Task<List<Agreement>> AgreementsOfAsync(AppDbContext db, int partnerId, CancellationToken ct) =>
        db.Agreements.WithLists()
            .Where(a => a.Partners.Any(p => p.Id == partnerId))
            .ToListAsync(ct);

}

/// <summary>The parts of a partner's entry a merge can carry from the removed duplicate.</summary>
[Flags]
public enum PartnerDetails
{
    None = 0,
    Address = 1,
    Contact = 2,
    Location = 4,
}
