namespace Sinergi.Features.Import;

/// <summary>An OPD or partner of the region as a name of the file may be matched to it.</summary>
internal sealed record ImportCandidate(int Id, string Label, string Name, string? ShortName);

/// <summary>
/// Near matches for a name the directory does not know as written: "Dinas Pariwisata" may mean
/// Disbudpar (Dinas Kebudayaan dan Pariwisata), "Dinkes Kota" Dinkes, "UPR" or "Univ. Palangka
/// Raya" Universitas Palangka Raya. Names are compared by their telling words, leaving out the
/// words every OPD or body has ("Dinas", "Badan", "PT", the region's own name for OPDs): a word
/// counts when it is the same, one letter off, part of a longer word ("Univ", "palangka" in
/// "Palangkaraya"), two words written together, or the initials of some words ("IAIN"). Words are
/// weighed by how few entries have them, so sharing "Kesehatan" tells more than sharing the city
/// most partners are in. A single word is also compared with short names. Only suggested, never
/// applied: the person maps a name on the preview.
/// </summary>
/// <remarks>
/// A first import can bring thousands of new names against a directory of thousands: each word is
/// looked up once in the directory's vocabulary and remembered, and only the entries sharing a word
/// are scored.
/// </remarks>
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

    private sealed record Entry(ImportCandidate Candidate, List<string> Words, string? Short, string Initials);

    private readonly List<Entry> _entries;
    private readonly string _region;
    /// <summary>Every telling word of the entries, with the entries that have it.</summary>
    private readonly Dictionary<string, List<int>> _vocabulary = new(StringComparer.Ordinal);
    /// <summary>Two neighbouring words written together ("palangkaraya"), with the entries that have them.</summary>
    private readonly Dictionary<string, List<int>> _joined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (HashSet<int> Entries, HashSet<string> Words)> _having = new(StringComparer.Ordinal);

    /// <param name="candidates">The region's OPDs or partners.</param>
    /// <param name="regionName">
    /// For OPDs, the region's own name, which their names often repeat ("Dinas Kesehatan Kota
    /// Palangka Raya"); null for partners, whose names it tells apart ("Universitas Palangka Raya").
    /// </param>
    public ImportSuggestions(IEnumerable<ImportCandidate> candidates, string? regionName)
    {
        _region = ImportText.Fold(regionName).Replace(" ", "", StringComparison.Ordinal);
        _entries = [];
        foreach (var candidate in candidates)
        {
            var index = _entries.Count;
            var all = ImportText.Fold(candidate.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var words = all.Where(w => !IsGeneric(w)).Distinct().ToList();
            var initials = string.Concat(all.Where(w => w is not ("dan" or "serta" or "of" or "and" or "the")).Select(w => w[0]));
            var shortName = ImportText.Fold(candidate.ShortName).Replace(" ", "", StringComparison.Ordinal);
            _entries.Add(new Entry(candidate, words, shortName.Length > 0 ? shortName : null, initials));
            foreach (var word in words)
                Post(_vocabulary, word, index);
            for (var i = 0; i + 1 < all.Length; i++)
                Post(_joined, all[i] + all[i + 1], index);
        }
    }

    private static void Post(Dictionary<string, List<int>> index, string key, int entry)
    {
        if (!index.TryGetValue(key, out var entries))
            index[key] = entries = [];
        if (entries.Count == 0 || entries[^1] != entry)
            entries.Add(entry);
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
        var having = words.ToDictionary(w => w, Having);
        var weights = words.ToDictionary(w => w, w => Math.Log((_entries.Count + 1.0) / (having[w].Entries.Count + 1.0)) + 1.0);
        var total = weights.Values.Sum();

        var scores = new Dictionary<int, double>();
        var seen = new HashSet<int>();
        foreach (var entry in having.Values.SelectMany(h => h.Entries))
        {
            if (!seen.Add(entry))
                continue;
            var matched = words.Where(w => having[w].Entries.Contains(entry)).Sum(w => weights[w]) / total;
            if (matched < 0.5)
                continue;
            var entryWords = _entries[entry].Words;
            var covered = entryWords.Count == 0 ? 0 : (double)entryWords.Count(e => words.Any(w => having[w].Words.Contains(e))) / entryWords.Count;
            scores[entry] = (0.6 * matched) + (0.4 * covered);
        }
        if (words.Count == 1)
            ScoreShortNames(words[0], scores);

        return scores.Where(s => s.Value >= Threshold)
            .OrderByDescending(s => s.Value).ThenBy(s => _entries[s.Key].Candidate.Label, StringComparer.OrdinalIgnoreCase)
            .Take(Max)
            .Select(s => new ImportSuggestion(_entries[s.Key].Candidate.Id, _entries[s.Key].Candidate.Label))
            .ToList();
    }

    /// <summary>"Dinkes" is the short name Dinkes, "Dinskes" one letter off it, "Dispar" written within Disbudpar, "UPR" the initials of Universitas Palangka Raya.</summary>
    private void ScoreShortNames(string word, Dictionary<int, double> scores)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var score = 0.0;
            if (entry.Short is { } shortName)
            {
                if (word == shortName)
                    score = 1.0;
                else if (word.Length >= 4 && WithinOneEdit(word, shortName))
                    score = 0.8;
                else if (word.Length >= 4 && shortName.StartsWith(word[..3], StringComparison.Ordinal) && IsSubsequence(word, shortName))
                    score = 0.7;
            }
            if (word.Length >= 3 && word == entry.Initials)
                score = Math.Max(score, 0.8);
            if (score > 0)
                scores[i] = Math.Max(score, scores.GetValueOrDefault(i));
        }
    }

    /// <summary>The entries that have the word, and the words of theirs it is the same as; looked up once per word.</summary>
    private (HashSet<int> Entries, HashSet<string> Words) Having(string word)
    {
        if (_having.TryGetValue(word, out var found))
            return found;
        found = ([], new HashSet<string>(StringComparer.Ordinal));
        foreach (var (known, entries) in _vocabulary)
        {
            if (Same(word, known))
            {
                found.Entries.UnionWith(entries);
                found.Words.Add(known);
            }
        }
        if (_joined.TryGetValue(word, out var joined))
            found.Entries.UnionWith(joined);
        if (word.Length is >= 3 and <= 6)
        {
            for (var i = 0; i < _entries.Count; i++)
            {
                if (_entries[i].Initials.Contains(word, StringComparison.Ordinal))
                    found.Entries.Add(i);
            }
        }
        return _having[word] = found;
    }

    /// <summary>The same word, one letter off (five letters or more), or part of a longer word (four letters or more: "Univ" of "Universitas").</summary>
    private static bool Same(string word, string other) =>
        word == other
        || (word.Length >= 4 && other.Contains(word, StringComparison.Ordinal))
        || (word.Length >= 5 && other.Length >= 5 && WithinOneEdit(word, other));

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

    /// <summary>Whether one letter changed, added or left out turns <paramref name="a"/> into <paramref name="b"/>.</summary>
    private static bool WithinOneEdit(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
            return false;
        if (a.Length > b.Length)
            (a, b) = (b, a);
        var i = 0;
        while (i < a.Length && a[i] == b[i])
            i++;
        if (i == a.Length)
            return true;
        return a.Length == b.Length
            ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
            : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }
}
