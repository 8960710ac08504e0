using System.Globalization;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;

namespace Sinergi.Bench.Generator;

/// <summary>
/// The partner directory of one region, as <c>PartnerDraft.ApplyToAsync</c> would write it: a
/// Pemerintah Daerah is named after and placed on the region it links to; other names are unique
/// per type by their normalized form, as the unique index requires.
/// </summary>
internal sealed class PartnerPlanner(IReadOnlyList<Region> regions, IReadOnlyDictionary<string, Region> byCode)
{
    private static readonly (PartnerType Type, double Weight)[] Mix =
    [
        (PartnerType.PemerintahDaerah, 0.25), (PartnerType.KementerianLembaga, 0.2), (PartnerType.Swasta, 0.2),
        (PartnerType.PerguruanTinggi, 0.12), (PartnerType.BumnBumd, 0.13), (PartnerType.Ormas, 0.06), (PartnerType.LuarNegeri, 0.04),
    ];

    /// <summary>
    /// Adds <paramref name="count"/> partners to <paramref name="directory"/> (which may already
    /// hold the region's existing partners) and returns the new ones.
    /// </summary>
    public List<Partner> Plan(Random rng, Region region, int count, List<Partner> directory, DateTime createdAt)
    {
        var taken = directory.Select(p => (p.Type, p.NormalizedName)).ToHashSet();
        var linked = directory.Select(p => p.LinkedRegionCode).OfType<string>().ToHashSet();
        var types = Mix.Select(m => m.Type).ToList();
        while (types.Count < count)
            types.Add(Pick(rng));

        var made = new List<Partner>();
        foreach (var type in types)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var partner = type == PartnerType.PemerintahDaerah ? RegionPartner(rng, region, linked) : NamedPartner(rng, region, type);
                if (partner is null || !taken.Add((partner.Type, partner.NormalizedName)))
                    continue;
                if (partner.LinkedRegionCode is { } code)
                    linked.Add(code);
                partner.CreatedAt = partner.UpdatedAt = createdAt;
                made.Add(partner);
                directory.Add(partner);
                break;
            }
        }
        return made;
    }

    private static PartnerType Pick(Random rng)
    {
        var x = rng.NextDouble();
        foreach (var (type, weight) in Mix)
        {
            if ((x -= weight) < 0)
                return type;
        }
        return PartnerType.Swasta;
    }

    /// <summary>Mostly a neighbour in the same province (or the province itself), sometimes anywhere.</summary>
    private Partner? RegionPartner(Random rng, Region region, HashSet<string> linked)
    {
        var province = Region.ProvinceCodeOf(region.Code);
        var neighbours = regions.Where(r => r.Code != region.Code && Region.ProvinceCodeOf(r.Code) == province).ToList();
        var other = rng.NextDouble() < 0.7 && neighbours.Count > 0 ? neighbours[rng.Next(neighbours.Count)] : regions[rng.Next(regions.Count)];
        if (other.Code == region.Code || linked.Contains(other.Code))
            return null;
        return new Partner
        {
            RegionCode = region.Code,
            Type = PartnerType.PemerintahDaerah,
            Name = other.GovernmentName,
            NormalizedName = Partner.NormalizeName(other.GovernmentName),
            LinkedRegionCode = other.Code,
            Latitude = other.Latitude,
            Longitude = other.Longitude,
        };
    }

    private Partner NamedPartner(Random rng, Region region, PartnerType type)
    {
        var templates = PartnerNames.Templates[type];
        var index = rng.Next(templates.Length);
        var province = region.ProvinceCode is { } code && byCode.TryGetValue(code, out var p) ? p.Name : region.Name;
        var name = string.Format(CultureInfo.InvariantCulture, templates[index], PartnerNames.Place(region), province,
            PartnerNames.First[rng.Next(PartnerNames.First.Length)], PartnerNames.Second[rng.Next(PartnerNames.Second.Length)],
            PartnerNames.Third[rng.Next(PartnerNames.Third.Length)]);
        var withContact = rng.NextDouble() < 0.4;
        var contact = PartnerNames.ContactNames[rng.Next(PartnerNames.ContactNames.Length)];
        return new Partner
        {
            RegionCode = region.Code,
            Type = type,
            Name = name,
            NormalizedName = Partner.NormalizeName(name),
            Country = type == PartnerType.LuarNegeri ? PartnerNames.Countries[index] : null,
            Address = type == PartnerType.LuarNegeri || rng.NextDouble() < 0.5 ? null : $"Jl. {PartnerNames.First[rng.Next(PartnerNames.First.Length)]} No. {rng.Next(1, 200)}, {PartnerNames.Place(region)}",
            ContactName = withContact ? contact : null,
            ContactPhone = withContact ? $"08{rng.Next(11, 99)}{rng.Next(1000_0000, 9999_9999)}" : null,
            ContactEmail = withContact && rng.NextDouble() < 0.5 ? $"{contact.Split(' ')[0].ToLowerInvariant()}@mitra.test" : null,
        };
    }
}
