using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Partners;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>
/// The registry's filters, shared by the list page, the API and the export: free text, status,
/// kind, document type, OPD, partner type, urusan, signing year; sorted and paged.
/// </summary>
public sealed record AgreementFilter
{
    public string? Q { get; init; }
    public AgreementStatus? Status { get; init; }
    /// <summary>In force today: berlaku and akan berakhir together (the leader's "masih berlaku"), when no single status is chosen.</summary>
    public bool InForce { get; init; }
    public AgreementKind? Kind { get; init; }
    public AgreementDocumentType? DocumentType { get; init; }
    public int? OpdId { get; init; }
    public int? PartnerId { get; init; }
    public PartnerType? PartnerType { get; init; }
    public string? Urusan { get; init; }
    public int? Year { get; init; }
    public string Sort { get; init; } = "terbaru";
    /// <summary>Only those no agreement extends yet: "ending with no extension under way" on the dashboard.</summary>
    public bool WithoutExtension { get; init; }
    /// <summary>An overseer's choice of region; others see their own.</summary>
    public string? Region { get; init; }
    /// <summary>Only the agreements flagged formalitas (<see cref="Sinergi.Features.Monitoring.Formalitas"/>).</summary>
    public bool Formalitas { get; init; }
    /// <summary>The region's months and day the formalitas filter was read with; filled by the query, part of the cache key.</summary>
    public int FormalitasMonths { get; init; }
    public DateOnly FormalitasToday { get; init; }

    /// <summary>The address value of <see cref="Formalitas"/>.</summary>
    public const string FormalitasSlug = "formalitas";

    /// <summary>Only the agreements in force whose impact score falls in this band (<see cref="Sinergi.Features.Monitoring.ImpactBands"/>).</summary>
    public Sinergi.Features.Monitoring.ImpactBand? Impact { get; init; }
    /// <summary>The band's agreements as the query read them (kept per registry version, the same array while it holds); filled by the query.</summary>
    public int[]? ImpactIds { get; init; }

    /// <summary>Nothing narrows the registry: it is read whole, page by page.</summary>
    public bool IsWholeRegistry => string.IsNullOrWhiteSpace(Q) && Status is null && !InForce && Kind is null && DocumentType is null && OpdId is null
        && PartnerId is null && PartnerType is null && string.IsNullOrWhiteSpace(Urusan) && Year is null && !Formalitas && !WithoutExtension && Impact is null;

    /// <summary>
    /// The filter a page address describes (<c>?status=berlaku&amp;kind=ksdd&amp;opd=12</c>); values it does
    /// not know are left out, as a person would expect from a link.
    /// </summary>
    public static AgreementFilter FromQuery(RegionScope scope, string? q, string? status, string? kind, string? type, int? opd, int? partner,
        string? partnerType, string? urusan, int? year, string? sort, string? region) => new()
    {
        Q = q,
        Status = AgreementLabels.StatusFromSlug(status),
        InForce = status == InForceSlug,
        Kind = AgreementLabels.KindFromSlug(kind),
        DocumentType = AgreementLabels.DocumentTypeFromSlug(type),
        OpdId = opd,
        PartnerId = partner,
        PartnerType = Sinergi.Features.Partners.Partner.TypeFromSlug(partnerType),
        Urusan = string.IsNullOrWhiteSpace(urusan) ? null : urusan.Trim(),
        Year = year is int y && AgreementDates.InRange(y) ? year : null,
        Sort = sort is not null && Sorts.ContainsKey(sort) ? sort : "terbaru",
        // An overseer may look at a region they oversee; everyone else sees their own.
        Region = region?.Trim() is { } code && Sinergi.Features.Regions.Region.IsWellFormedCode(code) && code != scope.RegionCode && scope.Oversees(code) ? code : null,
    };

