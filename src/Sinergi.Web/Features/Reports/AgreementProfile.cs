using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Features.Agreements;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Features.Reports;

/// <summary>What a one-page briefing on an agreement shows: the agreement, its links, documents and latest history.</summary>
public sealed record AgreementProfile(
    Agreement Agreement,
    AgreementStatus Status,
    DateOnly Today,
    string OwnerGovernment,
    IReadOnlyList<AgreementProfile.Link> Parent,
    IReadOnlyList<AgreementProfile.Link> Children,
    IReadOnlyList<AgreementProfile.Link> Extends,
    IReadOnlyList<AgreementProfile.Link> ExtendedBy,
    IReadOnlyList<AuditEvent> LatestHistory)
{
    public const int HistoryEntries = 3;

    public sealed record Link(string? Number, string Title, AgreementDocumentType Type)
    {
        public override string ToString() => $"{AgreementLabels.Code(Type)} {Number ?? "(tanpa nomor)"} — {Title}";
    }

    /// <summary>The profile of an agreement the caller has already been allowed to read.</summary>
    public static async Task<AgreementProfile> LoadAsync(AppDbContext db, RegionScope scope, TimeProvider clock, int id, CancellationToken ct = default)
    {
        var agreement = await db.Agreements.IgnoreQueryFilters().AsNoTracking().AsSplitQuery()
            .Include(a => a.Urusan).Include(a => a.Opds).Include(a => a.Partners)
            .SingleAsync(a => a.Id == id, ct);
        agreement.Documents = await DocumentListing.OfAsync(db, id, ct);
        var today = RegionClock.Today(clock, agreement.RegionCode);
        var window = await RegionSettings.ExpiringWindowAsync(db, agreement.RegionCode, ct);
        var owner = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == agreement.RegionCode, ct);
        var all = AgreementAccess.Readable(db, scope).AsNoTracking();
        var history = await AgreementHistory.ReadAsync(db, id, HistoryEntries, ct);
        return new AgreementProfile(
            agreement,
            AgreementStatusRules.StatusOf(agreement, today, window),
            today,
            owner.GovernmentName,
            await LinksAsync(all.Where(a => a.Id == agreement.ParentId), ct),
            await LinksAsync(all.Where(a => a.ParentId == id), ct),
            await LinksAsync(all.Where(a => a.Id == agreement.ExtendsId), ct),
            await LinksAsync(all.Where(a => a.ExtendsId == id), ct),
            history);
    }

    private static Task<List<Link>> LinksAsync(IQueryable<Agreement> query, CancellationToken ct) =>
        query.OrderBy(a => a.SignedOn).ThenBy(a => a.Id).Select(a => new Link(a.Number, a.Title, a.DocumentType)).ToListAsync(ct);
}
