using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Notifications;

/// <summary>A region's outgoing webhook (for example a WhatsApp gateway): where, and the secret its messages are signed with.</summary>
public class RegionWebhook
{
    public const int MaxUrl = 300;
    public const int MaxSecret = 200;

    public required string RegionCode { get; set; }
    public required string Url { get; set; }
    public required string Secret { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
}

internal sealed class RegionWebhookConfiguration : IEntityTypeConfiguration<RegionWebhook>
{
    public void Configure(EntityTypeBuilder<RegionWebhook> webhook)
    {
        webhook.HasKey(w => w.RegionCode);
        webhook.Property(w => w.RegionCode).HasMaxLength(5);
        webhook.Property(w => w.Url).HasMaxLength(RegionWebhook.MaxUrl);
        webhook.Property(w => w.Secret).HasMaxLength(RegionWebhook.MaxSecret);
        webhook.HasOne<Region>().WithMany().HasForeignKey(w => w.RegionCode).OnDelete(DeleteBehavior.Cascade);
    }
}
