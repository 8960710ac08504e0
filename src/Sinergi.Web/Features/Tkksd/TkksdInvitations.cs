using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Notifications;
using Sinergi.Infrastructure.Email;
using Sinergi.Web;

namespace Sinergi.Features.Tkksd;

/// <summary>
/// The invitation to a rapat TKKSD: to the members of the meeting day and the active accounts of the
/// invited OPDs, in the notification centre and by email (as proposal notices are sent). A refused
/// email is logged and does not undo the invitation.
/// </summary>
public static class TkksdInvitations
{
    public static async Task<int> SendAsync(AppDbContext db, MailSender mail, string baseUrl, TkksdMeeting meeting, Actor actor, ILogger log, CancellationToken ct = default)
    {
        var members = (await TkksdRegister.MembersOnAsync(db, meeting.RegionCode, meeting.HeldOn, ct)).Select(m => m.UserId).ToList();
        var recipients = await db.Users.AsNoTracking().Where(u => u.RegionCode == meeting.RegionCode && u.IsActive
                && (members.Contains(u.Id) || (u.OpdId != null && meeting.InvitedOpdIds.Contains(u.OpdId.Value))))
            .OrderBy(u => u.Id).ToListAsync(ct);
        var title = $"Undangan rapat TKKSD: {meeting.Title}";
        var body = $"Rapat \"{meeting.Title}\" pada {Indonesian.Date(meeting.HeldOn)}{(meeting.Time is null ? "" : $" pukul {meeting.Time}")} di {meeting.Place}. "
            + $"Acara: {string.Join("; ", meeting.Agenda.OrderBy(a => a.Order).Select(a => a.Title))}.";
        var link = $"/Tkksd/Meetings/{meeting.Id}";
        foreach (var user in recipients)
            db.Notifications.Add(new Notification { UserId = user.Id, RegionCode = meeting.RegionCode, Kind = NotificationKind.Tkksd, Title = title, Body = body, Link = link, CreatedAt = db.UtcNow });
        meeting.InvitedAt = db.UtcNow;
        db.AuditEvents.Add(AuditTrail.Entry(db, meeting.RegionCode, AuditEntities.TkksdMeeting, meeting.Id, "Undangan dikirim",
            [new AuditChange("Undangan", null, $"{recipients.Count} penerima")], actor));
        await db.SaveChangesAsync(ct);
        foreach (var user in recipients.Where(u => u.Email is not null))
        {
            if (!(await NotificationCentre.EmailKindsAsync(db, user.Id, ct)).Contains(NotificationKind.Tkksd))
                continue;
            try
            {
                await mail.SendAsync(user.Email!, title, $"{body}\n\n{baseUrl.TrimEnd('/')}{link}\n", ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Undangan rapat TKKSD {Id} ke {Email} tidak terkirim: {Reason}", meeting.Id, user.Email, e.Message);
            }
        }
        return recipients.Count;
    }
}
