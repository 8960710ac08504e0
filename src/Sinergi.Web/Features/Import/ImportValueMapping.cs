using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Import;

public enum ImportValueKind
{
    Opd,
    Partner,
}

/// <summary>An entry of the region's directory a name in the file may mean: its id and how it is shown.</summary>
public sealed record ImportSuggestion(int Id, string Label);

/// <summary>
/// A name in the file that the directory does not know as written ("Dinas Pariwisata"), with the
/// entries it may mean, and the entry the person mapped it to, if any.
/// </summary>
public sealed class ImportValueChoice
{
    public required ImportValueKind Kind { get; init; }
    /// <summary>The name as compared (<see cref="ImportDirectory.Key"/>): what the person's mapping is keyed by.</summary>
    public required string Key { get; init; }
    /// <summary>The name as the file first writes it.</summary>
    public required string Name { get; init; }
    public IReadOnlyList<ImportSuggestion> Suggestions { get; init; } = [];
    /// <summary>The entry the name is read as, chosen by the person; null while it is added as new.</summary>
    public int? MappedId { get; init; }
    public string? MappedLabel { get; init; }
    /// <summary>How many rows name it.</summary>
    public int Rows { get; set; }
}

/// <summary>
/// The person's choices for names the directory does not know as written: OPD and partner name
/// keys to the id of an entry the region has. Kept with the import session as JSON.
/// </summary>
public sealed class ImportValueMapping
{
    public Dictionary<string, int> Opds { get; init; } = [];
    public Dictionary<string, int> Partners { get; init; } = [];

    public bool IsEmpty => Opds.Count == 0 && Partners.Count == 0;

    public int? Of(ImportValueKind kind, string key) =>
        (kind == ImportValueKind.Opd ? Opds : Partners).TryGetValue(key, out var id) ? id : null;

    public string? ToJson() => IsEmpty ? null : JsonSerializer.Serialize(this);

    public static ImportValueMapping FromJson(string? json) =>
        json is null ? new() : JsonSerializer.Deserialize<ImportValueMapping>(json) ?? new();
}

/// <summary>The person's choices as the preview's form posts them, checked against the region's directory.</summary>
public static class ImportValueForm
{
    /// <summary>
    /// The mapping the form asks for: for each name of the preview, the id chosen (an empty choice
    /// keeps it new). Null when a choice is not an OPD or partner of the region.
    /// </summary>
    public static async Task<ImportValueMapping?> ReadAsync(AppDbContext db, string regionCode, IReadOnlyList<ImportValueChoice> values,
        IReadOnlyDictionary<string, string>? opds, IReadOnlyDictionary<string, string>? partners, CancellationToken ct = default)
    {
        Dictionary<string, int>? Chosen(ImportValueKind kind, IReadOnlyDictionary<string, string>? posted)
        {
            var chosen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var value in values.Where(v => v.Kind == kind))
            {
                if (posted?.GetValueOrDefault(value.Key) is not { Length: > 0 } text)
                    continue;
                if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                    return null;
                chosen[value.Key] = id;
            }
            return chosen;
        }
        var opdChoices = Chosen(ImportValueKind.Opd, opds);
        var partnerChoices = Chosen(ImportValueKind.Partner, partners);
        if (opdChoices is null || partnerChoices is null)
            return null;

        var opdIds = opdChoices.Values.Distinct().ToList();
        var partnerIds = partnerChoices.Values.Distinct().ToList();
        var knownOpds = await db.Opds.CountAsync(o => o.RegionCode == regionCode && opdIds.Contains(o.Id), ct);
        var knownPartners = await db.Partners.CountAsync(p => p.RegionCode == regionCode && partnerIds.Contains(p.Id), ct);
        return knownOpds == opdIds.Count && knownPartners == partnerIds.Count
            ? new ImportValueMapping { Opds = opdChoices, Partners = partnerChoices }
            : null;
    }
}
