using Microsoft.EntityFrameworkCore;
using Sinergi.Web.Auth;
using Sinergi.Web.Domain;

namespace Sinergi.Web.Data;

/// <summary>
/// The registry's filters, shared by the list page, the API and the export: free text, status,
/// kind, document type, OPD, partner type, urusan, signing year; sorted and paged.
/// </summary>
public sealed record AgreementFilter
{
    public string? Q { get; init; }
    public AgreementStatus? Status { get; init; }
    public AgreementKind? Kind { get; init; }
    public AgreementDocumentType? DocumentType { get; init; }
    public int? OpdId { get; init; }
    public int? PartnerId { get; init; }
    public PartnerType? PartnerType { get; init; }
    public string? Urusan { get; init; }
    public int? Year { get; init; }
    public string Sort { get; init; } = "terbaru";
    /// <summary>An overseer's choice of region; others see their own.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// The filter a page address describes (<c>?status=berlaku&amp;kind=ksdd&amp;opd=12</c>); values it does
    /// not know are left out, as a person would expect from a link.
    /// </summary>
    public static AgreementFilter FromQuery(RegionScope scope, string? q, string? status, string? kind, string? type, int? opd, int? partner,
        string? partnerType, string? urusan, int? year, string? sort, string? region) => new()
    {
        Q = q,
        Status = AgreementLabels.StatusFromSlug(status),
        Kind = AgreementLabels.KindFromSlug(kind),
        DocumentType = AgreementLabels.DocumentTypeFromSlug(type),
        OpdId = opd,
        PartnerId = partner,
        PartnerType = Domain.Partner.TypeFromSlug(partnerType),
        Urusan = string.IsNullOrWhiteSpace(urusan) ? null : urusan.Trim(),
        Year = year is >= 1945 and <= 2100 ? year : null,
        Sort = sort is not null && Sorts.ContainsKey(sort) ? sort : "terbaru",
        // An overseer may look at a region they oversee; everyone else sees their own.
        Region = !string.IsNullOrWhiteSpace(region) && region.Trim() != scope.RegionCode && scope.Oversees(region.Trim()) ? region.Trim() : null,
    };

    public static readonly IReadOnlyDictionary<string, string> Sorts = new Dictionary<string, string>
    {
        ["terbaru"] = "Tanggal tanda tangan terbaru",
        ["terlama"] = "Tanggal tanda tangan terlama",
        ["berakhir"] = "Segera berakhir",
        ["judul"] = "Judul (A–Z)",
        ["nomor"] = "Nomor",
    };
}

public sealed record AgreementRow(
    int Id, string RegionCode, string? Number, string Title, AgreementKind Kind, AgreementDocumentType DocumentType,
    DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, AgreementLifecycle Lifecycle,
    IReadOnlyList<string> Partners, IReadOnlyList<string> Opds)
{
    public AgreementStatus StatusOn(DateOnly today, int window) => AgreementStatusRules.StatusOf(Lifecycle, StartsOn, EndsOn, today, window);
}

public sealed record AgreementPage(IReadOnlyList<AgreementRow> Rows, int Total, IReadOnlyDictionary<AgreementStatus, int> CountsByStatus, DateOnly Today, int WindowDays);

