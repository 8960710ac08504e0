using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Opds;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.WorkPlans;

/// <summary>
/// One activity of the TKKSD's annual work plan (rencana kerja): who owns it (an OPD or a member),
/// the months it runs, its target, and how far it has come.
/// </summary>
public class WorkPlanActivity : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public int? OwnerOpdId { get; set; }
    public Opd? OwnerOpd { get; set; }
    /// <summary>A TKKSD member's account, when a member rather than an OPD owns it.</summary>
    public string? OwnerUserId { get; set; }
    public required string OwnerName { get; set; }
    public int StartMonth { get; set; }
    public int EndMonth { get; set; }
    public required string Target { get; set; }
    /// <summary>0–100.</summary>
    public int Progress { get; set; }
    public string? ProgressNote { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool Runs(int month) => month >= StartMonth && month <= EndMonth;

    /// <summary>Late: its last month has passed (in the plan's year) and it is not done.</summary>
    public bool IsLate(DateOnly today) => Progress < 100 && (today.Year > Year || (today.Year == Year && today.Month > EndMonth));
}

/// <summary>A file showing an activity's progress.</summary>
public class WorkPlanEvidence
{
    public int Id { get; set; }
    public int ActivityId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedByName { get; set; }
}

internal sealed class WorkPlanActivityConfiguration : IEntityTypeConfiguration<WorkPlanActivity>
{
    public void Configure(EntityTypeBuilder<WorkPlanActivity> activity)
    {
        activity.Property(a => a.RegionCode).HasMaxLength(5);
        activity.Property(a => a.Title).HasMaxLength(300);
        activity.Property(a => a.OwnerUserId).HasMaxLength(450);
        activity.Property(a => a.OwnerName).HasMaxLength(200);
        activity.Property(a => a.Target).HasMaxLength(1000);
        activity.Property(a => a.ProgressNote).HasMaxLength(2000);
        activity.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        activity.HasOne(a => a.OwnerOpd).WithMany().HasForeignKey(a => a.OwnerOpdId).OnDelete(DeleteBehavior.Restrict);
        activity.HasIndex(a => new { a.RegionCode, a.Year });
    }
}

internal sealed class WorkPlanEvidenceConfiguration : IEntityTypeConfiguration<WorkPlanEvidence>
{
    public void Configure(EntityTypeBuilder<WorkPlanEvidence> evidence)
    {
        evidence.Property(e => e.FileName).HasMaxLength(255);
        evidence.Property(e => e.ContentType).HasMaxLength(100);
        evidence.Property(e => e.Sha256).HasMaxLength(64);
        evidence.Property(e => e.UploadedByName).HasMaxLength(120);
        evidence.HasOne<WorkPlanActivity>().WithMany().HasForeignKey(e => e.ActivityId).OnDelete(DeleteBehavior.Cascade);
        evidence.HasIndex(e => e.ActivityId);
    }
}
