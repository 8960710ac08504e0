using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Participants;

/// <summary>
/// An intern (magang / PKL) or other participant placed under a cooperation with a university, with
/// their BPJS Ketenagakerjaan cover. Personal data: read only by the region's admin and the OPD
/// that runs the agreement or hosts the placement (<see cref="ParticipantAccess"/>).
/// </summary>
public class Participant : IRegionOwned, IVersioned, ITimestamped
{
    public const int MaxName = 200;
    public const int MaxStudentNumber = 30;
    public const int MaxBpjsNumber = 20;

    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public required string Name { get; set; }
    /// <summary>NIM.</summary>
    public required string StudentNumber { get; set; }
    public required string Programme { get; set; }
    public int PlacementOpdId { get; set; }
    public Opd? PlacementOpd { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }
    public required string Supervisor { get; set; }
    public bool BpjsRegistered { get; set; }
    public string? BpjsNumber { get; set; }
    public DateOnly? BpjsValidUntil { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Uninsured on <paramref name="today"/>: placed (the placement has not ended) and not registered, or the cover has lapsed.</summary>
    public static bool IsUninsured(bool registered, DateOnly? validUntil, DateOnly endsOn, DateOnly today) =>
        endsOn >= today && (!registered || validUntil is null || validUntil < today);
}

/// <summary>An agreement marked as a magang / PKL cooperation, so it keeps a register though its partner is no university.</summary>
public class InternshipMark : IRegionOwned
{
    public int AgreementId { get; set; }
    public required string RegionCode { get; set; }
    public DateTime MarkedAt { get; set; }
}

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> participant)
    {
        participant.Property(p => p.RegionCode).HasMaxLength(5);
        participant.Property(p => p.Name).HasMaxLength(Participant.MaxName);
        participant.Property(p => p.StudentNumber).HasMaxLength(Participant.MaxStudentNumber);
        participant.Property(p => p.Programme).HasMaxLength(Participant.MaxName);
        participant.Property(p => p.Supervisor).HasMaxLength(Participant.MaxName);
        participant.Property(p => p.BpjsNumber).HasMaxLength(Participant.MaxBpjsNumber);
        participant.HasOne(p => p.Agreement).WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        participant.HasOne(p => p.PlacementOpd).WithMany().HasForeignKey(p => p.PlacementOpdId).OnDelete(DeleteBehavior.Restrict);
        participant.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        // A student is on an agreement's register once.
        participant.HasIndex(p => new { p.AgreementId, p.StudentNumber }).IsUnique();
        participant.HasIndex(p => new { p.RegionCode, p.BpjsRegistered });
    }
}

internal sealed class InternshipMarkConfiguration : IEntityTypeConfiguration<InternshipMark>
{
    public void Configure(EntityTypeBuilder<InternshipMark> mark)
    {
        mark.HasKey(m => m.AgreementId);
        mark.Property(m => m.RegionCode).HasMaxLength(5);
        mark.HasOne<Agreement>().WithMany().HasForeignKey(m => m.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}