    /// <summary>
    /// The filter with the list's three monev and dashboard words of an address: <c>flag=formalitas</c>,
    /// <c>dampak=</c> an impact band and <c>perpanjangan=belum</c>. A page leaves out a word it does not
    /// know; the API passes <paramref name="problems"/> and is told which.
    /// </summary>
    public AgreementFilter WithWords(string? flag, string? dampak, string? perpanjangan, Dictionary<string, string[]>? problems = null)
    {
        var impact = Sinergi.Features.Monitoring.ImpactBands.FromSlug(dampak);
        if (problems is not null)
        {
            if (!string.IsNullOrWhiteSpace(flag) && flag.Trim() != FormalitasSlug)
                problems["flag"] = [$"flag hanya dapat bernilai {FormalitasSlug}."];
            if (!string.IsNullOrWhiteSpace(dampak) && impact is null)
                problems["dampak"] = [$"dampak harus salah satu dari: {string.Join(", ", Enum.GetValues<Sinergi.Features.Monitoring.ImpactBand>().Select(Sinergi.Features.Monitoring.ImpactBands.Slug))}."];
            if (!string.IsNullOrWhiteSpace(perpanjangan) && perpanjangan.Trim() != WithoutExtensionSlug)
                problems["perpanjangan"] = [$"perpanjangan hanya dapat bernilai {WithoutExtensionSlug} (belum diperpanjang)."];
        }
        return this with { Formalitas = flag?.Trim() == FormalitasSlug, Impact = impact, WithoutExtension = perpanjangan?.Trim() == WithoutExtensionSlug };
    }

    /// <summary>The address value of <see cref="WithoutExtension"/> (<c>?perpanjangan=belum</c>).</summary>
    public const string WithoutExtensionSlug = "belum";

    /// <summary>The address value of <see cref="InForce"/>.</summary>
    public const string InForceSlug = "masih-berlaku";

    /// <summary>The filter's status part, narrowing a query in terms an index on the dates can serve.</summary>
    public IQueryable<Agreement> WhereStatus(IQueryable<Agreement> query, DateOnly today, int windowDays) =>
        Status is { } status ? query.WhereStatus(status, today, windowDays)
        : InForce ? query.WhereInForce(today)
        : query;

    /// <summary>How many of the counted agreements the filter's status part keeps.</summary>
    public int TotalOf(IReadOnlyDictionary<AgreementStatus, int> counts) =>
        Status is { } status ? counts.GetValueOrDefault(status)
        : InForce ? counts.GetValueOrDefault(AgreementStatus.Berlaku) + counts.GetValueOrDefault(AgreementStatus.AkanBerakhir)
        : counts.Values.Sum();

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
    IReadOnlyList<string> Partners, IReadOnlyList<string> Opds, string? RecordedBy = null)
{
    /// <summary>Days from <paramref name="today"/> to the end; negative once it has ended.</summary>
    public int? DaysLeft(DateOnly today) => EndsOn is { } end ? end.DayNumber - today.DayNumber : null;

    public AgreementStatus StatusOn(DateOnly today, int window) => AgreementStatusRules.StatusOf(Lifecycle, StartsOn, EndsOn, today, window);
}

/// <summary>
/// The region a registry view is of, as one query reads it: its name, expiring window and registry
/// version, and the years of its first and last signing. <see cref="Code"/> is null for the whole
/// country (a system administrator), which is never cached.
/// </summary>
public sealed record RegistryRegion(string? Code, string? Name, int WindowDays, long Version, bool WithShares, int? FirstYear, int? LastYear)
{
    /// <summary>The years a person can filter on, newest first.</summary>
    public IEnumerable<int> Years => FirstYear is int first && LastYear is int last ? Enumerable.Range(first, last - first + 1).Reverse() : [];
}

public sealed record AgreementPage(IReadOnlyList<AgreementRow> Rows, int Total, IReadOnlyDictionary<AgreementStatus, int> CountsByStatus, DateOnly Today,
    RegistryRegion Region)
{
    public int WindowDays => Region.WindowDays;
}

