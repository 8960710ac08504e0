namespace Sinergi.Features.Import;

/// <summary>An OPD or partner of the region as a name of the file may be matched to it.</summary>
internal sealed record ImportCandidate(int Id, string Label, string Name, string? ShortName);

/// <summary>
/// Near matches for a name the directory does not know as written: "Dinas Pariwisata" may mean
/// Disbudpar (Dinas Kebudayaan dan Pariwisata), "Dinkes Kota" Dinkes, "UPR" or "Univ. Palangka
/// Raya" Universitas Palangka Raya. Names are compared by their telling words, leaving out the
/// words every OPD or body has ("Dinas", "Badan", "PT", the region's own name for OPDs): a word
/// counts when it is the same, one letter off, a prefix of four letters or more ("Univ"), or part
/// of a word written together ("Palangkaraya"). Words are weighed by how few entries have them,
/// so sharing "Kesehatan" tells more than sharing the city most partners are in. A single word is
/// also compared with short names. Only suggested, never applied: the person maps a
/// name on the preview.
/// </summary>
internal sealed class ImportSuggestions
{
    private const int Max = 3;
    private const double Threshold = 0.5;

    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "dan", "serta", "atau", "di", "ke", "dari", "untuk", "pada", "yang", "the", "of", "and", "for",
        "dinas", "badan", "kantor", "bagian", "unit", "pemerintah", "pemda", "pemkot", "pemkab", "pemprov", "kota", "kabupaten", "kab",
        "provinsi", "prov", "daerah", "republik", "indonesia", "ri", "pt", "cv", "ud", "tbk", "persero", "perseroda", "perumda", "cabang", "kc", "kcu",
    };

    private readonly List<Entry> _entries;
    private readonly string _region;

    private sealed record Entry(ImportCandidate Candidate, List<string> Words, string Compact, string? Short, string Initials);

    /// <param name="candidates">The region's OPDs or partners.</param>
    /// <param name="regionName">
    /// For OPDs, the region's own name, which their names often repeat ("Dinas Kesehatan Kota
    /// Palangka Raya"); null for partners, whose names it tells apart ("Universitas Palangka Raya").
    /// </param>
    public ImportSuggestions(IEnumerable<ImportCandidate> candidates, string? regionName)
    {
        _region = ImportText.Fold(regionName).Replace(" ", "", StringComparison.Ordinal);
        _entries = candidates.Select(c =>
        {
            var all = ImportText.Fold(c.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var initials = string.Concat(all.Where(w => w is not ("dan" or "serta" or "of" or "and" or "the")).Select(w => w[0]));
            var shortName = ImportText.Fold(c.ShortName).Replace(" ", "", StringComparison.Ordinal);
            return new Entry(c, all.Where(w => !IsGeneric(w)).ToList(), string.Concat(all), shortName.Length > 0 ? shortName : null, initials);
        }).ToList();
    }

    /// <summary>A word every entry may have, or a piece of the region's name, however it is spaced ("Palangka Raya", "Palangkaraya").</summary>
    private bool IsGeneric(string word) =>
        Generic.Contains(word) || (_region.Length > 0 && word.Length >= 4 && _region.Contains(word, StringComparison.Ordinal));

    /// <summary>Up to three entries <paramref name="name"/> may mean, the likeliest first; none when nothing is near.</summary>
    public IReadOnlyList<ImportSuggestion> For(string name)
    {
        var words = ImportText.Fold(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !IsGeneric(w)).Distinct().ToList();
        if (words.Count == 0)
            return [];
        var weights = words.ToDictionary(w => w, Weight);
        return _entries.Select(e => (e.Candidate, Score: Score(words, weights, e)))
            .Where(s => s.Score >= Threshold)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Candidate.Label, StringComparer.OrdinalIgnoreCase)
            .Take(Max)
            .Select(s => new ImportSuggestion(s.Candidate.Id, s.Candidate.Label))
            .ToList();
    }

    /// <summary>More for a word few entries have: ln((n + 1) / (entries with it + 1)) + 1.</summary>
    private double Weight(string word)
    {
        var having = _entries.Count(e => Has(e, word));
        return Math.Log((_entries.Count + 1.0) / (having + 1.0)) + 1.0;
    }

    /// <summary>The entry has the word, written together with another ("palangka" in "Palangkaraya"), or as the initials of some of its words ("IAIN").</summary>
    private static bool Has(Entry entry, string word) =>
        entry.Words.Any(e => Same(word, e)) || (word.Length >= 4 && entry.Compact.Contains(word, StringComparison.Ordinal))
        || (word.Length is >= 3 and <= 6 && entry.Initials.Contains(word, StringComparison.Ordinal));

    private static double Score(List<string> words, Dictionary<string, double> weights, Entry entry)
    {
        var single = words.Count == 1 ? words[0] : null;
        var best = 0.0;
        if (single is not null && entry.Short is { } shortName)
        {
            if (single == shortName)
                best = 1.0;
            else if (single.Length >= 4 && Distance(single, shortName) <= 1)
                best = 0.8;
            else if (single.Length >= 4 && single[..3] == shortName[..Math.Min(3, shortName.Length)] && IsSubsequence(single, shortName))
                best = 0.7;
        }
        if (single is { Length: >= 3 } && single == entry.Initials)
            best = Math.Max(best, 0.8);
        if (entry.Words.Count == 0)
            return best;

        var matched = words.Where(w => Has(entry, w)).Sum(w => weights[w]) / words.Sum(w => weights[w]);
        if (matched < 0.5)
            return best;
        var covered = (double)entry.Words.Count(e => words.Any(w => Same(w, e) || (w.Length >= 4 && e.Contains(w, StringComparison.Ordinal)))) / entry.Words.Count;
        return Math.Max(best, (0.6 * matched) + (0.4 * covered));
    }

    private static bool Same(string word, string other) =>
        word == other
        || (word.Length >= 4 && other.StartsWith(word, StringComparison.Ordinal))
        || (word.Length >= 5 && other.Length >= 5 && Distance(word, other) <= 1);

    private static bool IsSubsequence(string part, string whole)
    {
        var i = 0;
        foreach (var c in whole)
        {
            if (i < part.Length && part[i] == c)
                i++;
        }
        return i == part.Length;
    }

    /// <summary>Levenshtein distance, for short words.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
            return 2;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
