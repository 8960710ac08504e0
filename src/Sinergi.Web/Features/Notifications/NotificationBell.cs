using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Notifications;

/// <summary>The unread count in the header: one indexed count per page.</summary>
public sealed class NotificationBell(AppDbContext db)
{
    public Task<int> UnreadAsync(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? db.Notifications.CountAsync(n => n.UserId == id && n.ReadAt == null)
            : Task.FromResult(0);
}
