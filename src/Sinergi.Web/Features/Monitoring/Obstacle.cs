using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

public enum ObstacleStatus
{
    Terbuka,
    Ditindaklanjuti,
    Selesai,
}

/// <summary>
/// A kendala of an agreement: what it is, since when, the action decided, who owns it and by when.
/// Past its due date and not solved it is escalated to the TKKSD (<see cref="IsEscalatedOn"/>), derived, never typed.
/// </summary>
public class Obstacle : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int? OpdId { get; set; }
    public Opd? Opd { get; set; }
    /// <summary>The laporan pelaksanaan it was raised from, when it was.</summary>
    public int? ReportId { get; set; }
    public required string Description { get; set; }
    public DateOnly Since { get; set; }
    public string? Action { get; set; }
    public string? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public ObstacleStatus Status { get; set; }
    public required string CreatedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsEscalatedOn(DateOnly today) => Status != ObstacleStatus.Selesai && DueOn < today;

    public static string Label(ObstacleStatus status) => status switch
    {
        ObstacleStatus.Ditindaklanjuti => "Ditindaklanjuti",
        ObstacleStatus.Selesai => "Selesai",
        _ => "Terbuka",
    };
}

internal sealed class ObstacleConfiguration : IEntityTypeConfiguration<Obstacle>
{
    public void Configure(EntityTypeBuilder<Obstacle> obstacle)
    {
        obstacle.Property(o => o.RegionCode).HasMaxLength(5);
        obstacle.Property(o => o.Description).HasMaxLength(2000);
        obstacle.Property(o => o.Action).HasMaxLength(2000);
        obstacle.Property(o => o.Owner).HasMaxLength(200);
        obstacle.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        obstacle.Property(o => o.CreatedByName).HasMaxLength(120);
        obstacle.HasOne<Region>().WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        obstacle.HasOne(o => o.Agreement).WithMany().HasForeignKey(o => o.AgreementId).OnDelete(DeleteBehavior.Cascade);
        obstacle.HasOne(o => o.Opd).WithMany().HasForeignKey(o => o.OpdId).OnDelete(DeleteBehavior.Restrict);
        obstacle.HasOne<ImplementationReport>().WithMany().HasForeignKey(o => o.ReportId).OnDelete(DeleteBehavior.SetNull);
        obstacle.HasIndex(o => new { o.RegionCode, o.Status, o.DueOn });
        obstacle.HasIndex(o => o.AgreementId);
    }
}
