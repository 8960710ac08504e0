using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Notifications;

/// <summary>A person's own notifications and email choices: what the page and the API both do.</summary>
public static class NotificationCentre
{
    public sealed record Item(long Id, NotificationKind Kind, string Title, string Body, string? Link, DateTime CreatedAt, DateTime? ReadAt);

    public static Task<List<Item>> ListAsync(AppDbContext db, string userId, bool unreadOnly = false, int take = 100, CancellationToken ct = default) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId && (!unreadOnly || n.ReadAt == null))
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take)
            .Select(n => new Item(n.Id, n.Kind, n.Title, n.Body, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);

    /// <summary>Marks one (or, without an id, every) unread notification of the person read; how many changed. Another person's id changes nothing.</summary>
    public static Task<int> MarkReadAsync(AppDbContext db, string userId, long? id, DateTime now, CancellationToken ct = default) =>
        db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null && (id == null || n.Id == id))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);

    /// <summary>The kinds that reach the person by email: all of them unless they said no.</summary>
    public static async Task<HashSet<NotificationKind>> EmailKindsAsync(AppDbContext db, string userId, CancellationToken ct = default)
    {
        var off = await db.NotificationPreferences.Where(p => p.UserId == userId && !p.Email).Select(p => p.Kind).ToListAsync(ct);
        return Enum.GetValues<NotificationKind>().Except(off).ToHashSet();
    }

    public static async Task SetEmailKindsAsync(AppDbContext db, string userId, IEnumerable<NotificationKind> email, CancellationToken ct = default)
    {
        var wanted = email.ToHashSet();
        var existing = await db.NotificationPreferences.Where(p => p.UserId == userId).ToListAsync(ct);
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            var row = existing.SingleOrDefault(p => p.Kind == kind);
            if (row is null)
                db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, Kind = kind, Email = wanted.Contains(kind) });
            else
                row.Email = wanted.Contains(kind);
        }
        await db.SaveChangesAsync(ct);
    }
}
