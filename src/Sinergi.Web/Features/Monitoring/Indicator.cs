using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>What an agreement measures: its unit, its baseline, and a target and realisation per evaluation period.</summary>
public class Indicator : IVersioned, ITimestamped
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public decimal? Baseline { get; set; }
    /// <summary>The OPD's performance indicator (IKU/IKD) this one feeds, when linked.</summary>
    public int? PerformanceIndicatorId { get; set; }
    public PerformanceIndicator? PerformanceIndicator { get; set; }
    public List<IndicatorValue> Values { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>An indicator's target and realisation in one period, recorded with the period's report.</summary>
public class IndicatorValue
{
    public int IndicatorId { get; set; }
    public required string PeriodCode { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public decimal? Target { get; set; }
    public decimal? Realisation { get; set; }
    public string? Note { get; set; }
    public string? RecordedByName { get; set; }
    public DateTime RecordedAt { get; set; }
}

/// <summary>An OPD's performance indicator (IKU/IKD) of a year, kept by the region's admin.</summary>
public class PerformanceIndicator : IRegionOwned
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string Unit { get; set; }
    public int Year { get; set; }
    public decimal? Target { get; set; }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> indicator)
    {
        indicator.Property(i => i.Name).HasMaxLength(300);
        indicator.Property(i => i.Unit).HasMaxLength(40);
        indicator.Property(i => i.Baseline).HasPrecision(18, 2);
        indicator.HasOne(i => i.Agreement).WithMany().HasForeignKey(i => i.AgreementId).OnDelete(DeleteBehavior.Cascade);
        indicator.HasOne(i => i.PerformanceIndicator).WithMany().HasForeignKey(i => i.PerformanceIndicatorId).OnDelete(DeleteBehavior.SetNull);
        indicator.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> value)
    {
        value.HasKey(v => new { v.IndicatorId, v.PeriodCode });
        value.Property(v => v.PeriodCode).HasMaxLength(10);
        value.Property(v => v.Target).HasPrecision(18, 2);
        value.Property(v => v.Realisation).HasPrecision(18, 2);
        value.Property(v => v.Note).HasMaxLength(1000);
        value.Property(v => v.RecordedByName).HasMaxLength(120);
    }
}

internal sealed class PerformanceIndicatorConfiguration : IEntityTypeConfiguration<PerformanceIndicator>
{
    public void Configure(EntityTypeBuilder<PerformanceIndicator> iku)
    {
        iku.Property(i => i.RegionCode).HasMaxLength(5);
        iku.Property(i => i.Code).HasMaxLength(40);
        iku.Property(i => i.Name).HasMaxLength(300);
        iku.Property(i => i.Unit).HasMaxLength(40);
        iku.Property(i => i.Target).HasPrecision(18, 2);
        iku.HasOne<Region>().WithMany().HasForeignKey(i => i.RegionCode).OnDelete(DeleteBehavior.Restrict);
        iku.HasOne(i => i.Opd).WithMany().HasForeignKey(i => i.OpdId).OnDelete(DeleteBehavior.Cascade);
        iku.HasIndex(i => new { i.OpdId, i.Year, i.Code }).IsUnique();
    }
}
