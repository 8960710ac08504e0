using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Features.Notifications;
using Sinergi.Web;

namespace Sinergi.Features.Tkksd;

/// <summary>
/// Rapat TKKSD: planning with an agenda picked from the system, attendance, notulen versions and
/// action items. The pages, the API and the demo call these; problems are keyed by the draft's property names.
/// </summary>
public static class TkksdMeetings
{
    public sealed record AgendaPick(AgendaKind Kind, int? ProposalId, int? AgreementId, string? PeriodCode, int? ObstacleId, string? Title);

    public sealed record MeetingDraft(string? Title, DateOnly? HeldOn, string? Time, string? Place, IReadOnlyList<int> InvitedOpdIds, IReadOnlyList<AgendaPick> Agenda);

    public sealed record ActionDraft(string? Description, string? OwnerId, DateOnly? DueOn, int? AgendaItemId);

    public const string ApprovedMessage = "Notulen yang sudah disetujui tidak dapat diubah. Koreksi dibuat sebagai versi baru dengan alasannya.";

    /// <summary>Plans meetings and writes their notulen: the region's admin and TKKSD members.</summary>
    public static bool CanKeep(ClaimsPrincipal user) => user.IsInRole(Roles.AdminKerjaSama) || user.IsInRole(Roles.Tkksd);

