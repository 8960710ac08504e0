using System.Text.RegularExpressions;

namespace Sinergi.Features.Import;

/// <summary>
/// Reads the OPD cell of a row. Offices write several OPDs in one cell ("Dinkes, Disdik",
/// "Bapperida dan DLH"), yet many OPD names hold a comma or "dan" themselves ("Dinas Perumahan,
/// Kawasan Permukiman dan Pertanahan"). So a piece of the cell is cut further at commas, slashes
/// and "dan" when every part it is cut into is an OPD the region already has; or at commas,
/// semicolons and slashes alone when every part is either one the region has or reads as the
/// name of an OPD ("Dinkes, UPT Pengelolaan Air Limbah" is Dinkes and a new UPT).
/// </summary>
internal static partial class OpdCell
{
    public static IReadOnlyList<string> Names(string? cell, Func<string, bool> isKnown)
    {
        var names = new List<string>();
        foreach (var piece in ImportGuesses.Partners(cell))
        {
            if (isKnown(piece))
                names.Add(piece);
            else if (Segment(piece, isKnown) is { Count: > 1 } known)
                names.AddRange(known);
            else if (StrongSeparators().Split(piece).Select(p => p.Trim()).Where(p => p.Length > 0).ToList() is { Count: > 1 } parts
                && parts.All(p => isKnown(p) || OpdHead().IsMatch(p)))
                names.AddRange(parts);
            else
                names.Add(piece);
        }
        return names;
    }

    /// <summary>Cuts a text into known OPD names at its separators, the longest name first; null when it cannot be.</summary>
    private static List<string>? Segment(string text, Func<string, bool> isKnown)
    {
        // Split with the separators kept: words at even places, separators at odd places.
        var tokens = Separators().Split(text);
        if (tokens.Length < 3)
            return null;
        var words = tokens.Where((_, i) => i % 2 == 0).ToList();
        var separators = tokens.Where((_, i) => i % 2 == 1).ToList();

        List<string>? From(int first)
        {
            if (first == words.Count)
                return [];
            for (var last = words.Count - 1; last >= first; last--)
            {
                var name = string.Concat(Enumerable.Range(first, last - first + 1).Select(i => i == last ? words[i] : words[i] + separators[i])).Trim();
                if (name.Length > 0 && isKnown(name) && From(last + 1) is { } rest)
                    return [name, .. rest];
            }
            return null;
        }
        return From(0);
    }

    [GeneratedRegex(@"(\s*[,/]\s*|\s+(?:dan|serta|&)\s+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    [GeneratedRegex(@"\s*[,;/]\s*")]
    private static partial Regex StrongSeparators();

    /// <summary>How the name of a regional government unit begins.</summary>
    [GeneratedRegex(@"^(?:dinas|badan|sekretariat|inspektorat|satuan|satpol|kantor|upt|uptd|bagian|biro|pusat|unit|rumah\s+sakit|rsud|puskesmas|kecamatan|kelurahan|bappeda|bapperida)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OpdHead();
}
