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
    /// <summary>Why the file as a whole cannot be imported (no header, no data, unreadable).</summary>
    public string? Error { get; set; }

    public bool CanSave => Error is null && Rows.Count > 0 && Rows.All(r => r.Outcome != ImportOutcome.Error);

    public int Count(ImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    /// <summary>The closing line of the command-line verb and the summary of the page.</summary>
    public string Summary => $"imported={Count(ImportOutcome.Create)} updated={Count(ImportOutcome.Update)} skipped={Count(ImportOutcome.Unchanged)} errors={Count(ImportOutcome.Error) + (Error is null ? 0 : 1)}";

    public static ImportPlan Failed(string fileName, string error) => new() { FileName = fileName, Error = error };
}
