using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>How much each part counts in the impact score; a region's own on /Settings/Monev, adding up to 100.</summary>
public sealed record ImpactWeights(int Rating, int Indicators, int Activity, int OnTime)
{
    public static readonly ImpactWeights Default = new(40, 30, 15, 15);

    public int Total => Rating + Indicators + Activity + OnTime;
}

/// <summary>One part of the score: its value 0–100 (null when there is nothing to measure yet), its weight, and what it was reckoned from.</summary>
public sealed record ImpactPart(string Name, int? Value, int Weight, string Basis);

/// <summary>
/// An agreement's impact score from 0 to 100 and its parts. Each part is 0–100: the latest rating
/// of the admin's evaluation (rating × 20), the share of indicators achieved in their latest
/// measured period, the share of the last two ended periods whose report records an activity, and
/// the share of due periods whose report was submitted by its due date. The score is the weighted
/// mean of the parts that can be measured; a part with nothing to measure yet is left out and the
/// others' weights count in its place. With no part measurable there is no score yet.
/// </summary>
public sealed record ImpactScore(int? Score, IReadOnlyList<ImpactPart> Parts)
{
    public const string HowReckoned =
        "Skor dampak 0–100 adalah rata-rata berbobot dari empat bagian, masing-masing 0–100: penilaian evaluasi terakhir (nilai 1–5 dikali 20), "
        + "bagian indikator yang tercapai pada periode terakhir yang diukur, bagian dari dua periode terakhir yang sudah berakhir yang laporannya mencatat kegiatan, "
        + "dan bagian periode yang sudah jatuh tempo yang laporannya dikirim tepat waktu. Bagian yang belum dapat diukur (mis. belum ada indikator) tidak dihitung "
        + "dan bobotnya dibagi ke bagian lain; bila belum ada bagian yang dapat diukur, skor belum ada.";

    /// <summary>The score of an agreement from its periods (as due on <paramref name="today"/>) and its summary (none yet: nothing recorded).</summary>
    public static ImpactScore Of(IReadOnlyList<EvaluationPeriod> periods, MonevSummary? summary, ImpactWeights weights, DateOnly today)
    {
        var facts = (summary?.Periods ?? []).ToDictionary(p => p.Code);
        var rating = summary?.LatestRating;
        var ratingPart = new ImpactPart("Penilaian terakhir", rating * 20, weights.Rating,
            rating is int r ? $"nilai {r} dari 5" : "belum ada evaluasi");
        var measured = summary?.IndicatorsMeasured ?? 0;
        var indicatorPart = new ImpactPart("Indikator tercapai", measured == 0 ? null : Percent(summary!.IndicatorsAchieved, measured), weights.Indicators,
            measured == 0 ? "belum ada indikator dengan target dan realisasi" : $"{summary!.IndicatorsAchieved} dari {measured} indikator");
        var lastTwo = periods.Where(p => !p.IsFinal && p.HasEndedOn(today)).OrderByDescending(p => p.End).Take(2).ToList();
        var active = lastTwo.Count(p => facts.GetValueOrDefault(p.Code)?.Activity == true);
        var activityPart = new ImpactPart("Kegiatan dua periode terakhir", lastTwo.Count == 0 ? null : Percent(active, lastTwo.Count), weights.Activity,
            lastTwo.Count == 0 ? "belum ada periode yang berakhir" : $"{active} dari {lastTwo.Count} periode ({string.Join(", ", lastTwo.Select(p => p.Label))})");
        var due = periods.Where(p => p.IsOverdueOn(today)).ToList();
        var onTime = due.Count(p => facts.GetValueOrDefault(p.Code)?.SubmittedOn is { } sent && sent <= p.DueOn);
        var onTimePart = new ImpactPart("Laporan tepat waktu", due.Count == 0 ? null : Percent(onTime, due.Count), weights.OnTime,
            due.Count == 0 ? "belum ada periode yang jatuh tempo" : $"{onTime} dari {due.Count} laporan");
        List<ImpactPart> parts = [ratingPart, indicatorPart, activityPart, onTimePart];
        var counted = parts.Where(p => p.Value is not null && p.Weight > 0).ToList();
        var weight = counted.Sum(p => p.Weight);
        int? score = weight == 0 ? null : (int)Math.Round(counted.Sum(p => (decimal)p.Value!.Value * p.Weight) / weight, MidpointRounding.AwayFromZero);
        return new ImpactScore(score, parts);
    }

    private static int Percent(int part, int whole) => (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);

    /// <summary>"72" or "—" (not yet).</summary>
    public string Label => Score is int s ? s.ToString(Indonesian.Culture) : "—";

    /// <summary>A colour that repeats what the number says (never the only cue).</summary>
    public string Badge => Score switch
    {
        null => "text-bg-secondary",
        >= 70 => "text-bg-success",
        >= 40 => "text-bg-warning",
        _ => "text-bg-danger",
    };
}
