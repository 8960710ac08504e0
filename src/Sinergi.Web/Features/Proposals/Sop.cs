using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Features.Agreements;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Proposals;

public enum MoveKind
{
    /// <summary>On to the next stage; only when nothing the stage requires is missing.</summary>
    Forward,
    /// <summary>Back to the proposer's stage for revision, with reasons.</summary>
    Return,
    /// <summary>The proposal ends as rejected, with reasons.</summary>
    Reject,
}

/// <summary>What must hold for a move to be offered at all.</summary>
public enum MoveCondition
{
    Always,
    DprdRequired,
    DprdNotRequired,
    /// <summary>The TKKSD's votes of the current round reached the region's quorum.</summary>
    QuorumReached,
    /// <summary>A PKS proposal that started from an existing KB, and one that did not.</summary>
    FromKb,
    NotFromKb,
}

public sealed record SopMove(string To, MoveKind Kind, string Label, MoveCondition Condition = MoveCondition.Always);

/// <summary>
/// One stage of a region's SOP: who acts in it (roles; an Operator OPD only of the proposal's
/// responsible OPD), the document types and checklist items it requires before it can be left,
/// its deadline in days, and the moves out of it.
/// </summary>
public sealed record SopStage(string Code, string Name, string[] Actors, string[] Documents, string[] Checklist, int DeadlineDays, SopMove[] Moves);

/// <summary>
/// One version of a region's SOP for one kind of cooperation. A version is never changed once a
/// proposal runs on it: an edit saves the next version, and running proposals keep theirs.
/// </summary>
public class SopVersion
{
    public const string Done = "selesai";
    public const string Rejected = "ditolak";

    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public AgreementKind Kind { get; set; }
    public int Number { get; set; }
    public List<SopStage> Stages { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public required string CreatedByName { get; set; }

    public SopStage First => Stages[0];

    public SopStage? Stage(string code) => Stages.FirstOrDefault(s => s.Code == code);

    public static string StageName(SopVersion sop, string code) => code switch
    {
        Done => "Selesai",
        Rejected => "Ditolak",
        _ => sop.Stage(code)?.Name ?? code,
    };
}

internal sealed class SopVersionConfiguration : IEntityTypeConfiguration<SopVersion>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<SopVersion> sop)
    {
        sop.Property(s => s.RegionCode).HasMaxLength(5);
        sop.Property(s => s.Kind).HasConversion<string>().HasMaxLength(10);
        sop.Property(s => s.CreatedByName).HasMaxLength(120);
        // The stages are read and written as one document: a version is a whole, never edited in place.
        sop.Property(s => s.Stages).HasConversion(
                v => JsonSerializer.Serialize(v, Json),
                v => JsonSerializer.Deserialize<List<SopStage>>(v, Json) ?? new List<SopStage>(),
                new ValueComparer<List<SopStage>>((a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal), v => v.ToList()));
        sop.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Restrict);
        sop.HasIndex(s => new { s.RegionCode, s.Kind, s.Number }).IsUnique();
    }
}
