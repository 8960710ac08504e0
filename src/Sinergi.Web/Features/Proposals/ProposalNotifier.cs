using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Notifications;
using Sinergi.Infrastructure.Email;

namespace Sinergi.Features.Proposals;

/// <summary>
/// When a proposal reaches a stage, its actors are told: in the notification centre, and by email
/// for those who keep proposal emails on. A refused email is logged and does not undo the move.
/// </summary>
public sealed class ProposalNotifier(AppDbContext db, MailSender mail, IOptions<NotificationOptions> options, ILogger<ProposalNotifier> log)
{
    public async Task ReachedAsync(Proposal proposal, SopVersion sop, CancellationToken ct = default)
    {
        if (proposal.State != ProposalState.Berjalan || sop.Stage(proposal.Stage) is not { } stage)
            return;
        var recipients = await RecipientsAsync(db, proposal, stage, ct);
        var title = $"Usulan {proposal.Number} menunggu Anda";
        var body = $"Usulan \"{proposal.Title}\" kini pada tahap {stage.Name}, batas waktu {Web.Indonesian.Date(proposal.StageDueOn)}.";
        var link = $"/Proposals/Details/{proposal.Id}";
        foreach (var user in recipients)
            db.Notifications.Add(new Notification { UserId = user.Id, RegionCode = proposal.RegionCode, Kind = NotificationKind.Proposal, Title = title, Body = body, Link = link, CreatedAt = db.UtcNow });
        await db.SaveChangesAsync(ct);
        foreach (var user in recipients.Where(u => u.Email is not null))
        {
            if (!(await NotificationCentre.EmailKindsAsync(db, user.Id, ct)).Contains(NotificationKind.Proposal))
                continue;
            try
            {
                await mail.SendAsync(user.Email!, title, $"{body}\n\n{options.Value.BaseUrl.TrimEnd('/')}{link}\n", ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Email usulan {Number} ke {Email} tidak terkirim: {Reason}", proposal.Number, user.Email, e.Message);
            }
        }
    }

    /// <summary>
    /// A signing scheduled or moved: the responsible OPD's operators in the notification centre and
    /// by email, and each partner's contact person by email (they have no account).
    /// </summary>
    public async Task SigningScheduledAsync(Proposal proposal, ProposalSigningSchedule schedule, bool rescheduled, CancellationToken ct = default)
    {
        var stage = proposal.Sop?.Stage(schedule.Stage);
        var title = $"{(rescheduled ? "Jadwal penandatanganan diubah" : "Penandatanganan dijadwalkan")}: usulan {proposal.Number}";
        var body = $"{stage?.Name ?? "Penandatanganan"} \"{proposal.Title}\": {ProposalSigning.Describe(schedule)}."
            + (schedule.Agenda is null ? "" : $" Acara: {schedule.Agenda}") + (rescheduled && schedule.Reason is not null ? $" Alasan perubahan: {schedule.Reason}" : "");
        var link = $"/Proposals/Details/{proposal.Id}";
        var opdRole = await db.Roles.Where(r => r.Name == Roles.OpdOperator).Select(r => r.Id).SingleOrDefaultAsync(ct);
        var operators = await db.Users.Where(u => u.RegionCode == proposal.RegionCode && u.IsActive && u.OpdId == proposal.OpdId
            && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == opdRole)).ToListAsync(ct);
        foreach (var user in operators)
            db.Notifications.Add(new Notification { UserId = user.Id, RegionCode = proposal.RegionCode, Kind = NotificationKind.Proposal, Title = title, Body = body, Link = link, CreatedAt = db.UtcNow });
        await db.SaveChangesAsync(ct);
        var url = $"{options.Value.BaseUrl.TrimEnd('/')}{link}";
        foreach (var user in operators.Where(u => u.Email is not null))
            if ((await NotificationCentre.EmailKindsAsync(db, user.Id, ct)).Contains(NotificationKind.Proposal))
                await SendAsync(proposal, user.Email!, title, $"{body}\n\n{url}\n", ct);
        foreach (var partner in proposal.Partners.Where(p => !string.IsNullOrWhiteSpace(p.ContactEmail)))
            await SendAsync(proposal, partner.ContactEmail!, title,
                $"Yth. {partner.ContactName ?? partner.Name},\n\n{body}\n\nHubungi Bagian Kerja Sama bila ada pertanyaan tentang jadwal ini.\n", ct);
    }

    private async Task SendAsync(Proposal proposal, string to, string subject, string text, CancellationToken ct)
    {
        try
        {
            await mail.SendAsync(to, subject, text, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Email usulan {Number} ke {Email} tidak terkirim: {Reason}", proposal.Number, to, e.Message);
        }
    }

    /// <summary>The active accounts of the region that act in the stage (an Operator OPD only of the responsible OPD).</summary>
    public static async Task<List<AppUser>> RecipientsAsync(AppDbContext db, Proposal proposal, SopStage stage, CancellationToken ct)
    {
        var roles = await db.Roles.Where(r => stage.Actors.Contains(r.Name!)).Select(r => new { r.Id, r.Name }).ToListAsync(ct);
        var roleIds = roles.Where(r => r.Name != Roles.OpdOperator).Select(r => r.Id).ToList();
        var opdRole = roles.SingleOrDefault(r => r.Name == Roles.OpdOperator)?.Id;
        return await db.Users.Where(u => u.RegionCode == proposal.RegionCode && u.IsActive
                && (db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId))
                    || (opdRole != null && u.OpdId == proposal.OpdId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == opdRole))))
            .ToListAsync(ct);
    }
}