public static class AgreementSearchQuery
{
    public static async Task<AgreementPage> RunAsync(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache, AgreementFilter filter,
        int page, int pageSize, CancellationToken ct = default)
    {
        // A page asks a few queries; one connection for all of them (until the request's context
        // goes) spares taking one from the pool per query.
        await db.Database.OpenConnectionAsync(ct);
        var region = await RegionAsync(db, scope, filter.Region, ct);
        var today = RegionClock.Today(clock, region.Code);
        var window = region.WindowDays;
        filter = await WithFormalitasAsync(db, filter, region.Code, today, ct);
        filter = await WithImpactAsync(db, scope, clock, cache, filter, region, today, ct);

        var filtered = Filtered(db, scope, filter);
        // Counting per status reads every row of the view; the counts are the same for every page,
        // sort and status tab of it, and hold until the registry version rises.
        Task<Dictionary<AgreementStatus, int>> Count() => filtered.Select(AgreementStatusRules.Expression(today, window))
            .GroupBy(s => s).Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
        var counts = region.Code is null ? await Count()
            : await cache.GetOrReadAsync(new CountsKey(region, today, filter with { Status = null, InForce = false, Sort = "" }), Count);
        var total = filter.TotalOf(counts);
        // The page is chosen by id first, from the indexes alone; only its rows are then read whole,
        // with their partners and OPDs. Joining those into one query made the database read every
        // row of the region, and build the partner join of every region, for each page.
        var ids = await PageIdsAsync(db, scope, cache, region, filter, today, window, (page - 1) * pageSize, pageSize, ct);
        var byId = db.Agreements.IgnoreQueryFilters().Where(a => ids.Contains(a.Id));
        var pageRows = (await byId
                .Select(a => new { a.Id, a.RegionCode, a.Number, a.Title, a.Kind, a.DocumentType, a.SignedOn, a.StartsOn, a.EndsOn, a.Lifecycle })
                .ToListAsync(ct))
            .OrderBy(a => ids.IndexOf(a.Id)).ToList();
        // The partners' and the OPDs' names of the page in one round trip. A region that is party to
        // another region's agreement is itself among its partners; the counterparty it reads there
        // is the region that recorded it.
        var viewer = region.Code;
        var names = (await byId.SelectMany(a => a.Partners.Where(p => viewer == null || p.LinkedRegionCode == null || p.LinkedRegionCode != viewer),
                    (a, p) => new { a.Id, IsOpd = false, p.Name })
                .Concat(byId.SelectMany(a => a.Opds, (a, o) => new { a.Id, IsOpd = true, Name = o.ShortName }))
                .ToListAsync(ct))
            .ToLookup(n => (n.Id, n.IsOpd), n => n.Name);
        List<string> Names(int id, bool opds) => names[(id, opds)].Order(StringComparer.CurrentCulture).ToList();
        var recorderCodes = pageRows.Select(a => a.RegionCode).Where(c => viewer is not null && c != viewer).Distinct().ToList();
        var recorders = recorderCodes.Count == 0 ? new Dictionary<string, string>()
            : (await db.Regions.AsNoTracking().Where(r => recorderCodes.Contains(r.Code)).ToListAsync(ct)).ToDictionary(r => r.Code, r => r.GovernmentName);
        var rows = pageRows.Select(a => new AgreementRow(a.Id, a.RegionCode, a.Number, a.Title, a.Kind, a.DocumentType, a.SignedOn, a.StartsOn, a.EndsOn, a.Lifecycle,
                Names(a.Id, opds: false), Names(a.Id, opds: true), recorders.GetValueOrDefault(a.RegionCode)))
            .ToList();
        return new AgreementPage(rows, total, counts, today, region);
    }

    /// <summary>The filter with the region's formalitas months and day filled in, when it asks for the flagged agreements.</summary>
    public static async Task<AgreementFilter> WithFormalitasAsync(AppDbContext db, AgreementFilter filter, string? regionCode, DateOnly today,
        CancellationToken ct = default)
    {
        if (!filter.Formalitas)
            return filter;
        var months = regionCode is null ? Sinergi.Features.Monitoring.MonevSettings.DefaultFormalitasMonths
            : (await Sinergi.Features.Monitoring.MonevSettings.ForRegionAsync(db, regionCode, ct)).FormalitasMonths;
        return filter with { FormalitasMonths = months, FormalitasToday = today };
    }

