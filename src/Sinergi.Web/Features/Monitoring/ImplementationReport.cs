using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Features.Opds;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

public enum ReportState
{
    Draf,
    Dikirim,
}

/// <summary>
/// The OPD's laporan pelaksanaan of one period, one revision of it. A submitted revision is never
/// changed: a correction is the next revision, with its reason, and the earlier one stays readable.
/// A region party to a shared agreement files its own (<see cref="RegionCode"/> is the filer's region).
/// </summary>
public class ImplementationReport : IRegionOwned, IVersioned, ITimestamped
{
    public const int MaxText = 4000;

    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>The OPD that files it; null for a partner region's report filed by its admin.</summary>
    public int? OpdId { get; set; }
    public Opd? Opd { get; set; }
    public required string PeriodCode { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public int Revision { get; set; } = 1;
    public ReportState State { get; set; }
    public string? CorrectionReason { get; set; }

    public string? Outputs { get; set; }
    public int? ProgressPercent { get; set; }
    /// <summary>Realisation against the plan (budget, volume, schedule), in the OPD's words.</summary>
    public string? Realisation { get; set; }
    public string? UseOfResults { get; set; }
    public string? Obstacles { get; set; }
    public string? Sustainability { get; set; }
    public List<ReportActivity> Activities { get; set; } = [];
    public List<ReportEvidence> Evidence { get; set; } = [];

    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public string? SubmittedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Something done in the period: when, what, where and who took part.</summary>
public class ReportActivity
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public DateOnly Date { get; set; }
    public required string Description { get; set; }
    public string? Place { get; set; }
    public string? Participants { get; set; }
}

/// <summary>An evidence file of a report: a version of one of the agreement's documents, uploaded the usual way.</summary>
public class ReportEvidence
{
    public int ReportId { get; set; }
    public int DocumentVersionId { get; set; }
    public DocumentVersion? DocumentVersion { get; set; }
}

internal sealed class ImplementationReportConfiguration : IEntityTypeConfiguration<ImplementationReport>
{
    public void Configure(EntityTypeBuilder<ImplementationReport> report)
    {
        report.Property(r => r.RegionCode).HasMaxLength(5);
        report.Property(r => r.PeriodCode).HasMaxLength(10);
        report.Property(r => r.State).HasConversion<string>().HasMaxLength(10);
        report.Property(r => r.CorrectionReason).HasMaxLength(1000);
        foreach (var text in new[] { nameof(ImplementationReport.Outputs), nameof(ImplementationReport.Realisation),
                     nameof(ImplementationReport.UseOfResults), nameof(ImplementationReport.Obstacles), nameof(ImplementationReport.Sustainability) })
            report.Property(text).HasMaxLength(ImplementationReport.MaxText);
        report.Property(r => r.CreatedByName).HasMaxLength(120);
        report.Property(r => r.SubmittedByName).HasMaxLength(120);
        report.HasOne(r => r.Agreement).WithMany().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        report.HasOne<Region>().WithMany().HasForeignKey(r => r.RegionCode).OnDelete(DeleteBehavior.Restrict);
        report.HasOne(r => r.Opd).WithMany().HasForeignKey(r => r.OpdId).OnDelete(DeleteBehavior.Restrict);
        // One revision number per filer and period: two people starting the same report cannot both win.
        report.HasIndex(r => new { r.AgreementId, r.RegionCode, r.PeriodCode, r.Revision }).IsUnique();
        report.HasIndex(r => new { r.RegionCode, r.PeriodEnd });
        report.HasMany(r => r.Activities).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        report.HasMany(r => r.Evidence).WithOne().HasForeignKey(e => e.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportActivityConfiguration : IEntityTypeConfiguration<ReportActivity>
{
    public void Configure(EntityTypeBuilder<ReportActivity> activity)
    {
        activity.Property(a => a.Description).HasMaxLength(1000);
        activity.Property(a => a.Place).HasMaxLength(300);
        activity.Property(a => a.Participants).HasMaxLength(1000);
    }
}

internal sealed class ReportEvidenceConfiguration : IEntityTypeConfiguration<ReportEvidence>
{
    public void Configure(EntityTypeBuilder<ReportEvidence> evidence)
    {
        evidence.HasKey(e => new { e.ReportId, e.DocumentVersionId });
        evidence.HasOne(e => e.DocumentVersion).WithMany().HasForeignKey(e => e.DocumentVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
