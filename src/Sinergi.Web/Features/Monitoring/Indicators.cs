using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// Defining an agreement's indicators and recording their target and realisation per period; the
/// page and the API both call these. Problems are keyed Name, Unit, Baseline, PerformanceIndicatorId,
/// Period, Target, Realisation, Note.
/// </summary>
public static class Indicators
{
    /// <summary>A realisation above this many times its target needs a note: a typo of a zero looks just like a success.</summary>
    public const decimal FarAboveTarget = 2m;

    public sealed record IndicatorDraft(string? Name, string? Unit, decimal? Baseline, int? PerformanceIndicatorId);

    public sealed record ValueDraft(string? Period, decimal? Target, decimal? Realisation, string? Note);

    public static async Task<(Indicator? Indicator, Dictionary<string, string[]> Problems)> AddAsync(AppDbContext db, MonevAgreement agreement,
        IndicatorDraft draft, Actor actor, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var name = Text.Clean(draft.Name);
        var unit = Text.Clean(draft.Unit);
        if (name is null)
            problems[nameof(IndicatorDraft.Name)] = ["Tuliskan apa yang diukur, mis. \"Balita berisiko stunting yang didampingi\"."];
        else if (name.Length > 300)
            problems[nameof(IndicatorDraft.Name)] = ["Nama indikator paling panjang 300 karakter."];
        if (unit is null)
            problems[nameof(IndicatorDraft.Unit)] = ["Satuan wajib diisi, mis. orang, kelurahan, persen."];
        else if (unit.Length > 40)
            problems[nameof(IndicatorDraft.Unit)] = ["Satuan paling panjang 40 karakter."];
        if (draft.Baseline is < 0)
            problems[nameof(IndicatorDraft.Baseline)] = ["Nilai awal tidak boleh negatif."];
        if (draft.PerformanceIndicatorId is int iku && !await db.PerformanceIndicators.IgnoreQueryFilters()
                .AnyAsync(p => p.Id == iku && p.RegionCode == agreement.RegionCode && agreement.OpdIds.Contains(p.OpdId), ct))
            problems[nameof(IndicatorDraft.PerformanceIndicatorId)] = ["Pilih IKU/IKD salah satu OPD penanggung jawab kerja sama ini."];
        if (problems.Count > 0)
            return (null, problems);
        var indicator = new Indicator { AgreementId = agreement.Id, Name = name!, Unit = unit!, Baseline = draft.Baseline, PerformanceIndicatorId = draft.PerformanceIndicatorId };
        db.Indicators.Add(indicator);
        db.AuditEvents.Add(AuditTrail.Entry(db, agreement.RegionCode, AuditEntities.Agreement, agreement.Id, AuditActions.Changed,
            [new AuditChange("Indikator", null, $"{indicator.Name} ({indicator.Unit})")], actor));
        await db.SaveChangesAsync(ct);
        return (indicator, problems);
    }

    /// <summary>Sets the target and realisation of one period (a period the agreement was in force); a realisation far above target needs a note.</summary>
    public static async Task<Dictionary<string, string[]>> RecordAsync(AppDbContext db, MonevAgreement agreement, Indicator indicator, ValueDraft draft,
        DateOnly today, Actor actor, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var period = EvaluationPeriods.Find(agreement.PeriodsOn(today), draft.Period);
        if (period is null)
            problems[ImplementationReports.PeriodField] = [ImplementationReports.NotInForce(draft.Period)];
        if (draft.Target is < 0)
            problems[nameof(ValueDraft.Target)] = ["Target tidak boleh negatif."];
        if (draft.Realisation is < 0)
            problems[nameof(ValueDraft.Realisation)] = ["Realisasi tidak boleh negatif."];
        var note = Text.CleanLines(draft.Note);
        if (draft.Realisation is { } done && draft.Target is { } target && target > 0 && done > target * FarAboveTarget && note is null)
            problems[nameof(ValueDraft.Note)] = [$"Realisasi {Indonesian.Number((long)done)} jauh di atas target {Indonesian.Number((long)target)}: jelaskan di catatan, atau periksa angkanya."];
        if (note?.Length > 1000)
            problems[nameof(ValueDraft.Note)] = ["Catatan paling panjang 1.000 karakter."];
        if (problems.Count > 0)
            return problems;
        var value = indicator.Values.SingleOrDefault(v => v.PeriodCode == period!.Code);
        if (value is null)
            indicator.Values.Add(value = new IndicatorValue { PeriodCode = period!.Code, PeriodEnd = period.End });
        var before = Describe(value, indicator.Unit);
        (value.Target, value.Realisation, value.Note, value.RecordedByName, value.RecordedAt) = (draft.Target, draft.Realisation, note, actor.Name, db.UtcNow);
        db.AuditEvents.Add(AuditTrail.Entry(db, agreement.RegionCode, AuditEntities.Agreement, agreement.Id, AuditActions.Changed,
            [new AuditChange($"Indikator {indicator.Name}, {period!.Label}", before, Describe(value, indicator.Unit))], actor));
        // The realisation and the agreement's monev summary commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await MonevSummaries.RefreshAsync(db, agreement.Id, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return problems;
    }

    private static string? Describe(IndicatorValue value, string unit) => value.Target is null && value.Realisation is null ? null
        : $"target {Amount(value.Target)}, realisasi {Amount(value.Realisation)} {unit}";

    public static string Amount(decimal? value) => value is { } v ? v.ToString("#,0.##", Indonesian.Culture) : "—";

    /// <summary>Achieved when the realisation reaches the target.</summary>
    public static bool Achieved(IndicatorValue value) => value is { Target: { } t, Realisation: { } r } && r >= t;
}
