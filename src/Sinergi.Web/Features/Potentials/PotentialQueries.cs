using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tenancy;

namespace Sinergi.Features.Potentials;

/// <summary>
/// The catalogue and its map: one query for the page, the API and the province's view. Each answer
/// is kept in the <see cref="RegistryCache"/> under the versions of the regions it reads, which every
/// save of a potential (or of an OPD) raises (<see cref="RegistryVersions"/>): a second node never
/// shows a potential as it was. The lists handed out are shared: do not change them.
/// </summary>
public static class PotentialQueries
{
    public sealed record Row(int Id, string RegionCode, string Region, string Name, string Sector, string UrusanCode, string Urusan, string Opd,
        PotentialState State, double? Latitude, double? Longitude, string? Kecamatan, decimal? EstimatedValue, string? Capacity);

    /// <summary>A marker: at the potential's point, or at its region's centre when only a kecamatan is known (then <see cref="Approximate"/>).</summary>
    public sealed record Marker(int Id, string Name, string Region, string Sector, string State, double Lat, double Lng, bool Approximate);

    public sealed record Filter(string? Q = null, string? Urusan = null, PotentialState? State = null, string? Region = null);

    public const int MaxRows = 2000;

    /// <summary>Rows on a page of the list, as the registry's list pages.</summary>
    public const int PageSize = 25;

    /// <summary>
    /// The potentials of one region (<paramref name="prefix"/> null), or of every region under a
    /// prefix for the province's and the ministry's view, as <see cref="RollUp"/> bounds them; the
    /// API's list (at most <see cref="MaxRows"/>).
    /// </summary>
    public static async Task<List<Row>> ListAsync(AppDbContext db, RegistryCache cache, string? regionCode, string? prefix, Filter filter,
        CancellationToken ct = default) =>
        await cache.GetOrReadAsync(await KeyAsync(db, "list", regionCode, prefix, filter, 0, ct),
            () => Rows(Ordered(Filtered(db, regionCode, prefix, filter)).Take(MaxRows), db).ToListAsync(ct), Weight);

    /// <summary>One page of the same list, in the same order, with the number of rows in all and the page actually shown (1 to the last).</summary>
    public static async Task<(List<Row> Rows, int Total, int Page)> PageAsync(AppDbContext db, RegistryCache cache, string? regionCode, string? prefix,
        Filter filter, int page, int pageSize = PageSize, CancellationToken ct = default) =>
        await cache.GetOrReadAsync(await KeyAsync(db, $"page {pageSize}", regionCode, prefix, filter, page, ct), async () =>
        {
            var query = Filtered(db, regionCode, prefix, filter);
            var total = await query.CountAsync(ct);
            var shown = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
            return (await Rows(Ordered(query).Skip((shown - 1) * pageSize).Take(pageSize), db).ToListAsync(ct), total, shown);
        });

    private sealed record Key(string View, string? RegionCode, string? Prefix, long Version, Filter Filter, int Page);

    private static async Task<Key> KeyAsync(AppDbContext db, string view, string? regionCode, string? prefix, Filter filter, int page, CancellationToken ct) =>
        new(view, regionCode, prefix, await RegistryVersions.OfAsync(db, regionCode, prefix, ct), filter with { Q = Web.Text.Clean(filter.Q) }, page);

    private static int Weight<T>(List<T> rows) => Math.Max(1, rows.Count / 20);

    private static IQueryable<Potential> Filtered(AppDbContext db, string? regionCode, string? prefix, Filter filter)
    {
        var query = db.Potentials.IgnoreQueryFilters().AsNoTracking();
        query = prefix is null ? query.Where(p => p.RegionCode == regionCode) : query.WhereRegionUnder(prefix, p => p.RegionCode);
        if (prefix is not null && filter.Region is { Length: > 0 } region)
            query = query.Where(p => p.RegionCode == region);
        if (filter.Urusan is { Length: > 0 } urusan)
            query = query.Where(p => p.UrusanCode == urusan);
        if (filter.State is { } state)
            query = query.Where(p => p.State == state);
        if (Web.Text.Clean(filter.Q) is { } q)
        {
            var like = $"%{q.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(p => EF.Functions.Like(p.Name, like, "\\") || EF.Functions.Like(p.Sector, like, "\\") || EF.Functions.Like(p.Kecamatan!, like, "\\"));
        }
        return query;
    }

    private static IQueryable<Potential> Ordered(IQueryable<Potential> query) => query.OrderBy(p => p.RegionCode).ThenBy(p => p.Name).ThenBy(p => p.Id);

    private static IQueryable<Row> Rows(IQueryable<Potential> query, AppDbContext db) =>
        query.Select(p => new Row(p.Id, p.RegionCode, db.Regions.Where(r => r.Code == p.RegionCode).Select(r => r.Name).First(), p.Name, p.Sector, p.UrusanCode,
            p.Urusan!.Name, p.Opd!.ShortName, p.State, p.Latitude, p.Longitude, p.Kecamatan, p.EstimatedValue, p.Capacity));

    /// <summary>
    /// Every marker of the filtered list (the map shows them all, the table a page): only the
    /// columns a marker needs, and the regions' names and centres read once for all of them.
    /// </summary>
    public static async Task<List<Marker>> MarkersAsync(AppDbContext db, RegistryCache cache, string? regionCode, string? prefix, Filter filter,
        CancellationToken ct = default) =>
        await cache.GetOrReadAsync(await KeyAsync(db, "markers", regionCode, prefix, filter, 0, ct), () => ReadMarkersAsync(db, regionCode, prefix, filter, ct), Weight);

    private static async Task<List<Marker>> ReadMarkersAsync(AppDbContext db, string? regionCode, string? prefix, Filter filter, CancellationToken ct)
    {
        var points = await Ordered(Filtered(db, regionCode, prefix, filter)).Take(MaxRows)
            .Select(p => new { p.Id, p.Name, p.RegionCode, p.Sector, p.State, p.Latitude, p.Longitude }).ToListAsync(ct);
        var codes = points.Select(r => r.RegionCode).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => (r.Name, r.Latitude, r.Longitude), ct);
        var markers = new List<Marker>(points.Count);
        foreach (var r in points)
        {
            var region = regions.GetValueOrDefault(r.RegionCode);
            if (r.Latitude is double lat && r.Longitude is double lng)
                markers.Add(new Marker(r.Id, r.Name, region.Name ?? r.RegionCode, r.Sector, Potential.StateLabel(r.State), lat, lng, false));
            else if (region.Latitude is double centreLat && region.Longitude is double centreLng)
                markers.Add(new Marker(r.Id, r.Name, region.Name ?? r.RegionCode, r.Sector, Potential.StateLabel(r.State), centreLat, centreLng, true));
        }
        return markers;
    }

    /// <summary>The proposals started from a potential and the agreements they became.</summary>
    public static async Task<List<(int Id, string Number, string Title, int? AgreementId, string? AgreementTitle)>> ProposalsAsync(AppDbContext db, int potentialId, CancellationToken ct = default)
    {
        var rows = await db.PotentialProposals.AsNoTracking().Where(l => l.PotentialId == potentialId)
            .Join(db.Proposals.IgnoreQueryFilters(), l => l.ProposalId, p => p.Id, (l, p) => new { p.Id, p.Year, p.Sequence, p.Title, p.AgreementId, AgreementTitle = p.Agreement!.Title })
            .OrderBy(p => p.Id).ToListAsync(ct);
        return rows.Select(r => (r.Id, Proposals.Proposal.FormatNumber(r.Year, r.Sequence), r.Title, r.AgreementId, (string?)r.AgreementTitle)).ToList();
    }
}
