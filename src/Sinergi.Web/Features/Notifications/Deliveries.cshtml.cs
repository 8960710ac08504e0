using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Notifications;

/// <summary>For the region's admin: emails that failed after every retry, and those still waiting for one.</summary>
public class DeliveriesModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed record Row(long Id, string? Address, string Subject, DeliveryStatus Status, int Attempts, DateTime CreatedAt, DateTime NextAttemptAt, string? LastError);

    public List<Row> Rows { get; private set; } = [];
    public string? RegionCode => scope.RegionCode;

    public async Task OnGetAsync()
    {
        Rows = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => (scope.RegionCode == null || d.RegionCode == scope.RegionCode) && d.Channel != NotificationChannel.InApp
                && (d.Status == DeliveryStatus.Failed || (d.Status == DeliveryStatus.Pending && d.Attempts > 0)))
            .OrderByDescending(d => d.Id).Take(200)
            .Select(d => new Row(d.Id, d.Address, d.Subject, d.Status, d.Attempts, d.CreatedAt, d.NextAttemptAt, d.LastError)).ToListAsync();
    }
}
