using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sinergi.Audit;

/// <summary>
/// One entry of the history of a record (an agreement, a partner, and the modules to come): who
/// did what, when, and which fields went from what to what. Appended only; the database refuses
/// updates and deletes of this table.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>One of <see cref="AuditEntities"/>: a fixed name that survives a rename of the class.</summary>
    public required string EntityType { get; set; }
    public int EntityId { get; set; }
    public required string Action { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public List<AuditChange> Changes { get; set; } = [];
}

/// <summary>A field as a person reads it (label and display values), before and after.</summary>
public sealed record AuditChange(string Field, string? Old, string? New);

/// <summary>
/// The names stored in <see cref="AuditEvent.EntityType"/>. They are data, not code: renaming a
/// class must not orphan its history, so each is written out once here and never changed.
/// </summary>
public static class AuditEntities
{
    public const string Agreement = "Agreement";
    public const string Partner = "Partner";
    public const string ImplementationReport = "ImplementationReport";
    public const string Assessment = "Assessment";
    /// <summary>The region's lokus TKKSD assignment as a whole (entity id 0).</summary>
    public const string Lokus = "Lokus";
    public const string Proposal = "Proposal";
    /// <summary>A region's SOP for one kind (entity id: the version's id).</summary>
    public const string Sop = "Sop";
    /// <summary>A region's rubric and quorum for assessing proposals as a whole (entity id 0).</summary>
    public const string ProposalSettings = "ProposalSettings";
    public const string Potential = "Potential";
    public const string WorkPlan = "WorkPlan";
    /// <summary>A TKKSD membership (entity id: the membership's id).</summary>
    public const string TkksdMember = "TkksdMember";
    /// <summary>The SK appointing a region's TKKSD.</summary>
    public const string TkksdDecree = "TkksdDecree";
    /// <summary>A rapat TKKSD: its agenda, invitation, attendance and notulen versions.</summary>
    public const string TkksdMeeting = "TkksdMeeting";
    /// <summary>A follow-up decided in a rapat TKKSD.</summary>
    public const string TkksdActionItem = "TkksdActionItem";

    /// <summary>An intern or participant of a university agreement (entity id: the participant's id); its audit holds no NIM or membership number.</summary>
    public const string Participant = "Participant";

    /// <summary>The widest name the column holds.</summary>
    public const int MaxLength = 40;
}

/// <summary>What was done, as the history shows it.</summary>
public static class AuditActions
{
    public const string Created = "Dibuat";
    public const string Changed = "Diubah";
    public const string DocumentUploaded = "Dokumen diunggah";
    public const string Terminated = "Diakhiri";
    public const string Extended = "Diperpanjang";
    public const string Deleted = "Dihapus";
    public const string Merged = "Digabung";
    public const string Submitted = "Laporan dikirim";
    public const string Corrected = "Koreksi dikirim";
    public const string BudgetLineAdded = "Anggaran ditambahkan";
    public const string BudgetLineChanged = "Anggaran diubah";
    public const string BudgetLineDeleted = "Anggaran dihapus";
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> audit)
    {
        audit.Property(e => e.RegionCode).HasMaxLength(5);
        audit.Property(e => e.EntityType).HasMaxLength(AuditEntities.MaxLength);
        audit.Property(e => e.Action).HasMaxLength(40);
        audit.Property(e => e.UserName).HasMaxLength(120);
        // No foreign key to the record: its history outlives a deletion.
        audit.HasIndex(e => new { e.EntityType, e.EntityId });
        audit.HasIndex(e => e.RegionCode);
        audit.Property(e => e.Changes).HasConversion(
            changes => JsonSerializer.Serialize(changes, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<AuditChange>>(json, JsonSerializerOptions.Default) ?? new List<AuditChange>(),
            new ValueComparer<List<AuditChange>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, c) => HashCode.Combine(h, c)), l => l.ToList()));
    }
}
