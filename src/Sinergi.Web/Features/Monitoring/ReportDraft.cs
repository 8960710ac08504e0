using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>An activity as typed; a row left wholly empty is no activity.</summary>
public sealed record ActivityDraft(DateOnly? Date, string? Description, string? Place, string? Participants)
{
    public bool IsEmpty => Date is null && Description is null && Place is null && Participants is null;
}

/// <summary>
/// What the OPD writes in a laporan pelaksanaan, from the form or the API. Problems are keyed by
/// these property names (activities as <c>Activities[0].Date</c>); each caller names them as its form or body does.
/// </summary>
public sealed class ReportDraft
{
    public string? Outputs { get; init; }
    public int? ProgressPercent { get; init; }
    public string? Realisation { get; init; }
    public string? UseOfResults { get; init; }
    public string? Obstacles { get; init; }
    public string? Sustainability { get; init; }
    public IReadOnlyList<ActivityDraft> Activities { get; init; } = [];

    /// <summary>Labels as the form shows them, for messages that list what is missing.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        [nameof(Outputs)] = "Keluaran (output)",
        [nameof(ProgressPercent)] = "Kemajuan (%)",
        [nameof(Realisation)] = "Realisasi terhadap rencana",
        [nameof(UseOfResults)] = "Pemanfaatan hasil",
        [nameof(Obstacles)] = "Kendala yang dihadapi",
        [nameof(Sustainability)] = "Keberlanjutan",
    };

    /// <summary>Text cleaned the way every input is; empty activity rows dropped.</summary>
    public ReportDraft Normalized() => new()
    {
        Outputs = Text.CleanLines(Outputs),
        ProgressPercent = ProgressPercent,
        Realisation = Text.CleanLines(Realisation),
        UseOfResults = Text.CleanLines(UseOfResults),
        Obstacles = Text.CleanLines(Obstacles),
        Sustainability = Text.CleanLines(Sustainability),
        Activities = Activities.Select(a => new ActivityDraft(a.Date, Text.CleanLines(a.Description), Text.Clean(a.Place), Text.CleanLines(a.Participants)))
            .Where(a => !a.IsEmpty).ToList(),
    };

    /// <summary>What is wrong whether saved as a draft or submitted.</summary>
    public Dictionary<string, string[]> Problems(EvaluationPeriod period)
    {
        var problems = new Dictionary<string, string[]>();
        if (ProgressPercent is < 0 or > 100)
            problems[nameof(ProgressPercent)] = ["Kemajuan diisi dalam persen, dari 0 sampai 100."];
        foreach (var (field, value) in Texts())
            if (value?.Length > ImplementationReport.MaxText)
                problems[field] = [$"{Labels[field]} paling panjang {Indonesian.Number(ImplementationReport.MaxText)} karakter."];
        for (var i = 0; i < Activities.Count; i++)
        {
            var activity = Activities[i];
            if (activity.Date is not { } date)
                problems[$"Activities[{i}].Date"] = [$"Kegiatan {i + 1}: tanggal wajib diisi."];
            else if (date < period.Start || date > period.End)
                problems[$"Activities[{i}].Date"] = [$"Kegiatan {i + 1}: tanggal harus di dalam periode ({EvaluationPeriods.Span(period)})."];
            if (activity.Description is null)
                problems[$"Activities[{i}].Description"] = [$"Kegiatan {i + 1}: tuliskan apa yang dilakukan."];
            else if (activity.Description.Length > 1000)
                problems[$"Activities[{i}].Description"] = [$"Kegiatan {i + 1}: uraian paling panjang 1.000 karakter."];
            if (activity.Place?.Length > 300)
                problems[$"Activities[{i}].Place"] = [$"Kegiatan {i + 1}: tempat paling panjang 300 karakter."];
            if (activity.Participants?.Length > 1000)
                problems[$"Activities[{i}].Participants"] = [$"Kegiatan {i + 1}: peserta paling panjang 1.000 karakter."];
        }
        return problems;
    }

    /// <summary>The answers a submitted report must have; each missing one is named, and the whole list is said once.</summary>
    public Dictionary<string, string[]> MissingForSubmit()
    {
        var missing = Texts().Where(t => t.Field != nameof(Obstacles) && t.Value is null).Select(t => t.Field).ToList();
        if (ProgressPercent is null)
            missing.Insert(1, nameof(ProgressPercent));
        var problems = missing.ToDictionary(f => f, f => new[] { $"{Labels[f]} wajib diisi sebelum laporan dikirim." });
        if (missing.Count > 0)
            problems[""] = [$"Laporan belum dapat dikirim. Lengkapi dahulu: {string.Join(", ", missing.Select(f => Labels[f]))}."];
        return problems;
    }

    public void ApplyTo(ImplementationReport report)
    {
        report.Outputs = Outputs;
        report.ProgressPercent = ProgressPercent;
        report.Realisation = Realisation;
        report.UseOfResults = UseOfResults;
        report.Obstacles = Obstacles;
        report.Sustainability = Sustainability;
        report.Activities.Clear();
        report.Activities.AddRange(Activities.Select(a => new ReportActivity
        {
            Date = a.Date!.Value, Description = a.Description!, Place = a.Place, Participants = a.Participants,
        }));
    }

    public static ReportDraft Of(ImplementationReport report) => new()
    {
        Outputs = report.Outputs,
        ProgressPercent = report.ProgressPercent,
        Realisation = report.Realisation,
        UseOfResults = report.UseOfResults,
        Obstacles = report.Obstacles,
        Sustainability = report.Sustainability,
        Activities = report.Activities.OrderBy(a => a.Date).ThenBy(a => a.Id)
            .Select(a => new ActivityDraft(a.Date, a.Description, a.Place, a.Participants)).ToList(),
    };

    private IEnumerable<(string Field, string? Value)> Texts() =>
    [
        (nameof(Outputs), Outputs), (nameof(Realisation), Realisation), (nameof(UseOfResults), UseOfResults),
        (nameof(Obstacles), Obstacles), (nameof(Sustainability), Sustainability),
    ];
}
