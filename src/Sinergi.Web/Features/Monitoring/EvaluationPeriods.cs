using System.Globalization;
using Sinergi.Features.Agreements;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// One evaluation period of an agreement: a semester, quarter or year of the budget year in which
/// it was in force, or its final evaluation once it has ended. <see cref="Code"/> names it in
/// addresses and the API (<c>2026-s1</c>, <c>2026-q3</c>, <c>2026-th</c>, <c>akhir</c>).
/// </summary>
public sealed record EvaluationPeriod(string Code, string Label, DateOnly Start, DateOnly End, DateOnly DueOn, bool IsFinal)
{
    public bool IsOverdueOn(DateOnly today) => today > DueOn;

    public bool HasEndedOn(DateOnly today) => End < today;
}

/// <summary>
/// The periods of an agreement follow from its term and the cadence, never typed by hand: the
/// budget year's slots that overlap the days it was in force and have begun, plus the final one
/// when it has ended (its whole term). A report can only be filed for one of these.
/// </summary>
public static class EvaluationPeriods
{
    public const string FinalCode = "akhir";

    /// <summary>The term the agreement was in force: from its start (or signing) to its end or early end; null for a draft.</summary>
    public static (DateOnly Start, DateOnly? End)? Term(AgreementLifecycle lifecycle, DateOnly? signedOn, DateOnly? startsOn, DateOnly? endsOn, DateOnly? terminatedOn)
    {
        if (lifecycle == AgreementLifecycle.Draf || (startsOn ?? signedOn) is not { } start)
            return null;
        var end = lifecycle == AgreementLifecycle.Diakhiri && terminatedOn is { } stopped && (endsOn is null || stopped < endsOn) ? stopped : endsOn;
        return (start, end);
    }

    /// <summary>Every period that has begun by <paramref name="today"/>, oldest first.</summary>
    public static List<EvaluationPeriod> For((DateOnly Start, DateOnly? End)? term, EvaluationCadence cadence, int dueDays, DateOnly today) =>
        For(term, cadence, dueDays, today, monevStartsOn: null);

    /// <summary>
    /// Every period that has begun by <paramref name="today"/> and does not end before the region's
    /// monev start (<see cref="MonevSettings.MonevStartsOn"/>): those were never due.
    /// </summary>
    public static List<EvaluationPeriod> For((DateOnly Start, DateOnly? End)? term, EvaluationCadence cadence, int dueDays, DateOnly today,
        DateOnly? monevStartsOn) =>
        [.. All(term, cadence, dueDays, today).Where(p => monevStartsOn is not { } from || p.End >= from)];

    private static List<EvaluationPeriod> All((DateOnly Start, DateOnly? End)? term, EvaluationCadence cadence, int dueDays, DateOnly today)
    {
        var periods = new List<EvaluationPeriod>();
        if (term is not { } t)
            return periods;
        var last = t.End is { } end && end < today ? end : today;
        for (var year = t.Start.Year; year <= last.Year && year - t.Start.Year < 100; year++)
        {
            foreach (var (code, label, start, finish) in Slots(year, cadence))
            {
                if (finish < t.Start || start > last)
                    continue;
                periods.Add(new EvaluationPeriod(code, label, start, finish, finish.AddDays(dueDays), false));
            }
        }
        if (t.End is { } ended && ended < today)
            periods.Add(new EvaluationPeriod(FinalCode, "Evaluasi akhir", t.Start, ended, ended.AddDays(dueDays), true));
        return periods;
    }

    /// <summary>The period <paramref name="code"/> of the agreement, or null when it was not in force then (or the code means nothing).</summary>
    public static EvaluationPeriod? Find(IEnumerable<EvaluationPeriod> periods, string? code) =>
        code is null ? null : periods.FirstOrDefault(p => p.Code == code.Trim().ToLowerInvariant());

    /// <summary>Whether the code names a period at all (so a refusal can say "not in force then" rather than "no such period").</summary>
    public static bool IsWellFormed(string? code) =>
        code is not null && (code.Trim().ToLowerInvariant() == FinalCode || SlotOf(code.Trim().ToLowerInvariant()) is not null);

    private static (int Year, string Part)? SlotOf(string code)
    {
        var parts = code.Split('-');
        if (parts.Length != 2 || parts[0].Length != 4 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            return null;
        return parts[1] is "s1" or "s2" or "q1" or "q2" or "q3" or "q4" or "th" ? (year, parts[1]) : null;
    }

    private static IEnumerable<(string Code, string Label, DateOnly Start, DateOnly End)> Slots(int year, EvaluationCadence cadence)
    {
        switch (cadence)
        {
            case EvaluationCadence.Triwulanan:
                string[] roman = ["I", "II", "III", "IV"];
                for (var q = 0; q < 4; q++)
                {
                    var start = new DateOnly(year, (q * 3) + 1, 1);
                    yield return ($"{year}-q{q + 1}", $"Triwulan {roman[q]} {year}", start, start.AddMonths(3).AddDays(-1));
                }
                break;
            case EvaluationCadence.Tahunan:
                yield return ($"{year}-th", $"Tahun {year}", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
                break;
            default:
                yield return ($"{year}-s1", $"Semester I {year}", new DateOnly(year, 1, 1), new DateOnly(year, 6, 30));
                yield return ($"{year}-s2", $"Semester II {year}", new DateOnly(year, 7, 1), new DateOnly(year, 12, 31));
                break;
        }
    }

    /// <summary>The label of a period code as a person reads it ("2026-s1" → "Semester I 2026"); the code itself when it names no period.</summary>
    public static string LabelOf(string code)
    {
        var c = code.Trim().ToLowerInvariant();
        if (c == FinalCode)
            return "Evaluasi akhir";
        if (SlotOf(c) is not { } slot)
            return code;
        return slot.Part switch
        {
            "s1" => $"Semester I {slot.Year}",
            "s2" => $"Semester II {slot.Year}",
            "th" => $"Tahun {slot.Year}",
            _ => $"Triwulan {new[] { "I", "II", "III", "IV" }[slot.Part[1] - '1']} {slot.Year}",
        };
    }

    /// <summary>"1 Januari 2026 s.d. 30 Juni 2026"</summary>
    public static string Span(EvaluationPeriod period) => $"{Indonesian.Date(period.Start)} s.d. {Indonesian.Date(period.End)}";
}
