using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sinergi.Features.Notifications;

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// The ledger: one row per message a rule owes a recipient on a channel. Its unique key (rule,
/// agreement, offset, recipient, channel) is what makes a second send impossible, after a restart,
/// on a second run of the day or from a second app node: whoever inserts the row second fails.
/// </summary>
public class NotificationDelivery
{
    public long Id { get; set; }
    public required string RegionCode { get; set; }
    /// <summary>The rule's fixed name, e.g. <c>expiry</c>.</summary>
    public required string Rule { get; set; }
    public NotificationKind Kind { get; set; }
    public int AgreementId { get; set; }
    /// <summary>Days before the end for expiry; the fiscal year for the budget rule.</summary>
    public int Offset { get; set; }
    /// <summary>A user id, or <c>mailto:</c> and an address for someone without an account.</summary>
    public required string Recipient { get; set; }
    public NotificationChannel Channel { get; set; }
    public string? Address { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
}

internal sealed class NotificationDeliveryConfiguration : IEntityTypeConfiguration<NotificationDelivery>
{
    public void Configure(EntityTypeBuilder<NotificationDelivery> delivery)
    {
        delivery.Property(d => d.RegionCode).HasMaxLength(5);
        delivery.Property(d => d.Rule).HasMaxLength(40);
        delivery.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        delivery.Property(d => d.Channel).HasConversion<string>().HasMaxLength(10);
        delivery.Property(d => d.Status).HasConversion<string>().HasMaxLength(10);
        delivery.Property(d => d.Recipient).HasMaxLength(300);
        delivery.Property(d => d.Address).HasMaxLength(300);
        delivery.Property(d => d.Subject).HasMaxLength(300);
        delivery.Property(d => d.Body).HasMaxLength(4000);
        delivery.Property(d => d.LastError).HasMaxLength(1000);
        delivery.HasIndex(d => new { d.Rule, d.AgreementId, d.Offset, d.Recipient, d.Channel }).IsUnique();
        delivery.HasIndex(d => new { d.Status, d.NextAttemptAt });
        delivery.HasIndex(d => new { d.RegionCode, d.Status });
    }
}
