using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Proposals;

public sealed record RubricCriterion(string Name, int Weight);

public sealed record VoteScore(string Criterion, int Weight, int Score);

/// <summary>A region's rubric and quorum for the TKKSD's assessment; absent, the defaults apply.</summary>
public class ProposalSettings
{
    public required string RegionCode { get; set; }
    public List<RubricCriterion> Criteria { get; set; } = [];
    /// <summary>Votes needed for a recommendation; null: a majority of the region's TKKSD members.</summary>
    public int? QuorumMinimum { get; set; }

    public static readonly IReadOnlyList<RubricCriterion> DefaultCriteria =
    [
        new("Kesesuaian dengan RPJMD/RKPD", 20),
        new("Manfaat bagi masyarakat", 20),
        new("Kelayakan", 15),
        new("Biaya dan pendanaan", 15),
        new("Risiko", 10),
        new("Kesiapan SDM dan anggaran", 10),
        new("Dampak yang diharapkan", 10),
    ];
}

/// <summary>One TKKSD member's assessment of one round of a proposal: scores 1–5 per criterion and an opinion.</summary>
public class ProposalVote
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public int Round { get; set; }
    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string RoleLabel { get; set; }
    public DateTime At { get; set; }
    public List<VoteScore> Scores { get; set; } = [];
    public required string Opinion { get; set; }

    /// <summary>The weighted score on a scale of 0–100.</summary>
    public decimal WeightedScore => Scores.Sum(s => s.Weight) is var total and > 0
        ? Math.Round(Scores.Sum(s => s.Weight * s.Score) * 20m / total, 1) : 0;
}

/// <summary>A line of the proposal's cost calculation.</summary>
public class ProposalCostItem
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public required string Item { get; set; }
    public decimal Volume { get; set; }
    public required string Unit { get; set; }
    public decimal UnitPrice { get; set; }
    public required string Source { get; set; }

    public decimal Total => Volume * UnitPrice;
}

internal sealed class ProposalSettingsConfiguration : IEntityTypeConfiguration<ProposalSettings>
{
    public void Configure(EntityTypeBuilder<ProposalSettings> settings)
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

internal sealed class ProposalVoteConfiguration : IEntityTypeConfiguration<ProposalVote>
{
    public void Configure(EntityTypeBuilder<ProposalVote> vote)
    {
        vote.Ignore(v => v.WeightedScore);
        vote.Property(v => v.UserId).HasMaxLength(450);
        vote.Property(v => v.UserName).HasMaxLength(120);
        vote.Property(v => v.RoleLabel).HasMaxLength(60);
        vote.Property(v => v.Opinion).HasMaxLength(4000);
        vote.Property(v => v.Scores).HasMaxLength(4000).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<VoteScore>>(v, JsonSerializerOptions.Web) ?? new List<VoteScore>(),
            new ValueComparer<List<VoteScore>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        vote.HasOne<Proposal>().WithMany().HasForeignKey(v => v.ProposalId).OnDelete(DeleteBehavior.Cascade);
        // One vote per member per round: the database refuses a second one even when two arrive at once.
        vote.HasIndex(v => new { v.ProposalId, v.Round, v.UserId }).IsUnique();
    }
}

internal sealed class ProposalCostItemConfiguration : IEntityTypeConfiguration<ProposalCostItem>
{
    public void Configure(EntityTypeBuilder<ProposalCostItem> item)
    {
        item.Ignore(i => i.Total);
        item.Property(i => i.Item).HasMaxLength(300);
        item.Property(i => i.Unit).HasMaxLength(40);
        item.Property(i => i.Source).HasMaxLength(60);
        item.Property(i => i.Volume).HasPrecision(18, 2);
        item.Property(i => i.UnitPrice).HasPrecision(18, 0);
        item.HasOne<Proposal>().WithMany().HasForeignKey(i => i.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
