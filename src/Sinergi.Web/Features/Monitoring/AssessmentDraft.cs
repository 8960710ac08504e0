using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// A lokus review or an evaluation as typed. Problems are keyed <c>Answers.kode</c>,
/// <c>Findings</c>, <c>Recommendation</c>, <c>Rating</c>, or "" for the whole.
/// </summary>
public sealed class AssessmentDraft
{
    public Dictionary<string, string?> Answers { get; init; } = [];
    public string? Findings { get; init; }
    public string? Recommendation { get; init; }
    public int? Rating { get; init; }

    public AssessmentDraft Normalized() => new()
    {
        Answers = Answers.Where(a => !string.IsNullOrWhiteSpace(a.Value)).ToDictionary(a => a.Key.Trim().ToLowerInvariant(), a => (string?)a.Value!.Trim().ToLowerInvariant()),
        Findings = Text.CleanLines(Findings),
        Recommendation = string.IsNullOrWhiteSpace(Recommendation) ? null : Recommendation.Trim().ToLowerInvariant(),
        Rating = Rating,
    };

    /// <summary>The draft without the answers that <paramref name="criteria"/> no longer ask, or whose option they no longer offer.</summary>
    public AssessmentDraft Within(IReadOnlyList<Criterion> criteria) => new()
    {
        Answers = Answers.Where(a => criteria.Any(c => c.Code == a.Key && c.Options.Any(o => o.Code == a.Value))).ToDictionary(a => a.Key, a => a.Value),
        Findings = Findings,
        Recommendation = Recommendation,
        Rating = Rating,
    };

    public Dictionary<string, string[]> Problems(AssessmentKind kind, IReadOnlyList<Criterion> criteria)
    {
        var problems = new Dictionary<string, string[]>();
        foreach (var (code, answer) in Answers)
        {
            if (criteria.FirstOrDefault(c => c.Code == code) is not { } criterion)
                problems[$"Answers.{code}"] = [$"Kriteria \"{code}\" tidak dikenal."];
            else if (criterion.Options.All(o => o.Code != answer))
                problems[$"Answers.{code}"] = [$"{criterion.Label}: pilih salah satu dari {string.Join(", ", criterion.Options.Select(o => o.Label))}."];
        }
        if (Recommendation is not null && AssessmentCriteria.Recommendations(kind).All(r => r.Code != Recommendation))
            problems[nameof(Recommendation)] = [$"Rekomendasi harus salah satu dari: {string.Join(", ", AssessmentCriteria.Recommendations(kind).Select(r => r.Label.ToLowerInvariant()))}."];
        if (kind == AssessmentKind.Evaluasi && Rating is < 1 or > 5)
            problems[nameof(Rating)] = ["Penilaian diisi dari 1 sampai 5."];
        if (Findings?.Length > ImplementationReport.MaxText)
            problems[nameof(Findings)] = [$"{AssessmentCriteria.FindingsLabel(kind)} paling panjang {Indonesian.Number(ImplementationReport.MaxText)} karakter."];
        return problems;
    }

    /// <summary>Every criterion answered, a recommendation, findings for a review and a rating for an evaluation; the missing ones are listed.</summary>
    public Dictionary<string, string[]> MissingForSubmit(AssessmentKind kind, IReadOnlyList<Criterion> criteria)
    {
        var missing = new List<(string Field, string Label)>();
        missing.AddRange(criteria.Where(c => !Answers.ContainsKey(c.Code)).Select(c => ($"Answers.{c.Code}", c.Label)));
        if (kind == AssessmentKind.Telaah && Findings is null)
            missing.Add((nameof(Findings), AssessmentCriteria.FindingsLabel(kind)));
        if (kind == AssessmentKind.Evaluasi && Rating is null)
            missing.Add((nameof(Rating), "Penilaian (1–5)"));
        if (Recommendation is null)
            missing.Add((nameof(Recommendation), "Rekomendasi"));
        var problems = missing.ToDictionary(m => m.Field, m => new[] { $"{m.Label} wajib diisi sebelum dikirim." });
        if (missing.Count > 0)
            problems[""] = [$"Belum dapat dikirim. Lengkapi dahulu: {string.Join(", ", missing.Select(m => m.Label))}."];
        return problems;
    }

    /// <summary>Writes the draft into the revision, with a copy of the criteria it answers.</summary>
    public void ApplyTo(Assessment assessment, IReadOnlyList<Criterion> criteria)
    {
        assessment.Answers = Answers.ToDictionary(a => a.Key, a => a.Value!);
        assessment.Criteria = [.. criteria];
        assessment.Findings = Findings;
        assessment.Recommendation = Recommendation;
        assessment.Rating = assessment.Kind == AssessmentKind.Evaluasi ? Rating : null;
    }

    public static AssessmentDraft Of(Assessment assessment) => new()
    {
        Answers = assessment.Answers.ToDictionary(a => a.Key, a => (string?)a.Value),
        Findings = assessment.Findings,
        Recommendation = assessment.Recommendation,
        Rating = assessment.Rating,
    };
}
