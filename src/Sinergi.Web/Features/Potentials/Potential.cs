using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Opds;
using Sinergi.Features.Proposals;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Potentials;

public enum PotentialState
{
    Teridentifikasi,
    Dikaji,
    Ditawarkan,
    DalamKerjaSama,
}

/// <summary>
/// A potential of the region (potensi daerah) that could be offered for cooperation: the TKKSD's
/// inventory. It sits on the map at a point (inside Indonesia) or in a kecamatan.
/// </summary>
public class Potential : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public required string Name { get; set; }
    public required string Sector { get; set; }
    public required string UrusanCode { get; set; }
    public Urusan? Urusan { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Kecamatan { get; set; }
    public string? Description { get; set; }
    /// <summary>Estimated economic value in Rupiah, where known.</summary>
    public decimal? EstimatedValue { get; set; }
    /// <summary>Capacity in words ("120 ton gula merah per tahun"), where known.</summary>
    public string? Capacity { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    public PotentialState State { get; set; }
    public required string CreatedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public static string StateLabel(PotentialState state) => state switch
    {
        PotentialState.Dikaji => "Dikaji",
        PotentialState.Ditawarkan => "Ditawarkan",
        PotentialState.DalamKerjaSama => "Dalam kerja sama",
        _ => "Teridentifikasi",
    };
}

/// <summary>A region's weighted criteria for ranking its potentials; absent, the defaults apply.</summary>
public class PotentialSettings
{
    public required string RegionCode { get; set; }
    public List<RubricCriterion> Criteria { get; set; } = [];

    public static readonly IReadOnlyList<RubricCriterion> DefaultCriteria =
    [
        new("Nilai ekonomi", 25),
        new("Kesiapan", 20),
        new("Keselarasan dengan RPJMD", 20),
        new("Manfaat publik", 20),
        new("Minat mitra", 15),
    ];
}

/// <summary>One TKKSD member's scores (1–5 per criterion) of one potential; one per member.</summary>
public class PotentialScore
{
    public int Id { get; set; }
    public int PotentialId { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public DateTime At { get; set; }
    public List<VoteScore> Scores { get; set; } = [];

    /// <summary>The weighted score on a scale of 0–100, as the proposal assessment counts it.</summary>
    public decimal WeightedScore => Scores.Sum(s => s.Weight) is var total and > 0
        ? Math.Round(Scores.Sum(s => s.Weight * s.Score) * 20m / total, 1) : 0;
}

/// <summary>A proposal that started from a potential; kept here so the proposal's own table stays as it is.</summary>
public class PotentialProposal
{
    public int PotentialId { get; set; }
    public int ProposalId { get; set; }
}

/// <summary>A document or photo showing a potential.</summary>
public class PotentialDocument
{
    public int Id { get; set; }
    public int PotentialId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
    public required string UploadedByName { get; set; }
}

internal sealed class PotentialConfiguration : IEntityTypeConfiguration<Potential>
{
    public void Configure(EntityTypeBuilder<Potential> potential)
    {
        potential.Property(p => p.RegionCode).HasMaxLength(5);
        potential.Property(p => p.Name).HasMaxLength(300);
        potential.Property(p => p.Sector).HasMaxLength(120);
        potential.Property(p => p.UrusanCode).HasMaxLength(5);
        potential.Property(p => p.Kecamatan).HasMaxLength(120);
        potential.Property(p => p.Description).HasMaxLength(4000);
        potential.Property(p => p.EstimatedValue).HasPrecision(18, 0);
        potential.Property(p => p.Capacity).HasMaxLength(300);
        potential.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        potential.Property(p => p.CreatedByName).HasMaxLength(120);
        potential.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        potential.HasOne(p => p.Urusan).WithMany().HasForeignKey(p => p.UrusanCode).OnDelete(DeleteBehavior.Restrict);
        potential.HasOne(p => p.Opd).WithMany().HasForeignKey(p => p.OpdId).OnDelete(DeleteBehavior.Restrict);
        potential.HasIndex(p => new { p.RegionCode, p.Name });
        potential.HasIndex(p => new { p.UrusanCode, p.RegionCode });
    }
}

internal sealed class PotentialSettingsConfiguration : IEntityTypeConfiguration<PotentialSettings>
{
    public void Configure(EntityTypeBuilder<PotentialSettings> settings)
    {
        settings.HasKey(s => s.RegionCode);
        settings.Property(s => s.RegionCode).HasMaxLength(5);
        settings.Property(s => s.Criteria).HasMaxLength(4000).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<RubricCriterion>>(v, JsonSerializerOptions.Web) ?? new List<RubricCriterion>(),
            new ValueComparer<List<RubricCriterion>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        settings.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PotentialScoreConfiguration : IEntityTypeConfiguration<PotentialScore>
{
    public void Configure(EntityTypeBuilder<PotentialScore> score)
    {
        score.Ignore(s => s.WeightedScore);
        score.Property(s => s.UserId).HasMaxLength(450);
        score.Property(s => s.UserName).HasMaxLength(120);
        score.Property(s => s.Scores).HasMaxLength(4000).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<VoteScore>>(v, JsonSerializerOptions.Web) ?? new List<VoteScore>(),
            new ValueComparer<List<VoteScore>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        score.HasOne<Potential>().WithMany().HasForeignKey(s => s.PotentialId).OnDelete(DeleteBehavior.Cascade);
        // One score per member: the database refuses a second one even when two arrive at once.
        score.HasIndex(s => new { s.PotentialId, s.UserId }).IsUnique();
    }
}

internal sealed class PotentialProposalConfiguration : IEntityTypeConfiguration<PotentialProposal>
{
    public void Configure(EntityTypeBuilder<PotentialProposal> link)
    {
        link.HasKey(l => new { l.PotentialId, l.ProposalId });
        link.HasIndex(l => l.ProposalId).IsUnique();
        link.HasOne<Potential>().WithMany().HasForeignKey(l => l.PotentialId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<Proposal>().WithMany().HasForeignKey(l => l.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PotentialDocumentConfiguration : IEntityTypeConfiguration<PotentialDocument>
{
    public void Configure(EntityTypeBuilder<PotentialDocument> document)
    {
        document.Property(d => d.FileName).HasMaxLength(255);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.Sha256).HasMaxLength(64);
        document.Property(d => d.UploadedByName).HasMaxLength(120);
        document.HasOne<Potential>().WithMany().HasForeignKey(d => d.PotentialId).OnDelete(DeleteBehavior.Cascade);
        document.HasIndex(d => d.PotentialId);
    }
}
