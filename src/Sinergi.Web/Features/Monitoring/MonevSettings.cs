using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Monitoring;

/// <summary>How often agreements are evaluated while they run.</summary>
public enum EvaluationCadence
{
    /// <summary>Semester I and II of each budget year: the default, twice a year as the good regions do.</summary>
    Semesteran,
    Triwulanan,
    Tahunan,
}

/// <summary>A region's choices for monitoring and evaluation; a region without a row has the defaults.</summary>
public class MonevSettings
{
    public const int DefaultDueDays = 15;
    public const int DefaultFormalitasMonths = 6;

    public required string RegionCode { get; set; }
    public EvaluationCadence Cadence { get; set; } = EvaluationCadence.Semesteran;
    /// <summary>Days after a period's end by which its reports are due.</summary>
    public int DueDays { get; set; } = DefaultDueDays;
    /// <summary>Months in force without any activity after which an agreement is flagged formalitas.</summary>
    public int FormalitasMonths { get; set; } = DefaultFormalitasMonths;
    /// <summary>Periods ending before this day are not due: a region that starts monev today is not shown years of overdue periods.</summary>
    public DateOnly? MonevStartsOn { get; set; }
    /// <summary>The weights of the impact score's parts (<see cref="ImpactScore"/>); they add up to 100.</summary>
    public int WeightRating { get; set; } = ImpactWeights.Default.Rating;
    public int WeightIndicators { get; set; } = ImpactWeights.Default.Indicators;
    public int WeightActivity { get; set; } = ImpactWeights.Default.Activity;
    public int WeightOnTime { get; set; } = ImpactWeights.Default.OnTime;

    public ImpactWeights Weights => new(WeightRating, WeightIndicators, WeightActivity, WeightOnTime);

    public static string Label(EvaluationCadence cadence) => cadence switch
    {
        EvaluationCadence.Triwulanan => "Triwulanan (empat kali setahun)",
        EvaluationCadence.Tahunan => "Tahunan (sekali setahun)",
        _ => "Semesteran (dua kali setahun)",
    };

    /// <summary>The region's settings, or the defaults when it chose none.</summary>
    public static async Task<MonevSettings> ForRegionAsync(AppDbContext db, string regionCode, CancellationToken ct = default) =>
        await db.MonevSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode, ct)
        ?? new MonevSettings { RegionCode = regionCode };
}

/// <summary>An agreement evaluated on another cadence than its region's default.</summary>
public class EvaluationSchedule
{
    public int AgreementId { get; set; }
    public EvaluationCadence Cadence { get; set; }
}

internal sealed class MonevSettingsConfiguration : IEntityTypeConfiguration<MonevSettings>
{
    public void Configure(EntityTypeBuilder<MonevSettings> settings)
    {
        settings.HasKey(s => s.RegionCode);
        settings.Property(s => s.RegionCode).HasMaxLength(5);
        settings.Property(s => s.Cadence).HasConversion<string>().HasMaxLength(12);
        settings.HasOne<Region>().WithOne().HasForeignKey<MonevSettings>(s => s.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationScheduleConfiguration : IEntityTypeConfiguration<EvaluationSchedule>
{
    public void Configure(EntityTypeBuilder<EvaluationSchedule> schedule)
    {
        schedule.HasKey(s => s.AgreementId);
        schedule.Property(s => s.Cadence).HasConversion<string>().HasMaxLength(12);
        schedule.HasOne<Agreement>().WithOne().HasForeignKey<EvaluationSchedule>(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}
