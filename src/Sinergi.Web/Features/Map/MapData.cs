using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;
using Sinergi.Features.Rollup;
using Sinergi.Tenancy;

namespace Sinergi.Features.Map;

/// <summary>A point on the region's map: the region itself, a partner region at its centre, or another partner at its coordinates.</summary>
public sealed record MapPoint(string Name, string Kind, double Lat, double Lng, int Agreements, string Link);

/// <summary>A KSDD between the region and a partner region: a line between their centres.</summary>
public sealed record MapLine(string From, string To, double[] FromPoint, double[] ToPoint, int Agreements);

public sealed record RegionMap(MapPoint? Home, IReadOnlyList<MapPoint> Points, IReadOnlyList<MapLine> Lines);

/// <summary>One shape of the choropleth: its figure and how it is shown in words.</summary>
public sealed record ShapeValue(string Code, string Name, bool UsesSinergi, int InForce, double? BudgetShare, double? AverageRating);

/// <summary>The map's data: the region's cooperation as points and lines, and the overseers' choropleth over the boundary shapes.</summary>
public static class MapData
{
    /// <summary>The region's partners in agreements in force (the registry's set), placed where the reference data or the partner says.</summary>
    public static async Task<RegionMap> RegionAsync(AppDbContext db, RegionScope scope, TimeProvider clock, string regionCode, CancellationToken ct = default)
    {
        var today = RegionClock.Today(clock, regionCode);
        var inForce = AgreementAccess.Visible(db, scope).WhereInForce(today);
        var partners = await inForce.SelectMany(a => a.Partners, (a, p) => new { a.Id, a.Kind, p.Name, p.Type, p.LinkedRegionCode, p.Latitude, p.Longitude, PartnerId = p.Id })
            .ToListAsync(ct);
        var codes = partners.Select(p => p.LinkedRegionCode).OfType<string>().Append(regionCode).Distinct().ToList();
        var centres = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code) && r.Latitude != null && r.Longitude != null)
            .ToDictionaryAsync(r => r.Code, r => (r.GovernmentName, Lat: r.Latitude!.Value, Lng: r.Longitude!.Value), ct);
        MapPoint? home = centres.TryGetValue(regionCode, out var own) ? new MapPoint(own.GovernmentName, "Daerah ini", own.Lat, own.Lng, 0, "/Agreements") : null;
        var points = new List<MapPoint>();
        var lines = new List<MapLine>();
        foreach (var group in partners.Where(p => p.LinkedRegionCode != regionCode).GroupBy(p => p.PartnerId))
        {
            var first = group.First();
            var count = group.Select(p => p.Id).Distinct().Count();
            var link = $"/Agreements?status={Agreements.Registry.AgreementFilter.InForceSlug}&partner={first.PartnerId}";
            if (first.LinkedRegionCode is { } code && centres.TryGetValue(code, out var centre))
            {
                points.Add(new MapPoint(first.Name, Partner.Label(first.Type), centre.Lat, centre.Lng, count, link));
                var ksdd = group.Where(p => p.Kind == AgreementKind.Ksdd).Select(p => p.Id).Distinct().Count();
                if (home is not null && ksdd > 0)
                    lines.Add(new MapLine(home.Name, first.Name, [home.Lat, home.Lng], [centre.Lat, centre.Lng], ksdd));
            }
            else if (first.Latitude is double lat && first.Longitude is double lng)
                points.Add(new MapPoint(first.Name, Partner.Label(first.Type), lat, lng, count, link));
        }
        return new RegionMap(home, points.OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList(), lines);
    }

    /// <summary>The roll-up's figures per shape: provinces nationally (summed over their kab/kota), kab/kota for a province overseer.</summary>
    public static async Task<List<ShapeValue>> ChoroplethAsync(AppDbContext db, TimeProvider clock, string prefix, CancellationToken ct = default)
    {
        var rollup = await RollupQueries.ReadAsync(db, clock, prefix, ct);
        if (prefix != "")
            return rollup.Rows.Select(r => new ShapeValue(r.Code, r.Name, r.UsesSinergi, r.InForce, r.BudgetShare, r.AverageRating)).ToList();
        return rollup.Rows.GroupBy(r => Regions.Region.ProvinceCodeOf(r.Code)).Select(g =>
        {
            var province = g.FirstOrDefault(r => r.Code == g.Key);
            var costing = g.Sum(r => r.InForceThisYear);
            var ratings = g.Sum(r => r.Ratings);
            return new ShapeValue(g.Key, province?.Name ?? g.Key, g.Any(r => r.UsesSinergi), g.Sum(r => r.InForce),
                costing == 0 ? null : (double)g.Sum(r => r.Budgeted) / costing,
                ratings == 0 ? null : g.Where(r => r.AverageRating is not null).Sum(r => r.AverageRating!.Value * r.Ratings) / ratings);
        }).ToList();
    }

    private static readonly ConcurrentDictionary<string, string> Shapes = new();

    /// <summary>The boundary shapes shipped in the binary: the provinces, or the kab/kota of one province; read once and kept.</summary>
    public static async Task<string> ShapesAsync(string? province, CancellationToken ct = default)
    {
        if (Shapes.TryGetValue(province ?? "", out var kept))
            return kept;
        var shapes = await ReadShapesAsync(province, ct);
        Shapes[province ?? ""] = shapes;
        return shapes;
    }

    private static async Task<string> ReadShapesAsync(string? province, CancellationToken ct)
    {
        var name = province is null ? "provinces" : "regencies";
        await using var stream = typeof(MapData).Assembly.GetManifestResourceStream($"Sinergi.Reference.{name}.geojson")
            ?? throw new InvalidOperationException($"{name}.geojson is not embedded.");
        if (province is null)
            return await new StreamReader(stream).ReadToEndAsync(ct);
        var all = (await JsonNode.ParseAsync(stream, cancellationToken: ct))!.AsObject();
        var kept = new JsonArray(all["features"]!.AsArray()
            .Where(f => (string?)f!["properties"]!["province_code"] == province).Select(f => f!.DeepClone()).ToArray());
        return new JsonObject { ["type"] = "FeatureCollection", ["features"] = kept }.ToJsonString(new JsonSerializerOptions());
    }
}
