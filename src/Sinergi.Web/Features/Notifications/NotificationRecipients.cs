using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;

namespace Sinergi.Features.Notifications;

/// <summary>Who a due message goes to, on which channels: the region's admins and the agreement's OPD users, and its partners' contact emails.</summary>
public static class NotificationRecipients
{
    public sealed record Target(string Key, NotificationChannel Channel, string? UserId, string? Address);

    public static async Task<List<Target>> ForAsync(AppDbContext db, string regionCode, Due due, CancellationToken ct)
    {
        // The region chooses who receives each rule (Pengaturan > Notifikasi); no choice means the defaults.
        var chosen = await NotificationRuleCatalog.ForAsync(db, regionCode, due.Rule, ct);
        // A due about something other than an agreement has no agreement OPDs.
        List<int> opdIds = due.UserIds is not null ? [] : await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == due.AgreementId)
            .SelectMany(a => a.Opds.Select(o => o.Id)).ToListAsync(ct);
        var adminRoles = db.Roles.Where(r => r.Name == Roles.AdminKerjaSama).Select(r => r.Id);
        var users = await db.Users.Where(u => u.IsActive && u.RegionCode == regionCode
                && ((chosen.ToAdmin && db.UserRoles.Any(ur => ur.UserId == u.Id && adminRoles.Contains(ur.RoleId)))
                    || (chosen.ToOpd && u.OpdId != null && opdIds.Contains(u.OpdId.Value))
                    || (due.UserIds != null && due.UserIds.Contains(u.Id))))
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Email }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var noEmail = await db.NotificationPreferences.Where(p => ids.Contains(p.UserId) && p.Kind == due.Kind && !p.Email).Select(p => p.UserId).ToListAsync(ct);

        var targets = new List<Target>();
        foreach (var user in users)
        {
            targets.Add(new Target(user.Id, NotificationChannel.InApp, user.Id, null));
            if (user.Email is not null && !noEmail.Contains(user.Id))
                targets.Add(new Target(user.Id, NotificationChannel.Email, user.Id, user.Email));
        }
        if (due.ToPartners && chosen.ToPartners)
        {
            var contacts = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == due.AgreementId)
                .SelectMany(a => a.Partners.Where(p => p.ContactEmail != null).Select(p => p.ContactEmail!)).ToListAsync(ct);
            foreach (var email in contacts.Select(e => e.Trim().ToLowerInvariant()).Distinct())
                targets.Add(new Target("mailto:" + email, NotificationChannel.Email, null, email));
        }
        // The region's webhook (a WhatsApp gateway, say) gets each message once, as one more recipient.
        if (await WebhookSender.ForRegionAsync(db, regionCode, ct) is { } webhook)
            targets.Add(new Target("webhook:" + regionCode, NotificationChannel.Webhook, null, webhook.Url));
        return targets;
    }
}
