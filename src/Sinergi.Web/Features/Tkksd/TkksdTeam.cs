using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Tkksd;

/// <summary>A member's place in the team, as the SK names it.</summary>
public enum TkksdPosition
{
    Ketua,
    Sekretaris,
    Anggota,
}

/// <summary>
/// The SK (surat keputusan) that appoints the region's TKKSD: number, date, term and the signed
/// file. The term's end is warned in advance (<see cref="TkksdTermRule"/>).
/// </summary>
public class TkksdDecree : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public required string Number { get; set; }
    public DateOnly IssuedOn { get; set; }
    public DateOnly TermStart { get; set; }
    public DateOnly TermEnd { get; set; }
    public string? FileName { get; set; }
    public string? Sha256 { get; set; }
    public string? ContentType { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// One membership: an account of the region in a position from a date, until it ends. A membership
/// is ended, never deleted, so "who was a member on a date" stays answerable. Which OPD a member is
/// lokus for is <see cref="Monitoring.LokusAssignment"/>, the one place it is kept.
/// </summary>
public class TkksdMember : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public required string UserId { get; set; }
    /// <summary>The member's name when added (the account's full name), for history and PDFs.</summary>
    public required string Name { get; set; }
    public TkksdPosition Position { get; set; }
    /// <summary>The office (jabatan) the member holds, e.g. "Sekretaris Daerah".</summary>
    public required string Office { get; set; }
    public int? DecreeId { get; set; }
    public DateOnly StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>A member on a day: started on or before it and not yet ended (the end day is the last day).</summary>
    public bool IsMemberOn(DateOnly day) => StartsOn <= day && (EndsOn == null || EndsOn >= day);

    public static string Label(TkksdPosition position) => position switch
    {
        TkksdPosition.Ketua => "Ketua",
        TkksdPosition.Sekretaris => "Sekretaris",
        _ => "Anggota",
    };
}

internal sealed class TkksdDecreeConfiguration : IEntityTypeConfiguration<TkksdDecree>
{
    public void Configure(EntityTypeBuilder<TkksdDecree> decree)
    {
        decree.Property(d => d.RegionCode).HasMaxLength(5);
        decree.Property(d => d.Number).HasMaxLength(100);
        decree.Property(d => d.FileName).HasMaxLength(200);
        decree.Property(d => d.Sha256).HasMaxLength(64);
        decree.Property(d => d.ContentType).HasMaxLength(100);
        decree.HasOne<Region>().WithMany().HasForeignKey(d => d.RegionCode).OnDelete(DeleteBehavior.Restrict);
        decree.HasIndex(d => new { d.RegionCode, d.TermEnd });
    }
}

internal sealed class TkksdMemberConfiguration : IEntityTypeConfiguration<TkksdMember>
{
    public void Configure(EntityTypeBuilder<TkksdMember> member)
    {
        member.Property(m => m.RegionCode).HasMaxLength(5);
        member.Property(m => m.Name).HasMaxLength(120);
        member.Property(m => m.Office).HasMaxLength(200);
        member.Property(m => m.Position).HasConversion<string>().HasMaxLength(12);
        member.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionCode).OnDelete(DeleteBehavior.Restrict);
        member.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
        member.HasOne<TkksdDecree>().WithMany().HasForeignKey(m => m.DecreeId).OnDelete(DeleteBehavior.SetNull);
        member.HasIndex(m => new { m.RegionCode, m.EndsOn });
        member.HasIndex(m => m.UserId);
    }
}
