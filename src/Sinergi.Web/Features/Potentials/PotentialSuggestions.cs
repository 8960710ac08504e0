using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;

namespace Sinergi.Features.Potentials;

/// <summary>
/// Suggested partners for a potential, each with its reasons: regions with potentials or signed
/// agreements of the same urusan, neighbouring regions (nearest centres of the reference data),
/// regions the region has cooperated with, and directory partners that worked on the same urusan.
/// </summary>
public static class PotentialSuggestions
{
    public sealed record Suggestion(string Name, string Kind, IReadOnlyList<string> Reasons, string? Link);

    public const int Neighbours = 5;
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, double Km)>> NearestKept = new();

    public static async Task<List<Suggestion>> ForAsync(AppDbContext db, Potential potential, CancellationToken ct = default)
    {
        var home = potential.RegionCode;
        var urusan = potential.UrusanCode;
        var urusanName = await db.Urusan.Where(u => u.Code == urusan).Select(u => u.Name).SingleAsync(ct);
        var reasons = new Dictionary<string, List<string>>();
        void Add(string code, string reason)
        {
            if (code == home) return;
            (reasons.TryGetValue(code, out var list) ? list : reasons[code] = []).Add(reason);
        }
        var samePotentials = await db.Potentials.IgnoreQueryFilters().Where(p => p.UrusanCode == urusan && p.RegionCode != home)
            .GroupBy(p => p.RegionCode).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(10).ToListAsync(ct);
        foreach (var g in samePotentials)
            Add(g.Key, $"{g.Count} potensi urusan {urusanName}");
        // Signed agreements only: a draft is its owner's alone.
        var sameAgreements = await db.Agreements.IgnoreQueryFilters().Where(a => a.Lifecycle != AgreementLifecycle.Draf && a.RegionCode != home && a.Urusan.Any(u => u.Code == urusan))
            .GroupBy(a => a.RegionCode).Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(10).ToListAsync(ct);
        foreach (var g in sameAgreements)
            Add(g.Key, $"{g.Count} kerja sama urusan {urusanName}");
        foreach (var (code, km) in await NearestAsync(db, home, ct))
            Add(code, $"daerah tetangga (pusatnya ± {Web.Indonesian.Number((long)Math.Round(km))} km)");
        var past = await db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == home && a.Lifecycle != AgreementLifecycle.Draf)
            .SelectMany(a => a.Partners).Where(p => p.LinkedRegionCode != null)
            .GroupBy(p => p.LinkedRegionCode!).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var g in past)
            Add(g.Key, $"pernah bekerja sama ({g.Count} perjanjian)");
        var names = await db.Regions.AsNoTracking().Where(r => reasons.Keys.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var suggestions = reasons.Where(r => names.ContainsKey(r.Key))
            .Select(r => new Suggestion(names[r.Key], "Daerah", r.Value, null))
            .OrderByDescending(s => s.Reasons.Count).ThenBy(s => s.Name, StringComparer.CurrentCulture).Take(12).ToList();

        var partners = await db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == home && a.Lifecycle != AgreementLifecycle.Draf && a.Urusan.Any(u => u.Code == urusan))
            .SelectMany(a => a.Partners).Where(p => p.LinkedRegionCode == null)
            .GroupBy(p => new { p.Id, p.Name, p.Type }).Select(g => new { g.Key.Id, g.Key.Name, g.Key.Type, Count = g.Count() })
            .OrderByDescending(g => g.Count).Take(8).ToListAsync(ct);
        suggestions.AddRange(partners.Select(p => new Suggestion(p.Name, Partner.Label(p.Type),
            [$"mitra dalam {p.Count} kerja sama urusan {urusanName}"], $"/Agreements?partner={p.Id}")));
        return suggestions;
    }

    /// <summary>The nearest kab/kota by their centres in the reference data; computed once per region and kept.</summary>
    public static async Task<IReadOnlyList<(string Code, double Km)>> NearestAsync(AppDbContext db, string regionCode, CancellationToken ct = default)
    {
        if (NearestKept.TryGetValue(regionCode, out var kept))
            return kept;
        var centres = await db.Regions.AsNoTracking().Where(r => r.Latitude != null && r.Longitude != null && r.Code.Length == 5)
            .Select(r => new { r.Code, Lat = r.Latitude!.Value, Lng = r.Longitude!.Value }).ToListAsync(ct);
        var own = await db.Regions.AsNoTracking().Where(r => r.Code == regionCode).Select(r => new { r.Latitude, r.Longitude }).SingleOrDefaultAsync(ct);
        IReadOnlyList<(string, double)> nearest = own?.Latitude is double lat && own.Longitude is double lng
            ? centres.Where(c => c.Code != regionCode).Select(c => (c.Code, Km(lat, lng, c.Lat, c.Lng))).OrderBy(c => c.Item2).Take(Neighbours).ToList()
            : [];
        NearestKept[regionCode] = nearest;
        return nearest;
    }

    private static double Km(double lat1, double lng1, double lat2, double lng2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lng2 - lng1) / 2), 2);
        return 6371 * 2 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
