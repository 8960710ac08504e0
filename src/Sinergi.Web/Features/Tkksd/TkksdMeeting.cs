using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Tkksd;

/// <summary>What an agenda item brings to the table, picked from the system.</summary>
public enum AgendaKind
{
    Usulan,
    Evaluasi,
    Kendala,
    Lainnya,
}

public enum ActionItemStatus
{
    Terbuka,
    Berjalan,
    Selesai,
}

/// <summary>A rapat TKKSD: when and where, the OPDs invited, and whether the invitation went out.</summary>
public class TkksdMeeting : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public required string Title { get; set; }
    public DateOnly HeldOn { get; set; }
    /// <summary>The hour as the invitation reads it, e.g. "09.00 WIB".</summary>
    public string? Time { get; set; }
    public required string Place { get; set; }
    public List<int> InvitedOpdIds { get; set; } = [];
    public DateTime? InvitedAt { get; set; }
    public required string CreatedByName { get; set; }
    public List<TkksdAgendaItem> Agenda { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>One item on a meeting's agenda: a proposal, a monev evaluation (agreement and period) or a kendala, or a free topic.</summary>
public class TkksdAgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Order { get; set; }
    public AgendaKind Kind { get; set; }
    public int? ProposalId { get; set; }
    public int? AgreementId { get; set; }
    public string? PeriodCode { get; set; }
    public int? ObstacleId { get; set; }
    public required string Title { get; set; }
}

/// <summary>Whether a member attended a meeting (the member as of the meeting day).</summary>
public class TkksdAttendance
{
    public int MeetingId { get; set; }
    public int MemberId { get; set; }
    public bool Present { get; set; }
    public string? Note { get; set; }
}

/// <summary>
/// One version of a meeting's notulen: the summary and a decision per agenda item (agenda item id →
/// text). An approved version is never changed; a correction is the next version with its reason.
/// </summary>
public class TkksdMinutes : IVersioned, ITimestamped
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Revision { get; set; } = 1;
    public string? Summary { get; set; }
    public Dictionary<int, string> Decisions { get; set; } = [];
    public string? CorrectionReason { get; set; }
    public DateTime? ApprovedAt { get; set; }
    public string? ApprovedByName { get; set; }
    public required string WrittenByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsApproved => ApprovedAt is not null;
}

/// <summary>A follow-up decided in a meeting: its owner (an account of the region), due date and status.</summary>
public class TkksdActionItem : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public int MeetingId { get; set; }
    public int? AgendaItemId { get; set; }
    public required string Description { get; set; }
    public required string OwnerId { get; set; }
    public required string OwnerName { get; set; }
    public DateOnly DueOn { get; set; }
    public ActionItemStatus Status { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsOverdueOn(DateOnly today) => Status != ActionItemStatus.Selesai && DueOn < today;

    public static string Label(ActionItemStatus status) => status switch
    {
        ActionItemStatus.Berjalan => "Sedang dikerjakan",
        ActionItemStatus.Selesai => "Selesai",
        _ => "Terbuka",
    };
}

internal sealed class TkksdMeetingConfiguration : IEntityTypeConfiguration<TkksdMeeting>
{
    public void Configure(EntityTypeBuilder<TkksdMeeting> meeting)
    {
        meeting.Property(m => m.RegionCode).HasMaxLength(5);
        meeting.Property(m => m.Title).HasMaxLength(200);
        meeting.Property(m => m.Time).HasMaxLength(40);
        meeting.Property(m => m.Place).HasMaxLength(200);
        meeting.Property(m => m.CreatedByName).HasMaxLength(120);
        meeting.Property(m => m.InvitedOpdIds).HasMaxLength(2000).HasConversion(
            ids => JsonSerializer.Serialize(ids, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<int>>(json, JsonSerializerOptions.Default) ?? new List<int>(),
            new ValueComparer<List<int>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, HashCode.Combine), l => l.ToList()));
        meeting.HasOne<Region>().WithMany().HasForeignKey(m => m.RegionCode).OnDelete(DeleteBehavior.Restrict);
        meeting.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        meeting.HasIndex(m => new { m.RegionCode, m.HeldOn });
    }
}

internal sealed class TkksdAgendaItemConfiguration : IEntityTypeConfiguration<TkksdAgendaItem>
{
    public void Configure(EntityTypeBuilder<TkksdAgendaItem> item)
    {
        item.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        item.Property(a => a.PeriodCode).HasMaxLength(10);
        item.Property(a => a.Title).HasMaxLength(300);
        item.HasIndex(a => a.ProposalId);
        item.HasIndex(a => new { a.AgreementId, a.PeriodCode });
    }
}

internal sealed class TkksdAttendanceConfiguration : IEntityTypeConfiguration<TkksdAttendance>
{
    public void Configure(EntityTypeBuilder<TkksdAttendance> attendance)
    {
        attendance.HasKey(a => new { a.MeetingId, a.MemberId });
        attendance.Property(a => a.Note).HasMaxLength(200);
        attendance.HasOne<TkksdMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        attendance.HasOne<TkksdMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TkksdMinutesConfiguration : IEntityTypeConfiguration<TkksdMinutes>
{
    public void Configure(EntityTypeBuilder<TkksdMinutes> minutes)
    {
        minutes.Property(m => m.Summary).HasMaxLength(8000);
        minutes.Property(m => m.CorrectionReason).HasMaxLength(1000);
        minutes.Property(m => m.ApprovedByName).HasMaxLength(120);
        minutes.Property(m => m.WrittenByName).HasMaxLength(120);
        minutes.Property(m => m.Decisions).HasMaxLength(20000).HasConversion(
            d => JsonSerializer.Serialize(d, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<Dictionary<int, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<int, string>(),
            new ValueComparer<Dictionary<int, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                d => d.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)), d => new Dictionary<int, string>(d)));
        minutes.HasOne<TkksdMeeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        minutes.HasIndex(m => new { m.MeetingId, m.Revision }).IsUnique();
    }
}

internal sealed class TkksdActionItemConfiguration : IEntityTypeConfiguration<TkksdActionItem>
{
    public void Configure(EntityTypeBuilder<TkksdActionItem> action)
    {
        action.Property(a => a.RegionCode).HasMaxLength(5);
        action.Property(a => a.Description).HasMaxLength(2000);
        action.Property(a => a.OwnerName).HasMaxLength(120);
        action.Property(a => a.Status).HasConversion<string>().HasMaxLength(10);
        action.HasOne<TkksdMeeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        action.HasOne<AppUser>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        action.HasIndex(a => new { a.RegionCode, a.Status, a.DueOn });
        action.HasIndex(a => a.OwnerId);
    }
}
