using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tenancy;

namespace Sinergi.Features.Portal;

/// <summary>
/// One agreement as the public sees it: the fields the portal publishes (after UU 14/2008, the
/// <i>publik</i> class) and nothing else. Value, funding, contact persons, scope, DPRD approval,
/// monev and budget are internal and have no place here, so no view can leak them.
/// </summary>
public sealed record PublicAgreement(int Id, string RegionCode, string RegionName, string? Number, string Title, string Kind, IReadOnlyList<string> Partners,
    IReadOnlyList<string> Opds, IReadOnlyList<string> Urusan, DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, string Status);

public sealed record PublicDocument(int VersionId, string Title, string FileName);

/// <summary>A portal view: a region (or the whole country), free text, in force or ended, kind and signing year.</summary>
public sealed record PublicFilter(string? Region = null, string? Q = null, string? Status = null, string? Kind = null, int? Year = null)
{
    public const string InForce = "berlaku";
    public const string Ended = "berakhir";
}

public sealed record PublicPage(IReadOnlyList<PublicAgreement> Rows, int Total, int InForce, int Ended,
    IReadOnlyList<(string Label, int Count)> ByKind, IReadOnlyList<(int Year, int Count)> ByYear);

/// <summary>
/// The public portal's own queries. Every one starts from <see cref="Published"/>, an explicit
/// predicate (signed, not a draft, not marked not public), never from the signed-in registry's queries.
/// </summary>
public static class PublicRegistry
{
    public const int PageSize = 20;

    /// <summary>What may be published at all: signed agreements not marked not public, of any region.</summary>
    public static IQueryable<Agreement> Published(AppDbContext db) => db.Agreements.IgnoreQueryFilters().AsNoTracking()
        .Where(a => a.Lifecycle != AgreementLifecycle.Draf && a.SignedOn != null && a.NotPublicReason == null);

    /// <summary>The published agreements of a region (its own and those it is party to), or of every region.</summary>
    public static IQueryable<Agreement> OfRegion(AppDbContext db, string? region)
    {
        var published = Published(db);
        if (region is null)
            return published;
        var shared = db.AgreementShares.Where(s => s.RegionCode == region).Select(s => s.AgreementId);
        return published.Where(a => a.RegionCode == region || shared.Contains(a.Id));
    }

    public static IQueryable<Agreement> Filtered(AppDbContext db, PublicFilter filter, DateOnly today)
    {
        var query = OfRegion(db, filter.Region);
        if (filter.Q?.Trim() is { Length: > 0 } q)
        {
            var lowered = q.ToLower();
            query = query.Where(a => a.Title.ToLower().Contains(lowered) || (a.Number != null && a.Number.ToLower().Contains(lowered))
                || a.Partners.Any(p => p.Name.ToLower().Contains(lowered)));
        }
        if (AgreementLabels.KindFromSlug(filter.Kind) is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (filter.Year is int year)
        {
            var (from, until) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            query = query.Where(a => a.SignedOn >= from && a.SignedOn <= until);
        }
        return filter.Status switch
        {
            PublicFilter.InForce => query.WhereInForce(today),
            PublicFilter.Ended => query.Where(a => a.Lifecycle == AgreementLifecycle.Diakhiri || (a.EndsOn != null && a.EndsOn < today)),
            _ => query,
        };
    }

    /// <summary>
    /// A page of the portal, kept in memory under the sum of every region's registry version: marking
    /// an agreement not public raises its region's version, so nothing hidden is ever served from it.
    /// </summary>
    public static async Task<PublicPage> ListAsync(AppDbContext db, TimeProvider clock, RegistryCache cache, PublicFilter filter, int page, int pageSize = PageSize,
        CancellationToken ct = default)
    {
        var today = RegionClock.Today(clock, filter.Region);
        var versions = await db.Regions.SumAsync(r => r.RegistryVersion, ct);
        return await cache.GetOrReadAsync(new PageKey(versions, today, filter, page, pageSize), () => ReadPageAsync(db, filter, today, page, pageSize, ct));
    }

    private sealed record PageKey(long Versions, DateOnly Today, PublicFilter Filter, int Page, int PageSize);

    private static async Task<PublicPage> ReadPageAsync(AppDbContext db, PublicFilter filter, DateOnly today, int page, int pageSize, CancellationToken ct)
    {
        var query = Filtered(db, filter, today);
        var total = await query.CountAsync(ct);
        var all = Filtered(db, filter with { Status = null }, today);
        var inForce = await all.WhereInForce(today).CountAsync(ct);
        var ended = await all.CountAsync(a => a.Lifecycle == AgreementLifecycle.Diakhiri || (a.EndsOn != null && a.EndsOn < today), ct);
        var byKind = (await query.GroupBy(a => a.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(k => k.Key).Select(k => (AgreementLabels.Code(k.Key), k.Count)).ToList();
        var byYear = (await query.Select(a => a.SignedOn!.Value).ToListAsync(ct))
            .GroupBy(d => d.Year).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        var rows = await RowsAsync(db, query.OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize), today, ct);
        return new PublicPage(rows, total, inForce, ended, byKind, byYear);
    }

    /// <summary>Every row of a view, for the downloads.</summary>
    public static Task<List<PublicAgreement>> AllAsync(AppDbContext db, TimeProvider clock, PublicFilter filter, CancellationToken ct = default)
    {
        var today = RegionClock.Today(clock, filter.Region);
        return RowsAsync(db, Filtered(db, filter, today).OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id), today, ct);
    }

    /// <summary>One published agreement, with its documents marked public; null when it is not published.</summary>
    public static async Task<(PublicAgreement Agreement, List<PublicDocument> Documents)?> OneAsync(AppDbContext db, TimeProvider clock, int id, CancellationToken ct = default)
    {
        var owner = await Published(db).Where(a => a.Id == id).Select(a => a.RegionCode).SingleOrDefaultAsync(ct);
        if (owner is null)
            return null;
        var row = (await RowsAsync(db, Published(db).Where(a => a.Id == id), RegionClock.Today(clock, owner), ct)).Single();
        var documents = await db.AgreementDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.AgreementId == id && d.IsPublic)
            .Select(d => new { d.Title, Latest = d.Versions.OrderByDescending(v => v.Number).Select(v => new { v.Id, v.FileName }).FirstOrDefault() })
            .ToListAsync(ct);
        return (row, documents.Where(d => d.Latest is not null).Select(d => new PublicDocument(d.Latest!.Id, d.Title, d.Latest.FileName)).ToList());
    }