    /// <summary>The filter with the band's agreements filled in, when it asks for an impact band.</summary>
    public static async Task<AgreementFilter> WithImpactAsync(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache, AgreementFilter filter,
        RegistryRegion region, DateOnly today, CancellationToken ct = default)
    {
        if (filter.Impact is not { } band)
            return filter;
        var bands = await Sinergi.Features.Monitoring.ImpactBands.ForViewAsync(db, scope, clock, cache, region, filter.Region, today, ct);
        return filter with { ImpactIds = bands[band] };
    }

    // Cache keys: the region as read (its version and window among it) and the day, which moves statuses.
    private sealed record CountsKey(RegistryRegion Region, DateOnly Today, AgreementFilter Filter);

    private sealed record ViewKey(RegistryRegion Region, DateOnly Today, AgreementFilter Filter);

    /// <summary>
    /// The region of the view: an overseer's chosen region (its own agreements), else the caller's
    /// (its own and those shared with it), else the whole country.
    /// </summary>
    public static async Task<RegistryRegion> RegionAsync(AppDbContext db, RegionScope scope, string? chosen, CancellationToken ct = default)
    {
        var code = chosen ?? scope.RegionCode;
        var withShares = chosen is null;
        if (code is null)
            return new RegistryRegion(null, null, RegionSettings.DefaultExpiringWindowDays, 0, true, null, null);

        // One round trip, each part from an index: the first and last signing are the two ends of
        // (RegionCode, SignedOn), where listing the years made the database read every agreement.
        var agreements = db.Agreements.IgnoreQueryFilters();
        var shared = db.AgreementShares.Where(s => withShares && s.RegionCode == code).Join(agreements, s => s.AgreementId, a => a.Id, (s, a) => a.SignedOn);
        var facts = await db.Regions.Where(r => r.Code == code)
            .Select(r => new
            {
                r.Name,
                r.RegistryVersion,
                Window = db.RegionSettings.IgnoreQueryFilters().Where(s => s.RegionCode == code).Select(s => (int?)s.ExpiringWindowDays).FirstOrDefault(),
                First = agreements.Where(a => a.RegionCode == code).Min(a => a.SignedOn),
                Last = agreements.Where(a => a.RegionCode == code).Max(a => a.SignedOn),
                SharedFirst = shared.Min(),
                SharedLast = shared.Max(),
            })
            .SingleOrDefaultAsync(ct);
        if (facts is null)
            return new RegistryRegion(code, null, RegionSettings.DefaultExpiringWindowDays, 0, withShares, null, null);
        DateOnly?[] firsts = [facts.First, facts.SharedFirst];
        DateOnly?[] lasts = [facts.Last, facts.SharedLast];
        return new RegistryRegion(code, facts.Name, facts.Window ?? RegionSettings.DefaultExpiringWindowDays, facts.RegistryVersion, withShares,
            firsts.Min()?.Year, lasts.Max()?.Year);
    }

    /// <summary>Every filter but the status, which the counts per status leave open.</summary>
    public static IQueryable<Agreement> Filtered(AppDbContext db, RegionScope scope, AgreementFilter filter) =>
        Narrowed(AgreementAccess.Visible(db, scope, filter.Region), db, scope, filter);

    private static IQueryable<Agreement> Narrowed(IQueryable<Agreement> query, AppDbContext db, RegionScope scope, AgreementFilter filter)
    {
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
        if (filter.WithoutExtension)
            query = query.Where(a => !db.Agreements.IgnoreQueryFilters().Any(e => e.ExtendsId == a.Id));
        if (filter.Year is int year)
        {
            var from = new DateOnly(year, 1, 1);
            var until = new DateOnly(year, 12, 31);
            query = query.Where(a => a.SignedOn >= from && a.SignedOn <= until);
        }
        if (filter.Formalitas)
            query = Sinergi.Features.Monitoring.Formalitas.Where(db, query, filter.FormalitasToday, filter.FormalitasMonths);
        if (filter.Impact is not null)
        {
            var ids = filter.ImpactIds ?? [];
            query = query.Where(a => ids.Contains(a.Id));
        }
        return query;
    }

