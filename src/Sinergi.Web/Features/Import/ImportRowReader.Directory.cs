using Sinergi.Features.Partners;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Import;

/// <summary>
/// Partners and OPDs of a row: matched to the directory by name, read as the entry the person
/// mapped a name to on the preview, or added, with the entries a new name may mean.
/// </summary>
internal sealed partial class ImportRowReader
{
    private readonly Dictionary<(ImportValueKind, string), ImportValueChoice> _values = [];

    private (List<int> Ids, string? FirstName, PartnerType? FirstType) Partners(ImportRow row, object?[] cells)
    {
        var ids = new List<int>();
        string? firstName = null;
        PartnerType? firstType = null;
        var typeCell = TextOf(cells, ImportField.PartnerType);
        var declaredType = typeCell is null ? null : ImportGuesses.PartnerTypeFrom(typeCell)?.Value;
        var cell = TextOf(cells, ImportField.Partner);
        // A name the directory knows whole ("Direktorat Jenderal …, Kementerian Dalam Negeri") is not split at its comma.
        var names = cell is not null && directory.PartnersByName.ContainsKey(ImportDirectory.Key(cell)) ? [cell] : ImportGuesses.Partners(cell);
        foreach (var name in names)
        {
            var key = ImportDirectory.Key(name);
            var region = directory.RegionsByName.GetValueOrDefault(key);
            if (region?.Code == directory.RegionCode)
                continue; // the region itself is the recording party, not a partner
            var known = directory.PartnersByName.GetValueOrDefault(key) ?? (region is null ? null : _partnersByRegion.GetValueOrDefault(region.Code));
            if (known is not null)
            {
                ids.Add(known.Id);
                row.Partners.Add(known.Name);
                (firstName, firstType) = (firstName ?? known.Name, firstType ?? known.Type);
                continue;
            }
            var choice = Track(ImportValueKind.Partner, key, name);
            if (choice.MappedId is int mapped)
            {
                var partner = directory.PartnersById[mapped];
                if (ids.Contains(partner.Id))
                    continue;
                ids.Add(partner.Id);
                row.Partners.Add(partner.Name);
                (firstName, firstType) = (firstName ?? partner.Name, firstType ?? partner.Type);
                continue;
            }
            var added = plan.NewPartners.FirstOrDefault(p => p.Key == key) ?? NewPartner(row, key, name, region, declaredType, choice);
            row.NewPartnerKeys.Add(added.Key);
            row.Partners.Add(added.Name + " (baru)");
            (firstName, firstType) = (firstName ?? added.Name, firstType ?? added.Type);
        }
        return (ids, firstName, firstType);
    }

    private NewPartner NewPartner(ImportRow row, string key, string name, Region? region, PartnerType? declaredType, ImportValueChoice choice)
    {
        var guess = ImportGuesses.PartnerTypeFrom(name);
        var type = region is not null ? PartnerType.PemerintahDaerah : declaredType ?? guess?.Value ?? PartnerType.Swasta;
        var reason = region is not null ? $"dikenali sebagai {region.GovernmentName} ({region.Code})"
            : declaredType is not null ? "jenis dari kolom jenis mitra"
            : guess is not null ? guess.Reason
            : "jenisnya tidak dapat ditebak, dicatat sebagai Swasta";
        if (region is null && declaredType is null)
            row.Warn(Column(ImportField.Partner), Sentence($"Mitra baru \"{name}\": {reason}") + Hint(choice));
        else if (choice.Suggestions.Count > 0)
            row.Warn(Column(ImportField.Partner), $"Mitra baru \"{name}\".{Hint(choice)}");
        var added = new NewPartner(key, region?.GovernmentName ?? name, type, region?.Code, reason);
        plan.NewPartners.Add(added);
        return added;
    }

