namespace Sinergi.Features.Import;

/// <summary>
/// A "Jangka Waktu / Masa Berlaku" cell read: the start when the text names one, the end, and the
/// duration in months when the text gives one. Empty when the cell is.
/// </summary>
public sealed record PeriodParse
{
    public static PeriodParse Empty { get; } = new();

    public DateOnly? Start { get; init; }
    public DateOnly? End { get; init; }
    public int? DurationMonths { get; init; }
    public string? Error { get; init; }
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The warning among <see cref="Warnings"/> that a duration could not be counted for want of a
    /// start; the importer leaves it out where the missing or unreadable date is said already.
    /// </summary>
    public string? MissingStartWarning { get; init; }

    /// <summary>Whole years of the duration, as <see cref="AgreementDraft.DurationYears"/> takes them.</summary>
    public int? DurationYears => DurationMonths / 12;

    /// <summary>Months beyond the whole years (0–11), as <see cref="AgreementDraft.DurationMonths"/> takes them.</summary>
    public int? DurationExtraMonths => DurationMonths % 12;

    public bool IsEmpty => Start is null && End is null && DurationMonths is null && Error is null;

    internal static PeriodParse Fail(string error) => new() { Error = error };
}
