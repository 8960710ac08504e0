using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>Where an agreement's impact score falls: the bands of the dashboard and of the registry's filter.</summary>
public enum ImpactBand
{
    Tinggi,
    Sedang,
    Rendah,
    BelumDinilai,
}

/// <summary>
/// The impact score bands of the agreements in force of a registry view. The scores are reckoned
/// from the stored monev summaries (<see cref="ImpactScores"/>), never from the reports, and kept
/// per registry version and day as the list's counts are (a summary change raises the version),
/// so the dashboard's figures and the registry list filtered to a band agree.
/// </summary>
public static class ImpactBands
{
    public const int High = 70;
    public const int Medium = 40;

    public static ImpactBand Of(int? score) => score switch
    {
        null => ImpactBand.BelumDinilai,
        >= High => ImpactBand.Tinggi,
        >= Medium => ImpactBand.Sedang,
        _ => ImpactBand.Rendah,
    };

    public static string Label(ImpactBand band) => band switch
    {
        ImpactBand.Tinggi => $"Tinggi (≥ {High})",
        ImpactBand.Sedang => $"Sedang ({Medium}–{High - 1})",
        ImpactBand.Rendah => $"Rendah (< {Medium})",
        _ => "Belum dinilai",
    };

    public static string Slug(ImpactBand band) => band switch
    {
        ImpactBand.Tinggi => "tinggi",
        ImpactBand.Sedang => "sedang",
        ImpactBand.Rendah => "rendah",
        _ => "belum-dinilai",
    };

    public static ImpactBand? FromSlug(string? slug) => Enum.GetValues<ImpactBand>().Cast<ImpactBand?>().FirstOrDefault(b => Slug(b!.Value) == slug?.Trim());

    private sealed record BandsKey(RegistryRegion Region, DateOnly Today, ImpactWeights Weights, EvaluationCadence Cadence, int DueDays, DateOnly? MonevStartsOn);

    /// <summary>The agreements in force of the view, by band (each list ordered by id); kept per registry version and day.</summary>
    public static async Task<IReadOnlyDictionary<ImpactBand, int[]>> ForViewAsync(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache,
        RegistryRegion region, string? chosen, DateOnly today, CancellationToken ct = default)
    {
        async Task<IReadOnlyDictionary<ImpactBand, int[]>> Read()
        {
            var ids = await AgreementAccess.Visible(db, scope, chosen).WhereInForce(today).Select(a => a.Id).ToListAsync(ct);
            var standings = await ImpactScores.ForAsync(db, clock, ids, ct);
            var bands = ids.GroupBy(id => Of(standings.GetValueOrDefault(id)?.Impact.Score)).ToDictionary(g => g.Key, g => g.Order().ToArray());
            return Enum.GetValues<ImpactBand>().ToDictionary(b => b, b => bands.GetValueOrDefault(b) ?? []);
        }
        if (region.Code is null)
            return await Read();
        var own = await MonevSettings.ForRegionAsync(db, region.Code, ct);
        return await cache.GetOrReadAsync(new BandsKey(region, today, own.Weights, own.Cadence, own.DueDays, own.MonevStartsOn), Read);
    }
}