    public static async Task<(TkksdMeeting? Meeting, Dictionary<string, string[]> Problems)> PlanAsync(AppDbContext db, string regionCode, MeetingDraft draft,
        Actor actor, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var title = Text.Clean(draft.Title);
        var place = Text.Clean(draft.Place);
        var time = Text.Clean(draft.Time);
        if (title is null || title.Length > 200)
            problems[nameof(MeetingDraft.Title)] = ["Tuliskan judul rapat (paling panjang 200 karakter)."];
        if (place is null || place.Length > 200)
            problems[nameof(MeetingDraft.Place)] = ["Tuliskan tempat rapat (paling panjang 200 karakter)."];
        if (time?.Length > 40)
            problems[nameof(MeetingDraft.Time)] = ["Waktu rapat paling panjang 40 karakter."];
        if (draft.HeldOn is not { } held || !AgreementDates.InRange(held))
            problems[nameof(MeetingDraft.HeldOn)] = ["Tanggal rapat wajib diisi."];
        var opds = draft.InvitedOpdIds.Distinct().ToList();
        if (await db.Opds.IgnoreQueryFilters().CountAsync(o => opds.Contains(o.Id) && o.RegionCode == regionCode, ct) != opds.Count)
            problems[nameof(MeetingDraft.InvitedOpdIds)] = ["OPD yang diundang harus OPD daerah ini."];
        var agenda = new List<TkksdAgendaItem>();
        foreach (var pick in draft.Agenda)
        {
            if (await AgendaTitleAsync(db, regionCode, pick, ct) is { } itemTitle)
                agenda.Add(new TkksdAgendaItem { Order = agenda.Count + 1, Kind = pick.Kind, ProposalId = pick.ProposalId, AgreementId = pick.AgreementId,
                    PeriodCode = pick.PeriodCode, ObstacleId = pick.ObstacleId, Title = itemTitle });
            else
                problems[nameof(MeetingDraft.Agenda)] = ["Setiap acara rapat harus usulan, evaluasi, atau kendala daerah ini, atau topik yang dituliskan."];
        }
        if (agenda.Count == 0 && !problems.ContainsKey(nameof(MeetingDraft.Agenda)))
            problems[nameof(MeetingDraft.Agenda)] = ["Pilih paling sedikit satu acara rapat."];
        if (problems.Count > 0)
            return (null, problems);
        var meeting = new TkksdMeeting { RegionCode = regionCode, Title = title!, HeldOn = draft.HeldOn!.Value, Time = time, Place = place!, InvitedOpdIds = opds,
            CreatedByName = actor.Name, Agenda = agenda };
        db.TkksdMeetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditTrail.Entry(db, regionCode, AuditEntities.TkksdMeeting, meeting.Id, AuditActions.Created,
            [new AuditChange("Rapat", null, $"{meeting.Title}, {Indonesian.Date(meeting.HeldOn)}, {meeting.Place}; acara: {string.Join("; ", agenda.Select(a => a.Title))}")], actor));
        await db.SaveChangesAsync(ct);
        return (meeting, problems);
    }

    /// <summary>The agenda item's title from what it points at, or null when that is not the region's.</summary>
    private static async Task<string?> AgendaTitleAsync(AppDbContext db, string regionCode, AgendaPick pick, CancellationToken ct) => pick.Kind switch
    {
        AgendaKind.Usulan => await db.Proposals.IgnoreQueryFilters().Where(p => p.Id == pick.ProposalId && p.RegionCode == regionCode)
            .Select(p => "Usulan: " + p.Title).SingleOrDefaultAsync(ct),
        AgendaKind.Evaluasi => pick.PeriodCode is null ? null : await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == pick.AgreementId && a.RegionCode == regionCode)
            .Select(a => "Evaluasi " + pick.PeriodCode + ": " + a.Title).SingleOrDefaultAsync(ct),
        AgendaKind.Kendala => await db.Obstacles.IgnoreQueryFilters().Where(o => o.Id == pick.ObstacleId && o.RegionCode == regionCode)
            .Select(o => "Kendala: " + o.Description).SingleOrDefaultAsync(ct) is { } k ? (k.Length > 300 ? k[..300] : k) : null,
        _ => Text.Clean(pick.Title) is { Length: <= 300 } free ? free : null,
    };

    /// <summary>Records who attended: the members of the meeting day, each present or not.</summary>
    public static async Task<Dictionary<string, string[]>> AttendanceAsync(AppDbContext db, TkksdMeeting meeting, IReadOnlySet<int> present, Actor actor, CancellationToken ct = default)
    {
        var members = await TkksdRegister.MembersOnAsync(db, meeting.RegionCode, meeting.HeldOn, ct);
        if (present.Except(members.Select(m => m.Id)).Any())
            return new() { ["Present"] = ["Hanya anggota TKKSD pada tanggal rapat yang dapat dicatat hadir."] };
        var rows = await db.TkksdAttendance.Where(a => a.MeetingId == meeting.Id).ToListAsync(ct);
        foreach (var member in members)
        {
            var row = rows.SingleOrDefault(r => r.MemberId == member.Id);
            if (row is null)
                db.TkksdAttendance.Add(row = new TkksdAttendance { MeetingId = meeting.Id, MemberId = member.Id });
            row.Present = present.Contains(member.Id);
        }
        db.AuditEvents.Add(AuditTrail.Entry(db, meeting.RegionCode, AuditEntities.TkksdMeeting, meeting.Id, AuditActions.Changed,
            [new AuditChange("Daftar hadir", null, string.Join(", ", members.Where(m => present.Contains(m.Id)).Select(m => m.Name)))], actor));
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static Task<TkksdMinutes?> LatestMinutesAsync(AppDbContext db, int meetingId, CancellationToken ct = default) =>
        db.TkksdMinutes.Where(m => m.MeetingId == meetingId).OrderByDescending(m => m.Revision).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Writes the draft notulen: the summary and a decision per agenda item. When the latest version
    /// is approved it is refused; a correction (<see cref="CorrectAsync"/>) opens the next version.
    /// </summary>
    public static async Task<(TkksdMinutes? Minutes, Dictionary<string, string[]> Problems)> SaveMinutesAsync(AppDbContext db, TkksdMeeting meeting,
        string? summary, IReadOnlyDictionary<int, string?> decisions, Actor actor, CancellationToken ct = default)
    {
        var latest = await LatestMinutesAsync(db, meeting.Id, ct);
        if (latest is { IsApproved: true })
            return (null, new() { ["Minutes"] = [ApprovedMessage] });
        var problems = new Dictionary<string, string[]>();
        var text = Text.CleanLines(summary);
        if (text?.Length > 8000)
            problems["Summary"] = ["Ringkasan notulen paling panjang 8.000 karakter."];
        var agendaIds = meeting.Agenda.Select(a => a.Id).ToHashSet();
        var cleaned = new Dictionary<int, string>();
        foreach (var (item, decision) in decisions)
        {
            if (!agendaIds.Contains(item))
                problems["Decisions"] = ["Keputusan hanya untuk acara rapat ini."];
            else if (Text.CleanLines(decision) is { } d)
            {
                if (d.Length > 2000)
                    problems["Decisions"] = ["Setiap keputusan paling panjang 2.000 karakter."];
                cleaned[item] = d;
            }
        }
        if (text is null && cleaned.Count == 0)
            problems["Summary"] = ["Tuliskan ringkasan atau keputusan rapat."];
        if (problems.Count > 0)
            return (null, problems);
        var minutes = latest ?? new TkksdMinutes { MeetingId = meeting.Id, WrittenByName = actor.Name };
        var before = latest is null ? null : Describe(meeting, latest);
        (minutes.Summary, minutes.Decisions, minutes.WrittenByName) = (text, cleaned, actor.Name);
        if (latest is null)
            db.TkksdMinutes.Add(minutes);
        db.AuditEvents.Add(AuditTrail.Entry(db, meeting.RegionCode, AuditEntities.TkksdMeeting, meeting.Id, latest is null ? AuditActions.Created : AuditActions.Changed,
            [new AuditChange($"Notulen versi {minutes.Revision}", before, Describe(meeting, minutes))], actor));
        await db.SaveChangesAsync(ct);
        return (minutes, problems);
    }

    public static async Task<Dictionary<string, string[]>> ApproveAsync(AppDbContext db, TkksdMeeting meeting, Actor actor, CancellationToken ct = default)
    {
        if (await LatestMinutesAsync(db, meeting.Id, ct) is not { } minutes)
            return new() { ["Minutes"] = ["Tulis notulen sebelum menyetujuinya."] };
        if (minutes.IsApproved)
            return new() { ["Minutes"] = [$"Notulen versi {minutes.Revision} sudah disetujui."] };
        (minutes.ApprovedAt, minutes.ApprovedByName) = (db.UtcNow, actor.Name);
        db.AuditEvents.Add(AuditTrail.Entry(db, meeting.RegionCode, AuditEntities.TkksdMeeting, meeting.Id, "Notulen disetujui",
            [new AuditChange($"Notulen versi {minutes.Revision}", "draf", "disetujui")], actor));
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>Opens the next version of approved notulen, a copy to correct, with the reason for the correction.</summary>
    public static async Task<(TkksdMinutes? Minutes, Dictionary<string, string[]> Problems)> CorrectAsync(AppDbContext db, TkksdMeeting meeting, string? reason,
        Actor actor, CancellationToken ct = default)
    {
        var latest = await LatestMinutesAsync(db, meeting.Id, ct);
        if (latest is not { IsApproved: true })
            return (null, new() { ["Reason"] = ["Koreksi hanya untuk notulen yang sudah disetujui; notulen draf dapat langsung diubah."] });
        if (Text.CleanLines(reason) is not { Length: <= 1000 } why)
            return (null, new() { ["Reason"] = ["Tuliskan alasan koreksi (paling panjang 1.000 karakter)."] });
        var next = new TkksdMinutes { MeetingId = meeting.Id, Revision = latest.Revision + 1, Summary = latest.Summary, Decisions = new(latest.Decisions),
            CorrectionReason = why, WrittenByName = actor.Name };
        db.TkksdMinutes.Add(next);
        db.AuditEvents.Add(AuditTrail.Entry(db, meeting.RegionCode, AuditEntities.TkksdMeeting, meeting.Id, AuditActions.Corrected,
            [new AuditChange($"Notulen versi {next.Revision}", null, why)], actor));
        await db.SaveChangesAsync(ct);
        return (next, []);
    }

    /// <summary>Adds a follow-up with an owner (an account of the region) and a due date, and tells the owner in their notification centre.</summary>
    public static async Task<(TkksdActionItem? Item, Dictionary<string, string[]> Problems)> AddActionAsync(AppDbContext db, TkksdMeeting meeting, ActionDraft draft,
        Actor actor, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var description = Text.CleanLines(draft.Description);
        if (description is null || description.Length > 2000)
            problems[nameof(ActionDraft.Description)] = ["Uraikan tindak lanjutnya (paling panjang 2.000 karakter)."];
        var owner = draft.OwnerId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == draft.OwnerId, ct);
        if (owner is null)
            problems[nameof(ActionDraft.OwnerId)] = ["Pilih penanggung jawab tindak lanjut."];
        else if (owner.RegionCode != meeting.RegionCode || !owner.IsActive)
            problems[nameof(ActionDraft.OwnerId)] = ["Penanggung jawab harus akun aktif pemerintah daerah ini."];
        if (draft.DueOn is not { } due)
            problems[nameof(ActionDraft.DueOn)] = ["Batas waktu tindak lanjut wajib diisi."];
        else if (!AgreementDates.InRange(due) || due < meeting.HeldOn)
            problems[nameof(ActionDraft.DueOn)] = ["Batas waktu tindak lanjut tidak boleh sebelum tanggal rapat."];
        if (draft.AgendaItemId is int item && meeting.Agenda.All(a => a.Id != item))
            problems[nameof(ActionDraft.AgendaItemId)] = ["Pilih salah satu acara rapat ini."];
        if (problems.Count > 0)
            return (null, problems);
        var action = new TkksdActionItem { RegionCode = meeting.RegionCode, MeetingId = meeting.Id, AgendaItemId = draft.AgendaItemId, Description = description!,
            OwnerId = owner!.Id, OwnerName = owner.FullName, DueOn = draft.DueOn!.Value };
        db.TkksdActionItems.Add(action);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditTrail.Entry(db, meeting.RegionCode, AuditEntities.TkksdActionItem, action.Id, AuditActions.Created,
            [new AuditChange("Tindak lanjut", null, $"{action.Description} · {action.OwnerName} · batas {Indonesian.Date(action.DueOn)}")], actor));
        db.Notifications.Add(new Notification { UserId = owner.Id, RegionCode = meeting.RegionCode, Kind = NotificationKind.Tkksd,
            Title = $"Tindak lanjut rapat TKKSD untuk Anda, batas {Indonesian.Date(action.DueOn)}", Body = $"{meeting.Title}: {action.Description}",
            Link = $"/Tkksd/Meetings/{meeting.Id}#actions", CreatedAt = db.UtcNow });
        await db.SaveChangesAsync(ct);
        return (action, problems);
    }

    /// <summary>Moves an action item on: its owner, the admin or a TKKSD member.</summary>
    public static async Task<Dictionary<string, string[]>> SetStatusAsync(AppDbContext db, TkksdActionItem item, ActionItemStatus status, Actor actor, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(status))
            return new() { ["Status"] = ["Pilih status: terbuka, sedang dikerjakan, atau selesai."] };
        var before = TkksdActionItem.Label(item.Status);
        item.Status = status;
        db.AuditEvents.Add(AuditTrail.Entry(db, item.RegionCode, AuditEntities.TkksdActionItem, item.Id, AuditActions.Changed,
            [new AuditChange("Status", before, TkksdActionItem.Label(status))], actor));
        await db.SaveChangesAsync(ct);
        return [];
    }

    public static bool CanMove(ClaimsPrincipal user, TkksdActionItem item) =>
        CanKeep(user) || user.FindFirstValue(ClaimTypes.NameIdentifier) == item.OwnerId;

    private static string Describe(TkksdMeeting meeting, TkksdMinutes m) =>
        string.Join("; ", new[] { m.Summary }.Concat(meeting.Agenda.Where(a => m.Decisions.ContainsKey(a.Id)).Select(a => $"{a.Title}: {m.Decisions[a.Id]}")).Where(x => x is not null));
}
