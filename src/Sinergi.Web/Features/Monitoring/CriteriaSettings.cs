using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// Changing a region's criteria of one judgement, for the settings page and the API alike. Codes are
/// stable: a criterion or option that names its code keeps it, an option whose label is unchanged
/// keeps its code, and a new one gets a code made of its label (unique within the list). Submitted
/// assessments keep their own copy of the criteria, so a change shapes new forms only; drafts keep
/// the answers to questions still asked. The impact score reads only the rating, never an answer,
/// so no change here moves a score.
/// </summary>
public static class CriteriaSettings
{
    public const int MaxCriteria = 30;
    public const int MaxOptions = 10;
    public const int MaxLabel = 200;
    public const int MaxOptionLabel = 100;

    public sealed record OptionInput(string? Code, string? Label);

    public sealed record CriterionInput(string? Code, string? Label, IReadOnlyList<OptionInput>? Options);

    /// <summary>
    /// The criteria the inputs describe, in their order, or the problems keyed <c>[i].Label</c>,
    /// <c>[i].Options</c> (i the input's index) and "" for the whole list.
    /// </summary>
    public static (List<Criterion> Criteria, Dictionary<string, string[]> Problems) Build(IReadOnlyList<Criterion> current, IReadOnlyList<CriterionInput> inputs)
    {
        var problems = new Dictionary<string, string[]>();
        var built = new List<Criterion>();
        if (inputs.Count == 0)
            problems[""] = ["Isi paling sedikit satu kriteria."];
        else if (inputs.Count > MaxCriteria)
            problems[""] = [$"Paling banyak {MaxCriteria} kriteria."];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var label = Text.Clean(input.Label);
            if (label is null)
                problems[$"[{i}].Label"] = [$"Kriteria {i + 1}: nama kriteria wajib diisi."];
            else if (label.Length > MaxLabel)
                problems[$"[{i}].Label"] = [$"Kriteria {i + 1}: nama kriteria paling panjang {MaxLabel} karakter."];
            var name = label ?? $"Kriteria {i + 1}";
            var options = (input.Options ?? []).Select(o => (o.Code, Label: Text.Clean(o.Label))).ToList();
            var optionProblem = options.Any(o => o.Label is null) ? $"{name}: setiap pilihan jawaban wajib diberi label."
                : options.Count < 2 ? $"{name}: isi paling sedikit dua pilihan jawaban."
                : options.Count > MaxOptions ? $"{name}: paling banyak {MaxOptions} pilihan jawaban."
                : options.Any(o => o.Label!.Length > MaxOptionLabel) ? $"{name}: label pilihan paling panjang {MaxOptionLabel} karakter."
                : options.Select(o => o.Label!.ToLowerInvariant()).Distinct().Count() < options.Count ? $"{name}: pilihan jawaban tidak boleh sama."
                : null;
            if (optionProblem is not null)
                problems[$"[{i}].Options"] = [optionProblem];
            if (label is null || optionProblem is not null || label.Length > MaxLabel)
                continue;
            var known = current.FirstOrDefault(c => c.Code == input.Code?.Trim());
            var code = Unique(known?.Code ?? AssessmentCriteria.CodeOf(label), codes);
            var optionCodes = new HashSet<string>(StringComparer.Ordinal);
            var made = options.Select(o =>
            {
                var same = known?.Options.FirstOrDefault(k => k.Code == o.Code?.Trim())
                    ?? known?.Options.FirstOrDefault(k => string.Equals(k.Label, o.Label, StringComparison.OrdinalIgnoreCase));
                return new CriterionOption(Unique(same?.Code ?? AssessmentCriteria.CodeOf(o.Label!), optionCodes), o.Label!);
            }).ToList();
            built.Add(new Criterion(code, label, made));
        }
        return (built, problems);
    }

    private static string Unique(string code, HashSet<string> taken)
    {
        var candidate = code;
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{code}-{n}";
        return candidate;
    }

    /// <summary>Validates and saves the region's criteria of one judgement; nothing is saved when there is a problem.</summary>
    public static async Task<Dictionary<string, string[]>> SaveAsync(AppDbContext db, string regionCode, AssessmentKind kind, IReadOnlyList<CriterionInput> inputs,
        CancellationToken ct = default)
    {
        var current = await AssessmentCriteria.ForRegionAsync(db, regionCode, kind, ct);
        var (criteria, problems) = Build(current, inputs);
        if (problems.Count > 0)
            return problems;
        var row = await db.RegionCriteria.SingleOrDefaultAsync(c => c.RegionCode == regionCode && c.Kind == kind, ct);
        if (row is null)
            db.RegionCriteria.Add(row = new RegionCriteria { RegionCode = regionCode, Kind = kind });
        row.Criteria = criteria;
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Back to the defaults: the region's own row is removed.</summary>
    public static async Task ResetAsync(AppDbContext db, string regionCode, AssessmentKind kind, CancellationToken ct = default) =>
        await db.RegionCriteria.Where(c => c.RegionCode == regionCode && c.Kind == kind).ExecuteDeleteAsync(ct);

    public static async Task<bool> IsOwnAsync(AppDbContext db, string regionCode, AssessmentKind kind, CancellationToken ct = default) =>
        await db.RegionCriteria.AnyAsync(c => c.RegionCode == regionCode && c.Kind == kind, ct);
}