    /// <summary>The latest version of a public document of a published agreement: the only file the portal hands out.</summary>
    public static Task<DocumentVersionFile?> PublicFileAsync(AppDbContext db, int versionId, CancellationToken ct = default) =>
        db.DocumentVersions.IgnoreQueryFilters().AsNoTracking()
            .Where(v => v.Id == versionId && v.Document!.IsPublic && Published(db).Any(a => a.Id == v.Document.AgreementId))
            .Select(v => new DocumentVersionFile(v.FileName, v.ContentType, v.Sha256)).SingleOrDefaultAsync(ct);

    public sealed record DocumentVersionFile(string FileName, string ContentType, string Sha256);

    private static async Task<List<PublicAgreement>> RowsAsync(AppDbContext db, IQueryable<Agreement> query, DateOnly today, CancellationToken ct)
    {
        // Public names only: the partner's name (never its contact persons), the OPD's, the urusan's.
        var rows = await query.Select(a => new
        {
            a.Id, a.RegionCode, a.Number, a.Title, a.Kind, a.SignedOn, a.StartsOn, a.EndsOn, a.Lifecycle,
            Partners = a.Partners.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
            Opds = a.Opds.OrderBy(o => o.Name).Select(o => o.Name).ToList(),
            Urusan = a.Urusan.OrderBy(u => u.Code).Select(u => u.Name).ToList(),
        }).AsSplitQuery().ToListAsync(ct);
        var codes = rows.Select(r => r.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.GovernmentName, ct);
        return rows.Select(a => new PublicAgreement(a.Id, a.RegionCode, names.GetValueOrDefault(a.RegionCode, a.RegionCode), a.Number, a.Title,
            AgreementLabels.Label(a.Kind), a.Partners, a.Opds, a.Urusan, a.SignedOn, a.StartsOn, a.EndsOn,
            AgreementLabels.Label(PublicStatus(a.Lifecycle, a.StartsOn, a.EndsOn, today)))).ToList();
    }

    /// <summary>The status the public reads: no "akan berakhir" window of the region's, just in force, not yet, ended.</summary>
    private static AgreementStatus PublicStatus(AgreementLifecycle lifecycle, DateOnly? startsOn, DateOnly? endsOn, DateOnly today) =>
        AgreementStatusRules.StatusOf(lifecycle, startsOn, endsOn, today, 0) is AgreementStatus.AkanBerakhir ? AgreementStatus.Berlaku
            : AgreementStatusRules.StatusOf(lifecycle, startsOn, endsOn, today, 0);
}
