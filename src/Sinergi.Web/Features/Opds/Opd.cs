using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Opds;

/// <summary>
/// An Organisasi Perangkat Daerah (dinas, badan, bagian) of one region. OPD operators work only
/// inside their OPD; each OPD carries the urusan it runs.
/// </summary>
public class Opd : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public Region? Region { get; set; }
    public required string Name { get; set; }
    public required string ShortName { get; set; }
    public string? HeadName { get; set; }
    public string? HeadNip { get; set; }
    public List<Urusan> Urusan { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>NIP of a civil servant: 18 digits.</summary>
    public static bool IsValidNip(string? nip) => nip is { Length: 18 } && nip.All(char.IsAsciiDigit);
}

internal sealed class OpdConfiguration : IEntityTypeConfiguration<Opd>
{
    public void Configure(EntityTypeBuilder<Opd> opd)
    {
        opd.Property(o => o.RegionCode).HasMaxLength(5);
        opd.Property(o => o.Name).HasMaxLength(200);
        opd.Property(o => o.ShortName).HasMaxLength(40);
        opd.Property(o => o.HeadName).HasMaxLength(120);
        opd.Property(o => o.HeadNip).HasMaxLength(18);
        opd.HasOne(o => o.Region).WithMany().HasForeignKey(o => o.RegionCode).OnDelete(DeleteBehavior.Restrict);
        opd.HasIndex(o => new { o.RegionCode, o.Name }).IsUnique();
        opd.HasIndex(o => new { o.RegionCode, o.ShortName }).IsUnique();
        opd.HasMany(o => o.Urusan).WithMany().UsingEntity(
            "OpdUrusan",
            r => r.HasOne(typeof(Urusan)).WithMany().HasForeignKey("UrusanCode").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Opd)).WithMany().HasForeignKey("OpdId").OnDelete(DeleteBehavior.Cascade));
    }
}