public static class AgreementSearchQuery
{
    public static async Task<AgreementPage> RunAsync(AppDbContext db, RegionScope scope, TimeProvider clock, AgreementFilter filter, int page, int pageSize, CancellationToken ct = default)
    {
        // A page asks some ten queries; one connection for all of them (until the request's context
        // goes) spares taking one from the pool per query.
        await db.Database.OpenConnectionAsync(ct);
        var region = filter.Region ?? scope.RegionCode;
        var today = RegionClock.Today(clock, region);
        var window = await RegionClock.ExpiringWindowAsync(db, region, ct);

        var query = Filtered(db, scope, filter);
        var counts = await query.Select(AgreementStatusRules.Expression(today, window))
            .GroupBy(s => s).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        if (filter.Status is { } status)
            query = query.WhereStatus(status, today, window);

        var total = filter.Status is { } chosen ? counts.GetValueOrDefault(chosen) : counts.Values.Sum();
        // The page is chosen by id first, from the indexes alone; only its rows are then read whole,
        // with their partners and OPDs. Joining those into one query made the database read every
        // row of the region, and build the partner join of every region, for each page.
        var ids = await Sorted(query, filter.Sort).Skip((page - 1) * pageSize).Take(pageSize).Select(a => a.Id).ToListAsync(ct);
        var byId = db.Agreements.IgnoreQueryFilters().Where(a => ids.Contains(a.Id));
        var pageRows = (await byId
                .Select(a => new { a.Id, a.RegionCode, a.Number, a.Title, a.Kind, a.DocumentType, a.SignedOn, a.StartsOn, a.EndsOn, a.Lifecycle })
                .ToListAsync(ct))
            .OrderBy(a => ids.IndexOf(a.Id)).ToList();
        var partners = (await byId.SelectMany(a => a.Partners, (a, p) => new { a.Id, p.Name }).ToListAsync(ct))
            .ToLookup(p => p.Id, p => p.Name);
        var opds = (await byId.SelectMany(a => a.Opds, (a, o) => new { a.Id, o.ShortName }).ToListAsync(ct))
            .ToLookup(o => o.Id, o => o.ShortName);
        var rows = pageRows.Select(a => new AgreementRow(a.Id, a.RegionCode, a.Number, a.Title, a.Kind, a.DocumentType, a.SignedOn, a.StartsOn, a.EndsOn, a.Lifecycle,
                partners[a.Id].Order(StringComparer.CurrentCulture).ToList(), opds[a.Id].Order(StringComparer.CurrentCulture).ToList()))
            .ToList();
        return new AgreementPage(rows, total, counts, today, window);
    }

    /// <summary>Every filter but the status, which the counts per status leave open.</summary>
    public static IQueryable<Agreement> Filtered(AppDbContext db, RegionScope scope, AgreementFilter filter)
    {
        var query = AgreementAccess.Visible(db, scope, filter.Region);
        if (SearchIndex.Matching(db, filter.Q, filter.Region ?? (scope.IsUnrestricted ? null : scope.RegionCode)) is { } hits)
            query = query.Where(a => hits.Contains(a.Id));
        if (filter.Kind is { } kind)
            query = query.Where(a => a.Kind == kind);
        if (filter.DocumentType is { } type)
            query = query.Where(a => a.DocumentType == type);
        if (filter.OpdId is int opd)
            query = query.Where(a => a.Opds.Any(o => o.Id == opd));
        if (filter.PartnerId is int partner)
            query = query.Where(a => a.Partners.Any(p => p.Id == partner));
        if (filter.PartnerType is { } partnerType)
            query = query.Where(a => a.Partners.Any(p => p.Type == partnerType));
        if (!string.IsNullOrWhiteSpace(filter.Urusan))
            query = query.Where(a => a.Urusan.Any(u => u.Code == filter.Urusan));
        if (filter.Year is int year)
        {
            var from = new DateOnly(year, 1, 1);
            var until = new DateOnly(year, 12, 31);
            query = query.Where(a => a.SignedOn >= from && a.SignedOn <= until);
        }
        return query;
    }

    internal static IQueryable<Agreement> Sorted(IQueryable<Agreement> query, string sort) => sort switch
    {
        "terlama" => query.OrderBy(a => a.SignedOn == null).ThenBy(a => a.SignedOn).ThenBy(a => a.Id),
        "berakhir" => query.OrderBy(a => a.EndsOn == null).ThenBy(a => a.EndsOn).ThenBy(a => a.Id),
        "judul" => query.OrderBy(a => a.Title).ThenBy(a => a.Id),
        "nomor" => query.OrderBy(a => a.Number == null).ThenBy(a => a.Number).ThenBy(a => a.Id),
        _ => query.OrderBy(a => a.SignedOn == null).ThenByDescending(a => a.SignedOn).ThenByDescending(a => a.Id),
    };
}
