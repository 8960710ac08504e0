using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;

namespace Sinergi.Features.Partners;

/// <summary>Saving, deleting and merging partners, by the pages and the API alike.</summary>
public static class PartnerDirectory
{
    /// <summary>
    /// Saves the partner. When its name or region link changed, every agreement naming it follows in
    /// the same transaction: its shares and search text, and a history entry with the partner's new
    /// name and each region the agreement is now shared with or no longer.
    /// </summary>
    public static async Task SaveAsync(AppDbContext db, Partner partner, Actor actor, CancellationToken ct = default)
    {
        var entry = db.Entry(partner);
        var modified = entry.State == EntityState.Modified;
        var oldName = entry.Property(p => p.Name).OriginalValue;
        var affectsAgreements = modified
            && (oldName != partner.Name || entry.Property(p => p.LinkedRegionCode).OriginalValue != partner.LinkedRegionCode);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (affectsAgreements)
        {
            var agreements = await AgreementsOfAsync(db, partner.Id, ct);
            var sharedBefore = agreements.ToDictionary(a => a.Id, SharedRegions);
            foreach (var agreement in agreements)
            {
                agreement.ShareWithPartnerRegions();
                await SearchIndex.RefreshAsync(db, agreement, ct);
            }
            var regionNames = await RegionNamesAsync(db, agreements, sharedBefore, ct);
            foreach (var agreement in agreements)
            {
                var changes = new List<AuditChange>();
                if (oldName != partner.Name)
                    changes.Add(new AuditChange("Mitra", Join(agreement.Partners.Select(p => p.Id == partner.Id ? oldName : p.Name)),
                        Join(agreement.Partners.Select(p => p.Name))));
                changes.AddRange(ShareChanges(sharedBefore[agreement.Id], agreement, regionNames));
                if (changes.Count > 0)
                    db.AuditEvents.Add(AgreementHistory.Entry(db, agreement, AuditActions.Changed, changes, actor));
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
        var sharedBefore = agreements.ToDictionary(a => a.Id, SharedRegions);
        var changes = new Dictionary<int, List<AuditChange>>();
        foreach (var agreement in agreements)
        {
            var before = await AgreementHistory.SnapshotAsync(db, agreement, ct);
            agreement.Partners.Remove(agreement.Partners.Single(p => p.Id == duplicate.Id));
            if (agreement.Partners.All(p => p.Id != keep.Id))
                agreement.Partners.Add(keep);
            agreement.ShareWithPartnerRegions();
            db.Entry(agreement).Property(a => a.UpdatedAt).IsModified = true;
            changes[agreement.Id] = AgreementHistory.Diff(before, await AgreementHistory.SnapshotAsync(db, agreement, ct));
        }
        var regionNames = await RegionNamesAsync(db, agreements, sharedBefore, ct);
        foreach (var agreement in agreements)
            db.AuditEvents.Add(AgreementHistory.Entry(db, agreement, AuditActions.Changed,
                [.. changes[agreement.Id], .. ShareChanges(sharedBefore[agreement.Id], agreement, regionNames), new AuditChange("Mitra digabung", duplicate.Name, keep.Name)], actor));
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

    private static List<string> SharedRegions(Agreement agreement) => agreement.SharedWith.Select(s => s.RegionCode).ToList();

    /// <summary>"Dibagikan kepada" from the regions before to those after, when they differ.</summary>
    private static IEnumerable<AuditChange> ShareChanges(List<string> before, Agreement agreement, Dictionary<string, string> regionNames)
    {
        var (old, now) = (Join(before.Select(c => regionNames[c])), Join(SharedRegions(agreement).Select(c => regionNames[c])));
        return old == now ? [] : [new AuditChange("Dibagikan kepada", old, now)];
    }

    private static Task<Dictionary<string, string>> RegionNamesAsync(AppDbContext db, List<Agreement> agreements,
        Dictionary<int, List<string>> sharedBefore, CancellationToken ct)
    {
        var codes = sharedBefore.Values.SelectMany(c => c).Concat(agreements.SelectMany(SharedRegions)).Distinct().ToList();
        return db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
    }

    /// <summary>A list as the agreement's history shows lists: sorted, comma-separated, nothing when empty.</summary>
    private static string? Join(IEnumerable<string?> items)
    {
        var present = items.OfType<string>().Order(StringComparer.Ordinal).ToList();
        return present.Count > 0 ? string.Join(", ", present) : null;
    }

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
