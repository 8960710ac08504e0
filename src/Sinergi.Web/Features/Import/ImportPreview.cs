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

    public int Count(ImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    public static ImportPreview Of(ImportPlan plan) => new(
        plan.FileName, plan.SheetName, plan.SheetNames, plan.SheetIndex,
        plan.Header?.Columns ?? [], plan.Mapping, plan.Header?.Warnings ?? [],
        plan.Rows.Select(r => new Row(r.RowNumber, r.Number, r.Title, r.Outcome, r.Partners, r.Opds, r.Messages)).ToList(),
        plan.NewPartners, plan.NewOpds, plan.Error, plan.Summary, plan.CanSave);

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ImportPreview? FromJson(string? json) => json is null ? null : JsonSerializer.Deserialize<ImportPreview>(json);

    public static string MappingJson(IReadOnlyDictionary<int, ImportField> mapping) => JsonSerializer.Serialize(mapping);

    public static Dictionary<int, ImportField>? MappingFromJson(string? json) =>
        json is null ? null : JsonSerializer.Deserialize<Dictionary<int, ImportField>>(json);
}
