using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Audit;

/// <summary>Who did it, as the history shows it.</summary>
public sealed record Actor(string? UserId, string Name)
{
    public static Actor Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier), user.FindFirstValue(SinergiClaims.FullName) ?? user.Identity?.Name ?? "Tidak dikenal");

    public static readonly Actor System = new(null, "Sistem");
}

/// <summary>Writing and reading the history of any record, the same way for every feature.</summary>
public static class AuditTrail
{
    /// <summary>A new entry, timed by the app's clock (which tests and daily jobs may set); the caller adds and saves it.</summary>
    public static AuditEvent Entry(AppDbContext db, string regionCode, string entityType, int entityId, string action,
        IEnumerable<AuditChange> changes, Actor actor) => new()
    {
        RegionCode = regionCode,
        EntityType = entityType,
        EntityId = entityId,
        Action = action,
        At = db.UtcNow,
        UserId = actor.UserId,
        UserName = actor.Name,
        Changes = [.. changes],
    };

    /// <summary>A record's history, newest first; <paramref name="take"/> keeps the latest entries only.</summary>
    public static Task<List<AuditEvent>> ReadAsync(AppDbContext db, string entityType, int entityId, int? take = null, CancellationToken ct = default)
    {
        var events = db.AuditEvents.AsNoTracking()
            .Where(e => e.EntityType == entityType && e.EntityId == entityId)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
        return (take is int n ? events.Take(n) : events).ToListAsync(ct);
    }
}
