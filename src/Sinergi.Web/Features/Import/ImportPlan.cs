using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;

namespace Sinergi.Features.Import;

/// <summary>What will happen to a row of the file when it is saved.</summary>
public enum ImportOutcome
{
    Create,
    Update,
    Unchanged,
    Error,
}

/// <summary>A message about one cell or one row, for the preview and the report.</summary>
public sealed record ImportMessage(string? Column, string Text, bool IsError);

/// <summary>One data row of the file as Sinergi reads it.</summary>
public sealed class ImportRow
{
    /// <summary>The row number the spreadsheet shows (1-based), so a person can find it.</summary>
    public int RowNumber { get; init; }
    public string? Number { get; set; }
    public string? Title { get; set; }
    public ImportOutcome Outcome { get; set; }
    public int? ExistingId { get; set; }
    /// <summary>Partners as matched: "Universitas Palangka Raya" or "CV Rotan (baru)".</summary>
    public List<string> Partners { get; } = [];
    public List<string> Opds { get; } = [];
    public List<ImportMessage> Messages { get; } = [];

    /// <summary>What will be saved; partners and OPDs not yet in the directory are named by key.</summary>
    internal AgreementDraft? Draft { get; set; }
    internal List<string> NewPartnerKeys { get; } = [];
    internal List<string> NewOpdKeys { get; } = [];

    public bool HasErrors => Messages.Any(m => m.IsError);

    internal void Error(string? column, string text) => Messages.Add(new ImportMessage(column, text, true));

    internal void Warn(string? column, string text) => Messages.Add(new ImportMessage(column, text, false));
}

/// <summary>A partner the import will add to the directory.</summary>
public sealed record NewPartner(string Key, string Name, PartnerType Type, string? LinkedRegionCode, string Reason);

/// <summary>An OPD the import will add to the region.</summary>
public sealed record NewOpd(string Key, string Name, string ShortName);

/// <summary>A file read, mapped and checked against the region's registry, before anything is saved.</summary>
public sealed class ImportPlan
{
    public required string FileName { get; init; }
    public string? SheetName { get; init; }
    public IReadOnlyList<string> SheetNames { get; init; } = [];
    public int SheetIndex { get; init; }
    public HeaderDetection? Header { get; init; }
    /// <summary>Column index → field, as detected or as the person chose.</summary>
    public IReadOnlyDictionary<int, ImportField> Mapping { get; init; } = new Dictionary<int, ImportField>();
    public List<ImportRow> Rows { get; } = [];
    public List<NewPartner> NewPartners { get; } = [];
    public List<NewOpd> NewOpds { get; } = [];
    /// <summary>What the person chose for names of OPDs and partners the directory does not know by that name.</summary>
    public ImportValueMapping ValueMapping { get; init; } = new();
    /// <summary>Every OPD and partner name of the file that is new, or mapped to an entry by the person, with near matches.</summary>
    public List<ImportValueChoice> Values { get; } = [];
    /// <summary>Rows under the table read as notes and signatures and left out; 0 when the table runs to the end.</summary>
    public int FooterRows { get; set; }
    /// <summary>Sentences about the file as a whole for the preview, the verb and the API: the footer left out, no number column.</summary>
    public List<string> Notices { get; } = [];
    /// <summary>Why the file as a whole cannot be imported (no header, no data, unreadable).</summary>
    public string? Error { get; set; }

    public bool CanSave => Error is null && Rows.Count > 0 && Rows.All(r => r.Outcome != ImportOutcome.Error);

    /// <summary>Whether saving would change anything: a re-import of an unchanged file would not.</summary>
    public bool HasChanges => Count(ImportOutcome.Create) + Count(ImportOutcome.Update) > 0;

    public int Count(ImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    /// <summary>The closing line of the command-line verb and the summary of the page.</summary>
    public string Summary => $"imported={Count(ImportOutcome.Create)} updated={Count(ImportOutcome.Update)} skipped={Count(ImportOutcome.Unchanged)} errors={Count(ImportOutcome.Error) + (Error is null ? 0 : 1)}";

    public static ImportPlan Failed(string fileName, string error) => new() { FileName = fileName, Error = error };
}

/// <summary>The counts of an import in words, for the pages: "5 dibuat · 0 diperbarui · 0 dilewati · 0 galat".</summary>
public static class ImportSummary
{
    /// <summary>
    /// The words for a summary line as sessions keep it (<see cref="ImportPlan.Summary"/>, the verb's
    /// last line); "akan dibuat" while it is not saved. Null when there is none, or it cannot be read:
    /// the machine line itself is never shown.
    /// </summary>
    public static string? Describe(string? summary, bool saved)
    {
        if (string.IsNullOrWhiteSpace(summary))
            return null;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var pair in summary.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            if (parts.Length != 2 || !long.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count))
                return null;
            counts[parts[0]] = count;
        }
        if (!(counts.TryGetValue("imported", out var created) & counts.TryGetValue("updated", out var updated)
            & counts.TryGetValue("skipped", out var skipped) & counts.TryGetValue("errors", out var errors)))
            return null;
        static string N(long n) => Sinergi.Web.Indonesian.Number(n);
        return $"{N(created)} {(saved ? "dibuat" : "akan dibuat")} · {N(updated)} {(saved ? "diperbarui" : "akan diperbarui")} · {N(skipped)} dilewati · {N(errors)} galat";
    }
}