    private List<int> Opds(ImportRow row, object?[] cells)
    {
        var ids = new List<int>();
        foreach (var name in OpdCell.Names(TextOf(cells, ImportField.Opd), n => directory.OpdsByName.ContainsKey(ImportDirectory.Key(n))))
        {
            var key = ImportDirectory.Key(name);
            if (directory.OpdsByName.GetValueOrDefault(key) is { } opd)
            {
                if (!ids.Contains(opd.Id))
                {
                    ids.Add(opd.Id);
                    row.Opds.Add(opd.ShortName);
                }
                continue;
            }
            var choice = Track(ImportValueKind.Opd, key, name);
            if (choice.MappedId is int mapped)
            {
                if (!ids.Contains(mapped))
                {
                    ids.Add(mapped);
                    row.Opds.Add(directory.OpdsById[mapped].ShortName);
                }
                continue;
            }
            var added = plan.NewOpds.FirstOrDefault(o => o.Key == key);
            if (added is null)
            {
                added = new NewOpd(key, Shorten(name, 200), NewShortName(name));
                plan.NewOpds.Add(added);
                row.Warn(Column(ImportField.Opd), $"OPD \"{name}\" belum ada di daftar OPD dan akan ditambahkan; lengkapi urusannya di Pengaturan.{Hint(choice)}");
            }
            row.NewOpdKeys.Add(added.Key);
            row.Opds.Add(added.ShortName + " (baru)");
        }
        return ids;
    }

    /// <summary>
    /// A short name (at most 40 characters) for an OPD the file adds, unlike any the region has or
    /// the file adds before it: long names that begin alike get "(2)", "(3)".
    /// </summary>
    private string NewShortName(string name)
    {
        const int MaxLength = 40;
        var stem = Shorten(name, MaxLength);
        bool Taken(string candidate) => directory.OpdsByName.ContainsKey(ImportDirectory.Key(candidate))
            || plan.NewOpds.Any(o => string.Equals(o.ShortName, candidate, StringComparison.OrdinalIgnoreCase));
        var shortName = stem;
        for (var n = 2; Taken(shortName); n++)
        {
            var suffix = $" ({n})";
            shortName = Shorten(stem, MaxLength - suffix.Length) + suffix;
        }
        return shortName;
    }

    /// <summary>The text cut to a length, at a word when one ends late enough.</summary>
    private static string Shorten(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var cut = text[..length];
        var space = cut.LastIndexOf(' ');
        return (space > length / 2 ? cut[..space] : cut).TrimEnd(' ', ',', '.');
    }

    /// <summary>Counts a row for a name the directory does not know as written; the first time, finds what it may mean and what the person chose.</summary>
    private ImportValueChoice Track(ImportValueKind kind, string key, string name)
    {
        if (!_values.TryGetValue((kind, key), out var choice))
        {
            // An entry removed since the person chose it leaves the name to be added again.
            var mapped = plan.ValueMapping.Of(kind, key) is int id && (kind == ImportValueKind.Opd ? directory.OpdsById.ContainsKey(id) : directory.PartnersById.ContainsKey(id))
                ? id : (int?)null;
            choice = new ImportValueChoice
            {
                Kind = kind,
                Key = key,
                Name = name,
                Suggestions = (kind == ImportValueKind.Opd ? directory.OpdSuggestions : directory.PartnerSuggestions).Value.For(name),
                MappedId = mapped,
                MappedLabel = mapped is not int chosen ? null
                    : kind == ImportValueKind.Opd ? ImportDirectory.OpdLabel(directory.OpdsById[chosen]) : directory.PartnersById[chosen].Name,
            };
            _values[(kind, key)] = choice;
            plan.Values.Add(choice);
        }
        choice.Rows++;
        return choice;
    }

    /// <summary>" Maksud Anda: Disbudpar (Dinas Kebudayaan dan Pariwisata)?", or nothing when nothing is near.</summary>
    private static string Hint(ImportValueChoice choice) =>
        choice.Suggestions.Count == 0 ? "" : $" Maksud Anda: {string.Join(" atau ", choice.Suggestions.Select(s => s.Label))}?";

    private static string Sentence(string text) => text.EndsWith('.') ? text : text + ".";
}