    /// <summary>
    /// The ids of one page. A view of a region's registry is read in order once per registry
    /// version and kept, so paging through it, or coming back to it, reads no rows to choose the page;
    /// free-text searches are always asked afresh.
    /// </summary>
    private static async Task<List<int>> PageIdsAsync(AppDbContext db, RegionScope scope, RegistryCache cache, RegistryRegion region, AgreementFilter filter,
        DateOnly today, int window, int skip, int take, CancellationToken ct)
    {
        if (region.Code is null || !string.IsNullOrWhiteSpace(filter.Q))
            return await OrderedIds(db, scope, filter, today, window, skip, take).ToListAsync(ct);
        var view = await cache.GetOrReadAsync(new ViewKey(region, today, filter),
            () => OrderedIds(db, scope, filter, today, window, 0, null).ToListAsync(ct), ids => 1 + ids.Count / 1000);
        return view.Skip(skip).Take(take).ToList();
    }

    /// <summary>
    /// A region's own agreements and those shared with it are read apart, each sorted and cut at the
    /// end of the page (from its index, in order, where the sort allows), and only those few rows are
    /// merged: together they made the database sort the whole registry.
    /// </summary>
    private static IQueryable<int> OrderedIds(AppDbContext db, RegionScope scope, AgreementFilter filter, DateOnly today, int window, int skip, int? take)
    {
        var parts = AgreementAccess.VisibleParts(db, scope, filter.Region)
            .Select(part => Narrowed(part, db, scope, filter))
            .Select(part => filter.WhereStatus(part, today, window))
            .ToList();
        // The whole registry, newest first, is read straight down (RegionCode, SignedOn). A filter may
        // keep few rows of that walk, so filtered pages are sorted from the filter's index instead.
        var inIndexOrder = filter.IsWholeRegistry && db.Database.IsSqlite();
        IQueryable<Agreement> Cut(IQueryable<Agreement> sorted) => take is int n ? sorted.Take(skip + n) : sorted;
        var merged = parts.Count == 1 ? parts[0]
            : parts.Select(part => Cut(Sorted(part, filter.Sort, today, inIndexOrder))).Aggregate(Queryable.Concat);
        var ordered = Sorted(merged, filter.Sort, today, inIndexOrder).Skip(skip);
        return (take is int count ? ordered.Take(count) : ordered).Select(a => a.Id);
    }

    /// <param name="inIndexOrder">
    /// Newest first without the "no date last" term, which SQLite needs no telling (NULL sorts first,
    /// so last when descending) and which would stop it from reading (RegionCode, SignedOn) in order.
    /// PostgreSQL puts NULL first in a descending sort, so there the order says it.
    /// </param>
    internal static IQueryable<Agreement> Sorted(IQueryable<Agreement> query, string sort, DateOnly today, bool inIndexOrder = false) => sort switch
    {
        "terlama" => query.OrderBy(a => a.SignedOn == null).ThenBy(a => a.SignedOn).ThenBy(a => a.Id),
        // Ending soonest first: what is still running by its end, nearest first; then what has ended,
        // latest first; then drafts and agreements without an end.
        "berakhir" => query
            .OrderBy(a => a.Lifecycle == AgreementLifecycle.Aktif && a.EndsOn != null && a.EndsOn >= today ? 0
                : a.Lifecycle != AgreementLifecycle.Draf && a.EndsOn != null ? 1 : 2)
            .ThenBy(a => a.Lifecycle == AgreementLifecycle.Aktif && a.EndsOn >= today ? a.EndsOn : null)
            .ThenByDescending(a => a.EndsOn)
            .ThenBy(a => a.Id),
        "judul" => query.OrderBy(a => a.Title).ThenBy(a => a.Id),
        "nomor" => query.OrderBy(a => a.Number == null).ThenBy(a => a.Number).ThenBy(a => a.Id),
        _ when inIndexOrder => query.OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id),
        _ => query.OrderBy(a => a.SignedOn == null).ThenByDescending(a => a.SignedOn).ThenByDescending(a => a.Id),
    };
}
