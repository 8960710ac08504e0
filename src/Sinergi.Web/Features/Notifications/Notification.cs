using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Features.Accounts;

namespace Sinergi.Features.Notifications;

/// <summary>What a notification is about; each person chooses which kinds also reach them by email.</summary>
public enum NotificationKind
{
    Expiry,
    BudgetMissing,
    EvaluationDue,
    ObstacleDue,
    Participants,
    Proposal,
    Tkksd,
}

/// <summary>How a delivery travels.</summary>
public enum NotificationChannel
{
    InApp,
    Email,
    Webhook,
}

/// <summary>One message in a person's notification centre; the bell counts the unread ones.</summary>
public class Notification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string RegionCode { get; set; }
    public NotificationKind Kind { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    /// <summary>A path inside Sinergi, e.g. <c>/Agreements/Details/12</c>.</summary>
    public string? Link { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }

    public static string Label(NotificationKind kind) => kind switch
    {
        NotificationKind.Expiry => "Kerja sama akan berakhir",
        NotificationKind.BudgetMissing => "Anggaran belum tercantum",
        NotificationKind.EvaluationDue => "Jadwal evaluasi",
        NotificationKind.ObstacleDue => "Tindak lanjut kendala",
        NotificationKind.Proposal => "Usulan kerja sama menunggu Anda",
        NotificationKind.Tkksd => "Rapat dan tindak lanjut TKKSD",
        _ => "Peserta magang/PKL",
    };
}

/// <summary>A person's choice to receive a kind by email too (in-app always); no row means yes.</summary>
public class NotificationPreference
{
    public required string UserId { get; set; }
    public NotificationKind Kind { get; set; }
    public bool Email { get; set; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> notification)
    {
        notification.Property(n => n.RegionCode).HasMaxLength(5);
        notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        notification.Property(n => n.Title).HasMaxLength(300);
        notification.Property(n => n.Body).HasMaxLength(2000);
        notification.Property(n => n.Link).HasMaxLength(300);
        notification.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        // The bell: a person's unread count, on every page.
        notification.HasIndex(n => new { n.UserId, n.ReadAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> preference)
    {
        preference.HasKey(p => new { p.UserId, p.Kind });
        preference.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        preference.HasOne<AppUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
