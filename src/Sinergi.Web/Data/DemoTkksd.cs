using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Tkksd;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Data;

/// <summary>
/// Palangka Raya's TKKSD: its SK (term ending in 60 days, so the warning shows), the Sekda as chair,
/// the admin as secretary, the TKKSD account as member (lokus of six OPDs), a former member; two past
/// meetings with approved notulen, a decision on a proposal, and action items, one of them overdue.
/// Built through the same rules as the pages.
/// </summary>
internal static class DemoTkksd
{
    public const string DecreeNumber = "188.45/112/Huk/2024";
    public const string OverdueAction = "Menyusun kajian kelayakan pengelolaan sampah regional bersama Pulang Pisau";

    public static async Task SeedAsync(AppDbContext db, FileStore files, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        if (await db.TkksdMembers.IgnoreQueryFilters().AnyAsync(m => m.RegionCode == regionCode, ct))
            return;
        var users = await db.Users.Where(u => u.RegionCode == regionCode).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        string? Id(string email) => users.GetValueOrDefault(email);
        if (Id("sekda.palangkaraya@sinergi.test") is not { } sekda || Id("admin.palangkaraya@sinergi.test") is not { } admin
            || Id("tkksd.palangkaraya@sinergi.test") is not { } tkksd || Id("dinkes.palangkaraya@sinergi.test") is not { } dinkes)
            return;
        var actor = Actor.System;
        var termStart = today.AddYears(-2).AddDays(60);
        var (decree, _) = await TkksdRegister.SaveDecreeAsync(db, files, regionCode, new(DecreeNumber, termStart.AddDays(-7), termStart, today.AddDays(60)),
            null, null, 0, actor, ct);
        var start = termStart;
        await TkksdRegister.AddMemberAsync(db, regionCode, new(sekda, TkksdPosition.Ketua, "Sekretaris Daerah", start, decree?.Id), today, actor, ct);
        await TkksdRegister.AddMemberAsync(db, regionCode, new(admin, TkksdPosition.Sekretaris, "Kepala Bagian Kerja Sama Setda", start, decree?.Id), today, actor, ct);
        await TkksdRegister.AddMemberAsync(db, regionCode, new(tkksd, TkksdPosition.Anggota, "Kepala Bidang Perencanaan Bapperida", start, decree?.Id), today, actor, ct);
        if (Id("disbudpar.palangkaraya@sinergi.test") is { } disbudpar
            && (await TkksdRegister.AddMemberAsync(db, regionCode, new(disbudpar, TkksdPosition.Anggota, "Sekretaris Disbudpar", start, decree?.Id), today, actor, ct)).Member is { } former)
            await TkksdRegister.EndMemberAsync(db, former, today.AddDays(-120), actor, ct);

        var proposal = await db.Proposals.IgnoreQueryFilters().Where(p => p.RegionCode == regionCode).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var obstacle = await db.Obstacles.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode).OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        var evaluation = await db.Assessments.IgnoreQueryFilters().Where(a => a.RegionCode == regionCode && a.Kind == AssessmentKind.Evaluasi && a.SubmittedAt != null)
            .OrderBy(a => a.Id).Select(a => new { a.AgreementId, a.PeriodCode }).FirstOrDefaultAsync(ct);
        var dlh = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode && (o.ShortName == "DLH" || o.ShortName == "Dinkes")).Select(o => o.Id).ToListAsync(ct);

        var first = new List<TkksdMeetings.AgendaPick>();
        if (evaluation is not null)
            first.Add(new(AgendaKind.Evaluasi, null, evaluation.AgreementId, evaluation.PeriodCode, null, null));
        if (obstacle is int o)
            first.Add(new(AgendaKind.Kendala, null, null, null, o, null));
        first.Add(new(AgendaKind.Lainnya, null, null, null, null, "Penyusunan rencana kerja TKKSD tahun berjalan"));
        await MeetingAsync(db, regionCode, "Rapat koordinasi TKKSD triwulan III", today.AddDays(-90), first, actor,
            ["Hasil evaluasi diterima; OPD memperbaiki pelaporan indikator.", "Kendala dibahas bersama mitra; Bagian Kerja Sama menyurati mitra.", "Rencana kerja disusun oleh sekretaris."],
            [("Menyurati mitra tentang tindak lanjut kendala", admin, today.AddDays(-60), ActionItemStatus.Selesai)], dlh);

        var second = new List<TkksdMeetings.AgendaPick>();
        if (proposal is int p)
            second.Add(new(AgendaKind.Usulan, p, null, null, null, null));
        second.Add(new(AgendaKind.Lainnya, null, null, null, null, "Sosialisasi SOP kerja sama kepada OPD"));
        await MeetingAsync(db, regionCode, "Rapat pembahasan usulan kerja sama", today.AddDays(-30), second, actor,
            ["Usulan layak dilanjutkan dengan perbaikan kajian biaya.", "Sosialisasi SOP dilaksanakan bulan depan."],
            [(OverdueAction, dinkes, today.AddDays(-10), ActionItemStatus.Berjalan), ("Menyiapkan bahan sosialisasi SOP untuk OPD", tkksd, today.AddDays(20), ActionItemStatus.Terbuka)], dlh);
        // The notices of these past meetings were read long ago; the demo's bells start quiet.
        var now = db.UtcNow;
        await db.Notifications.Where(n => n.RegionCode == regionCode && n.Kind == Features.Notifications.NotificationKind.Tkksd)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    private static async Task MeetingAsync(AppDbContext db, string regionCode, string title, DateOnly heldOn, List<TkksdMeetings.AgendaPick> agenda, Actor actor,
        string[] decisions, (string What, string Owner, DateOnly Due, ActionItemStatus Status)[] actions, List<int> opds)
    {
        var (meeting, _) = await TkksdMeetings.PlanAsync(db, regionCode, new(title, heldOn, "09.00 WIB", "Aula Setda Kota Palangka Raya", opds, agenda), actor);
        if (meeting is null)
            return;
        meeting.InvitedAt = db.UtcNow;
        var members = await TkksdRegister.MembersOnAsync(db, regionCode, heldOn);
        await TkksdMeetings.AttendanceAsync(db, meeting, members.Select(m => m.Id).Take(3).ToHashSet(), actor);
        var items = meeting.Agenda.OrderBy(a => a.Order).ToList();
        await TkksdMeetings.SaveMinutesAsync(db, meeting, "Rapat dibuka oleh Ketua TKKSD dan membahas acara sesuai undangan.",
            items.Zip(decisions).ToDictionary(x => x.First.Id, x => (string?)x.Second), actor);
        await TkksdMeetings.ApproveAsync(db, meeting, actor);
        foreach (var (what, owner, due, status) in actions)
            if ((await TkksdMeetings.AddActionAsync(db, meeting, new(what, owner, due, items[0].Id), actor)).Item is { } item && status != ActionItemStatus.Terbuka)
                await TkksdMeetings.SetStatusAsync(db, item, status, actor);
    }
}
