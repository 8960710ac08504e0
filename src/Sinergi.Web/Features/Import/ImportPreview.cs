using System.Text.Json;

namespace Sinergi.Features.Import;

/// <summary>What the preview page shows of a plan; stored as JSON with the session.</summary>
public sealed record ImportPreview(
    string FileName,
    string? SheetName,
    IReadOnlyList<string> SheetNames,
    int SheetIndex,
    IReadOnlyList<HeaderColumn> Columns,
    IReadOnlyDictionary<int, ImportField> Mapping,
    IReadOnlyList<string> HeaderWarnings,
    IReadOnlyList<ImportPreview.Row> Rows,
    IReadOnlyList<NewPartner> NewPartners,
    IReadOnlyList<NewOpd> NewOpds,
    string? Error,
    string Summary,
    bool CanSave)
{
    public sealed record Row(int RowNumber, string? Number, string? Title, ImportOutcome Outcome, IReadOnlyList<string> Partners,
        IReadOnlyList<string> Opds, IReadOnlyList<ImportMessage> Messages);

    /// <summary>What the file says as a whole: the rows under the table left out, a missing number column (<see cref="ImportPlan.Notices"/>).</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The OPD and partner names the directory does not know as written, with their near matches and the person's choice.</summary>
    public IReadOnlyList<ImportValueChoice> Values { get; init; } = [];

    public int Count(ImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    /// <summary>Whether saving would change anything (<see cref="ImportPlan.HasChanges"/>).</summary>
    public bool HasChanges => Count(ImportOutcome.Create) + Count(ImportOutcome.Update) > 0;

    /// <summary>What the page says instead of offering to save when saving would change nothing.</summary>
    public string NothingToSave => $"Tidak ada yang perlu disimpan: {Sinergi.Web.Indonesian.Number(Rows.Count)} baris sama dengan yang sudah tercatat.";

    /// <summary>The rows a filter of the page shows: "galat" those with errors, "pesan" those with any message, else all.</summary>
    public List<Row> RowsShown(string? show) => show switch
    {
        "galat" => Rows.Where(r => r.Outcome == ImportOutcome.Error).ToList(),
        "pesan" => Rows.Where(r => r.Messages.Count > 0).ToList(),
        _ => Rows.ToList(),
    };

    public static ImportPreview Of(ImportPlan plan) => new(
        plan.FileName, plan.SheetName, plan.SheetNames, plan.SheetIndex,
        plan.Header?.Columns ?? [], plan.Mapping, plan.Header?.Warnings ?? [],
        plan.Rows.Select(r => new Row(r.RowNumber, r.Number, r.Title, r.Outcome, r.Partners, r.Opds, r.Messages)).ToList(),
        plan.NewPartners, plan.NewOpds, plan.Error, plan.Summary, plan.CanSave)
    {
        Notices = plan.Notices,
        Values = plan.Values,
    };

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ImportPreview? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<ImportPreview>(json);

    public static string MappingJson(IReadOnlyDictionary<int, ImportField> mapping) => JsonSerializer.Serialize(mapping);

    public static Dictionary<int, ImportField>? MappingFromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<int, ImportField>>(json);

    /// <summary>The column mapping as the preview's form posts it: column index → field name, "" for a column not read.</summary>
    public static Dictionary<int, ImportField> MappingFromForm(Dictionary<int, string>? map) =>
        (map ?? []).Where(m => Enum.TryParse<ImportField>(m.Value, out _)).ToDictionary(m => m.Key, m => Enum.Parse<ImportField>(m.Value));

    /// <summary>Why a mapping cannot be read with, in Bahasa Indonesia: no title column, or a field taken by two columns that takes one.</summary>
    public static string? MappingProblem(IReadOnlyDictionary<int, ImportField> mapping)
    {
        if (!mapping.Values.Contains(ImportField.Title))
            return "Pilih satu kolom sebagai Judul kerja sama; tanpa judul baris tidak dapat dibaca.";
        var doubled = mapping.GroupBy(m => m.Value).Where(g => g.Count() > 1 && !ImportColumns.AllowsSeveralColumns(g.Key)).Select(g => ImportColumns.Label(g.Key)).ToList();
        return doubled.Count > 0 ? $"Kolom berikut dipilih lebih dari sekali: {string.Join(", ", doubled)}. Pilih satu kolom untuk masing-masing." : null;
    }
}
