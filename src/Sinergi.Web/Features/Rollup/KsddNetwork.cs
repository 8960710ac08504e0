using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tenancy;

namespace Sinergi.Features.Rollup;

/// <summary>A region in the KSDD network, at its centre from the reference data (x, y in the drawing's own units).</summary>
public sealed record NetworkNode(string Code, string Name, bool Under, double X, double Y, int Agreements);

/// <summary>Two regions bound by KSDD in force, and how many agreements bind them.</summary>
public sealed record NetworkEdge(string From, string To, int Agreements);

/// <param name="Edges">The strongest links drawn and listed, at most <see cref="KsddNetwork.MaxShown"/>.</param>
/// <param name="AllEdges">How many pairs of regions KSDD bind in all.</param>
public sealed record Network(IReadOnlyList<NetworkNode> Nodes, IReadOnlyList<NetworkEdge> Edges, double Width, double Height, int AllEdges)
{
    private readonly Dictionary<string, NetworkNode> byCode = Nodes.ToDictionary(n => n.Code, StringComparer.Ordinal);

    public NetworkNode Node(string code) => byCode[code];
}

/// <summary>
/// Who cooperates with whom: the KSDD in force between regions (the owner and each partner that is a
/// region), where at least one end is under the overseer. It is read once per day and state of the
/// summary rows (every agreement or partner save raises a region's row), so it is not rebuilt per request.
/// </summary>
public static class KsddNetwork
{
    public const double Width = 1000;

    /// <summary>
    /// Links drawn and listed: across the country KSDD bind some two thousand pairs of regions, which
    /// no drawing shows and no one reads as a table; the strongest are the ones to see.
    /// </summary>
    public const int MaxShown = 100;

    public static async Task<Network> ReadAsync(AppDbContext db, RegistryCache cache, TimeProvider clock, string prefix, CancellationToken ct = default,
        int maxShown = MaxShown)
    {
        var today = RegionClock.Today(clock, prefix == "" ? null : prefix);
        var state = await db.RollupSummaries.SumAsync(s => (long)s.Version, ct);
        return await cache.GetOrReadAsync(new NetworkKey(prefix, today, state, maxShown), () => BuildAsync(db, prefix, today, maxShown, ct));
    }

    private sealed record NetworkKey(string Prefix, DateOnly Today, long State, int MaxShown);

    private static async Task<Network> BuildAsync(AppDbContext db, string prefix, DateOnly today, int maxShown, CancellationToken ct)
    {
        var links = await db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.Kind == AgreementKind.Ksdd).WhereInForce(today)
            .SelectMany(a => a.Partners.Where(p => p.LinkedRegionCode != null && p.LinkedRegionCode != a.RegionCode), (a, p) => new { a.Id, a.RegionCode, To = p.LinkedRegionCode! })
            .ToListAsync(ct);
        var edges = links.Where(l => RollUp.Covers(prefix, l.RegionCode) || RollUp.Covers(prefix, l.To))
            .GroupBy(l => string.CompareOrdinal(l.RegionCode, l.To) < 0 ? (l.RegionCode, l.To) : (l.To, l.RegionCode))
            .Select(g => new NetworkEdge(g.Key.Item1, g.Key.Item2, g.Select(l => l.Id).Distinct().Count()))
            .OrderByDescending(e => e.Agreements).ThenBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal).ToList();
        var codes = edges.SelectMany(e => new[] { e.From, e.To }).Distinct().ToList();
        var regions = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code) && r.Latitude != null && r.Longitude != null)
            .Select(r => new { r.Code, r.GovernmentName, Lat = r.Latitude!.Value, Lng = r.Longitude!.Value }).ToListAsync(ct);
        var placed = regions.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        edges = edges.Where(e => placed.Contains(e.From) && placed.Contains(e.To)).ToList();
        // Each region's count is over all its links; the drawing holds the regions of the strongest.
        var counts = edges.SelectMany(e => new[] { (e.From, e.Agreements), (e.To, e.Agreements) })
            .GroupBy(x => x.Item1, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(x => x.Agreements), StringComparer.Ordinal);
        var shown = edges.Take(maxShown).ToList();
        var ends = shown.SelectMany(e => new[] { e.From, e.To }).ToHashSet(StringComparer.Ordinal);
        regions = regions.Where(r => ends.Contains(r.Code)).ToList();
        if (regions.Count == 0)
            return new Network([], [], Width, Width / 2, 0);
        // Longitude and latitude onto the drawing, the area's own proportions kept, with a margin for the dots.
        var (west, east) = (regions.Min(r => r.Lng), regions.Max(r => r.Lng));
        var (south, north) = (regions.Min(r => r.Lat), regions.Max(r => r.Lat));
        var span = Math.Max(Math.Max(east - west, north - south), 0.5);
        var scale = (Width - 80) / span;
        var height = Math.Max((north - south) * scale + 80, 240);
        var nodes = regions.Select(r => new NetworkNode(r.Code, r.GovernmentName, RollUp.Covers(prefix, r.Code), 40 + (r.Lng - west) * scale, 40 + (north - r.Lat) * scale,
                counts.GetValueOrDefault(r.Code)))
            .OrderBy(n => n.Name, StringComparer.CurrentCulture).ToList();
        return new Network(nodes, shown, Width, height, edges.Count);
    }
}
