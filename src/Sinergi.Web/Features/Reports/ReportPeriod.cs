using System.Text.Json.Serialization;
using Sinergi.Web;

namespace Sinergi.Features.Reports;

public enum ReportPeriodKind
{
    Semester1,
    Semester2,
    Tahun,
}

/// <summary>
/// The period of a Laporan Pelaksanaan Kerja Sama Daerah: a semester (January–June, July–December)
/// or a whole year. Reports of a period that has passed are judged on its last day; a period still
/// running is judged on the region's today (<see cref="AsOf"/>).
/// </summary>
public sealed record ReportPeriod(int Year, ReportPeriodKind Kind)
{
    public const int FirstYear = 2000;

    /// <summary>The last year a report can be of: the registry holds no date after it (<see cref="Agreements.AgreementDates"/>).</summary>
    public static readonly int LastYear = Agreements.AgreementDates.Latest.Year;

    public static bool IsReportYear(int year) => year >= FirstYear && year <= LastYear;

    public DateOnly From => Kind == ReportPeriodKind.Semester2 ? new DateOnly(Year, 7, 1) : new DateOnly(Year, 1, 1);

    public DateOnly Until => Kind == ReportPeriodKind.Semester1 ? new DateOnly(Year, 6, 30) : new DateOnly(Year, 12, 31);

    /// <summary>The value the URL and the API use: <c>s1</c>, <c>s2</c>, <c>tahun</c>.</summary>
    public string Slug => Kind switch
    {
        ReportPeriodKind.Semester1 => "s1",
        ReportPeriodKind.Semester2 => "s2",
        _ => "tahun",
    };

    /// <summary>"Semester I 2026", "Semester II 2026", "Tahun 2026".</summary>
    public string Name => Kind switch
    {
        ReportPeriodKind.Semester1 => $"Semester I {Year}",
        ReportPeriodKind.Semester2 => $"Semester II {Year}",
        _ => $"Tahun {Year}",
    };

    /// <summary>"1 Januari 2026 s.d. 30 Juni 2026".</summary>
    public string Range => $"{Indonesian.Date(From)} s.d. {Indonesian.Date(Until)}";

    /// <summary>The day whose status the report shows: the last day of a past period, today in a running one.</summary>
    public DateOnly AsOf(DateOnly today) => today < Until ? today : Until;

    /// <summary>A report can be made once its period has begun.</summary>
    public bool HasBegun(DateOnly today) => From <= today;

    [JsonIgnore]
    public string FileName => $"{Year}-{Slug}";

    public static ReportPeriodKind? KindFromSlug(string? slug) => slug?.Trim().ToLowerInvariant() switch
    {
        "s1" => ReportPeriodKind.Semester1,
        "s2" => ReportPeriodKind.Semester2,
        "tahun" => ReportPeriodKind.Tahun,
        _ => null,
    };

    /// <summary>The period that holds <paramref name="today"/> (its semester), for a default choice.</summary>
    public static ReportPeriod Current(DateOnly today) =>
        new(today.Year, today.Month <= 6 ? ReportPeriodKind.Semester1 : ReportPeriodKind.Semester2);

    /// <summary>The latest periods that have begun, newest first: semesters and years of this and last year.</summary>
    public static IReadOnlyList<ReportPeriod> Recent(DateOnly today) =>
        new[] { today.Year, today.Year - 1 }
            .SelectMany(y => new[] { new ReportPeriod(y, ReportPeriodKind.Semester2), new ReportPeriod(y, ReportPeriodKind.Semester1), new ReportPeriod(y, ReportPeriodKind.Tahun) })
            .Where(p => p.HasBegun(today))
            .ToList();
}
