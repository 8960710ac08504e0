using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>What the owner region's report of one period showed: when it was first submitted (the region's day) and whether it records an activity.</summary>
public sealed record PeriodFact(string Code, DateOnly? SubmittedOn, bool Activity);

/// <summary>
/// A small row per agreement with what the registry list needs of its monev: whether anything
/// happened at all (the formalitas rule) and the facts the impact score is reckoned from. It is
/// rewritten in the same transaction as every report, assessment and realisation save
/// (<see cref="MonevSummaries.RefreshAsync"/>), so the list reads one row by key instead of
/// walking the reports of every agreement; a change to it raises the registry version.
/// </summary>
public class MonevSummary
{
    public int AgreementId { get; set; }
    /// <summary>Any report revision (draft or submitted, of any party) lists an activity.</summary>
    public bool HasActivity { get; set; }
    public bool HasSubmittedReport { get; set; }
    /// <summary>Any indicator has a realisation recorded.</summary>
    public bool HasRealisation { get; set; }
    /// <summary>Any of the three: the formalitas rule reads this one column.</summary>
    public bool Alive { get; set; }
    public int? LatestRating { get; set; }
    public string? LatestRatingPeriod { get; set; }
    /// <summary>Indicators with a target and a realisation in some period; of those, achieved in their latest such period.</summary>
    public int IndicatorsMeasured { get; set; }
    public int IndicatorsAchieved { get; set; }
    public List<PeriodFact> Periods { get; set; } = [];
}

internal sealed class MonevSummaryConfiguration : IEntityTypeConfiguration<MonevSummary>
{
    public void Configure(EntityTypeBuilder<MonevSummary> summary)
    {
        summary.HasKey(s => s.AgreementId);
        summary.Property(s => s.AgreementId).ValueGeneratedNever();
        summary.Property(s => s.LatestRatingPeriod).HasMaxLength(10);
        summary.Property(s => s.Periods).HasMaxLength(4000).HasConversion(
            periods => JsonSerializer.Serialize(periods, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<PeriodFact>>(json, JsonSerializerOptions.Default) ?? new List<PeriodFact>(),
            new ValueComparer<List<PeriodFact>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, p) => HashCode.Combine(h, p)), l => l.ToList()));
        summary.HasOne<Agreement>().WithOne().HasForeignKey<MonevSummary>(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

public static class MonevSummaries
{
    /// <summary>
    /// Reads the agreement's saved reports, judgements and realisations afresh and writes its
    /// summary. Call it inside the save's transaction after the first save, then save again: the
    /// summary commits with what changed it, or not at all.
    /// </summary>
    public static async Task RefreshAsync(AppDbContext db, int agreementId, CancellationToken ct = default)
    {
        var owner = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == agreementId).Select(a => a.RegionCode).SingleOrDefaultAsync(ct);
        if (owner is null)
            return;
        var zone = RegionClock.ZoneOf(owner);
        var reports = await db.ImplementationReports.IgnoreQueryFilters().AsNoTracking().Where(r => r.AgreementId == agreementId)
            .Select(r => new { r.RegionCode, r.PeriodCode, r.State, r.SubmittedAt, Activities = r.Activities.Count }).ToListAsync(ct);
        var rating = await db.Assessments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.AgreementId == agreementId && a.RegionCode == owner && a.Kind == AssessmentKind.Evaluasi && a.State == ReportState.Dikirim && a.Rating != null)
            .OrderByDescending(a => a.PeriodEnd).ThenByDescending(a => a.Revision).Select(a => new { a.Rating, a.PeriodCode }).FirstOrDefaultAsync(ct);
        var values = await db.Indicators.IgnoreQueryFilters().AsNoTracking().Where(i => i.AgreementId == agreementId)
            .SelectMany(i => i.Values, (i, v) => new { i.Id, v.PeriodEnd, v.Target, v.Realisation }).ToListAsync(ct);
        var measured = values.Where(v => v.Target != null && v.Realisation != null).GroupBy(v => v.Id).Select(g => g.MaxBy(v => v.PeriodEnd)!).ToList();

        var summary = await db.Set<MonevSummary>().SingleOrDefaultAsync(s => s.AgreementId == agreementId, ct);
        if (summary is null)
            db.Set<MonevSummary>().Add(summary = new MonevSummary { AgreementId = agreementId });
        summary.HasActivity = reports.Any(r => r.Activities > 0);
        summary.HasSubmittedReport = reports.Any(r => r.State == ReportState.Dikirim);
        summary.HasRealisation = values.Any(v => v.Realisation != null);
        summary.Alive = summary.HasActivity || summary.HasSubmittedReport || summary.HasRealisation;
        summary.LatestRating = rating?.Rating;
        summary.LatestRatingPeriod = rating?.PeriodCode;
        summary.IndicatorsMeasured = measured.Count;
        summary.IndicatorsAchieved = measured.Count(v => v.Realisation >= v.Target);
        var periods = reports.Where(r => r.RegionCode == owner).GroupBy(r => r.PeriodCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new PeriodFact(g.Key,
                g.Where(r => r.SubmittedAt != null).Select(r => (DateOnly?)DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(
                    DateTime.SpecifyKind(r.SubmittedAt!.Value, DateTimeKind.Utc), zone))).Min(),
                g.Any(r => r.Activities > 0)))
            .ToList();
        // Set only when different: an unchanged summary stays unmodified and leaves the registry version alone.
        if (!summary.Periods.SequenceEqual(periods))
            summary.Periods = periods;
    }

    /// <summary>
    /// Writes the summary of every agreement that has reports, judgements or realisations but no
    /// summary: a database that had monev rows before summaries were kept, or rows written
    /// directly (the demo), gets its scores and flags. Idempotent and cheap when nothing is missing.
    /// </summary>
    public static async Task<int> BackfillAsync(AppDbContext db, string? regionCode = null, CancellationToken ct = default)
    {
        var summarised = db.Set<MonevSummary>().Select(s => s.AgreementId);
        var agreements = db.Agreements.IgnoreQueryFilters().Where(a => !summarised.Contains(a.Id));
        if (regionCode is not null)
            agreements = agreements.Where(a => a.RegionCode == regionCode);
        var ids = await agreements
            .Where(a => db.ImplementationReports.IgnoreQueryFilters().Any(r => r.AgreementId == a.Id)
                || db.Assessments.IgnoreQueryFilters().Any(r => r.AgreementId == a.Id)
                || db.Indicators.IgnoreQueryFilters().Any(i => i.AgreementId == a.Id && i.Values.Any()))
            .Select(a => a.Id).ToListAsync(ct);
        foreach (var id in ids)
            await RefreshAsync(db, id, ct);
        if (ids.Count > 0)
            await db.SaveChangesAsync(ct);
        return ids.Count;
    }

    /// <summary>The summaries of some agreements (none for one that never had a monev save).</summary>
    public static Task<Dictionary<int, MonevSummary>> ForAsync(AppDbContext db, IReadOnlyCollection<int> agreementIds, CancellationToken ct = default) =>
        db.Set<MonevSummary>().AsNoTracking().Where(s => agreementIds.Contains(s.AgreementId)).ToDictionaryAsync(s => s.AgreementId, ct);
}
