using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Import;

/// <summary>
/// What the region already has, loaded once for a whole file: its partners, OPDs and agreements,
/// the urusan list and the names of all regions, so rows are matched without a query each.
/// </summary>
internal sealed class ImportDirectory
{
    public required string RegionCode { get; init; }
    public required Dictionary<string, Partner> PartnersByName { get; init; }
    public required Dictionary<string, Opd> OpdsByName { get; init; }
    public required Dictionary<string, Region> RegionsByName { get; init; }
    public required Dictionary<string, Urusan> UrusanByCode { get; init; }
    public required Dictionary<string, string> UrusanCodesByName { get; init; }
    public required Dictionary<string, Agreement> AgreementsByNumber { get; init; }
    /// <summary>Agreements by title and signing date, for rows without a number; built only when such a row comes.</summary>
    public required Lazy<Dictionary<string, Agreement>> AgreementsByTitleAndDate { get; init; }
    public required Dictionary<int, Opd> OpdsById { get; init; }
    public required Dictionary<int, Partner> PartnersById { get; init; }
    /// <summary>Near matches for OPD names the region does not have; built when the first such name comes.</summary>
    public required Lazy<ImportSuggestions> OpdSuggestions { get; init; }
    public required Lazy<ImportSuggestions> PartnerSuggestions { get; init; }

    public static async Task<ImportDirectory> LoadAsync(AppDbContext db, string regionCode, CancellationToken ct)
    {
        var partners = await db.Partners.IgnoreQueryFilters().AsNoTracking().Where(p => p.RegionCode == regionCode).ToListAsync(ct);
        var opds = await db.Opds.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == regionCode).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking().ToListAsync(ct);
        var urusan = await db.Urusan.AsNoTracking().ToListAsync(ct);
        var agreements = await AgreementsAsync(db, regionCode, urusan, opds, partners, ct);

        var opdsByName = new Dictionary<string, Opd>();
        foreach (var opd in opds)
        {
            opdsByName.TryAdd(Key(opd.ShortName), opd);
            opdsByName.TryAdd(Key(opd.Name), opd);
        }
        var regionsByName = new Dictionary<string, Region>();
        foreach (var region in regions)
        {
            regionsByName.TryAdd(Key(region.IsProvince ? "Provinsi " + region.Name : region.Name), region);
            if (region.IsProvince)
                regionsByName.TryAdd(Key(region.Name), region);
        }
        return new ImportDirectory
        {
            RegionCode = regionCode,
            PartnersByName = partners.GroupBy(p => Key(p.Name)).ToDictionary(g => g.Key, g => g.First()),
            OpdsByName = opdsByName,
            RegionsByName = regionsByName,
            UrusanByCode = urusan.ToDictionary(u => u.Code),
            UrusanCodesByName = urusan.ToDictionary(u => u.Name, u => u.Code, StringComparer.OrdinalIgnoreCase),
            AgreementsByNumber = agreements.Where(a => a.Number is not null)
                .GroupBy(a => a.Number!.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First()),
            AgreementsByTitleAndDate = new(() => agreements.GroupBy(a => TitleKey(a.Title, a.SignedOn)).ToDictionary(g => g.Key, g => g.First())),
            OpdsById = opds.ToDictionary(o => o.Id),
            PartnersById = partners.ToDictionary(p => p.Id),
            OpdSuggestions = new(() => new ImportSuggestions(opds.Select(o => new ImportCandidate(o.Id, OpdLabel(o), o.Name, o.ShortName)),
                regions.FirstOrDefault(r => r.Code == regionCode)?.Name)),
            PartnerSuggestions = new(() => new ImportSuggestions(partners.Select(p => new ImportCandidate(p.Id, p.Name, p.Name, null)), null)),
        };
    }

    /// <summary>
    /// The region's agreements with their urusan, OPDs and partners, as the rows are compared with
    /// them. Read as plain rows and id pairs and linked to the objects loaded above: a region's whole
    /// registry can be tens of thousands of agreements, and including the lists would give every
    /// agreement its own copy of each partner and OPD.
    /// </summary>
    private static async Task<List<Agreement>> AgreementsAsync(AppDbContext db, string regionCode,
        List<Urusan> urusan, List<Opd> opds, List<Partner> partners, CancellationToken ct)
    {
        var own = db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.RegionCode == regionCode);
        var agreements = await own.ToListAsync(ct);
        var byId = agreements.ToDictionary(a => a.Id);

        var urusanByCode = urusan.ToDictionary(u => u.Code);
        foreach (var pair in await own.SelectMany(a => a.Urusan, (a, u) => new { a.Id, u.Code }).ToListAsync(ct))
            byId[pair.Id].Urusan.Add(urusanByCode[pair.Code]);
        var opdsById = opds.ToDictionary(o => o.Id);
        foreach (var pair in await own.SelectMany(a => a.Opds, (a, o) => new { a.Id, OpdId = o.Id }).ToListAsync(ct))
            byId[pair.Id].Opds.Add(opdsById[pair.OpdId]);
        // A partner is normally in the region's own directory; any other is read by itself.
        var partnersById = partners.ToDictionary(p => p.Id);
        var partnerPairs = await own.SelectMany(a => a.Partners, (a, p) => new { a.Id, PartnerId = p.Id }).ToListAsync(ct);
        var others = partnerPairs.Select(p => p.PartnerId).Where(id => !partnersById.ContainsKey(id)).Distinct().ToList();
        if (others.Count > 0)
        {
            foreach (var partner in await db.Partners.IgnoreQueryFilters().AsNoTracking().Where(p => others.Contains(p.Id)).ToListAsync(ct))
                partnersById[partner.Id] = partner;
        }
        foreach (var pair in partnerPairs)
            byId[pair.Id].Partners.Add(partnersById[pair.PartnerId]);
        return agreements;
    }

    /// <summary>
    /// A name as compared: the partner normal form (no legal forms, no "Pemerintah"), abbreviations
    /// of government written out, and without spaces, so "Palangka Raya" meets "Palangkaraya".
    /// </summary>
    public static string Key(string name)
    {
        var words = Partner.NormalizeName(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0)
        {
            words[0] = words[0] switch
            {
                "kab" or "pemkab" => "kabupaten",
                "pemkot" => "kota",
                "prov" or "pemprov" => "provinsi",
                var word => word,
            };
        }
        return string.Concat(words);
    }

    /// <summary>"Disbudpar (Dinas Kebudayaan dan Pariwisata)", or the name alone when it is its own short name.</summary>
    public static string OpdLabel(Opd opd) =>
        string.Equals(opd.ShortName, opd.Name, StringComparison.OrdinalIgnoreCase) ? opd.Name : $"{opd.ShortName} ({opd.Name})";

    /// <summary>How a row without a number is recognised again: its title and signing date.</summary>
    public static string TitleKey(string title, DateOnly? signedOn) => Key(title) + "|" + signedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
