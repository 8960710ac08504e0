using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Audit;
using Sinergi.Features.Accounts;
using Sinergi.Features.Notifications;
using Sinergi.Features.Proposals;
using Sinergi.Features.Tkksd;
using Sinergi.Tenancy;
using Sinergi.Tests.Proposals;
using Sinergi.Tests.Testing;
using Sinergi.Web;

namespace Sinergi.Tests.Tkksd;

/// <summary>The TKKSD's register, meetings with notulen versions, action items and their escalation, on the demo's Palangka Raya.</summary>
public abstract class TkksdTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private DateOnly Today => RegionClock.Today(app.Clock, Demo.Home);

    private Task<string> UserIdAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    [Fact]
    public async Task The_register_keeps_history_and_its_members_of_today_are_the_quorum_not_every_tkksd_account()
    {
        var past = await app.WithDbAsync(db => TkksdRegister.MembersOnAsync(db, Demo.Home, Today.AddDays(-150)));
        var now = await app.WithDbAsync(db => TkksdRegister.MembersOnAsync(db, Demo.Home, Today));
        Assert.Contains(past, m => m.Name == Demo.Tkksd.FormerMember);
        Assert.DoesNotContain(now, m => m.Name == Demo.Tkksd.FormerMember);
        Assert.Equal(TkksdPosition.Ketua, Assert.Single(now, m => m.Position == TkksdPosition.Ketua).Position);

        // A second TKKSD account outside the register: the fallback would count two, the register counts one.
        var extra = await app.WithDbAsync(async db =>
        {
            var user = new AppUser { UserName = "tkksd2.palangkaraya@sinergi.test", Email = "tkksd2.palangkaraya@sinergi.test", FullName = "Anggota Kedua", RegionCode = Demo.Home,
                NormalizedEmail = "TKKSD2.PALANGKARAYA@SINERGI.TEST", NormalizedUserName = "TKKSD2.PALANGKARAYA@SINERGI.TEST", SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = await db.Roles.Where(r => r.Name == Roles.Tkksd).Select(r => r.Id).SingleAsync() });
            await db.SaveChangesAsync();
            return user.Id;
        });
        Assert.Equal(1, await app.WithDbAsync(db => ProposalVotes.MembersAsync(db, Demo.Home)));
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var added = await admin.PostAsJsonAsync("/api/v1/tkksd/members", new { userId = extra, position = "Anggota", office = "Kepala Dinas Kominfo", startsOn = Today.AddDays(-10) });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal(2, await app.WithDbAsync(db => ProposalVotes.MembersAsync(db, Demo.Home)));
        var twice = await admin.PostAsJsonAsync("/api/v1/tkksd/members", new { userId = extra, position = "Anggota", office = "Kepala Dinas Kominfo", startsOn = Today.AddDays(-10) });
        Assert.Contains("sudah menjadi anggota", await twice.Content.ReadAsStringAsync());

        var id = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/tkksd/members/{id}/end", new { endsOn = Today.AddDays(-1) })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => ProposalVotes.MembersAsync(db, Demo.Home)));
        Assert.True(await app.WithDbAsync(db => db.TkksdMembers.AnyAsync(m => m.Id == id)), "an ended membership is kept");
        var page = await new Browser(app).LoginThenGetAsync(Demo.Accounts.Admin, $"/Tkksd/Members?on={Indonesian.Date(Today.AddDays(-150))}");
        Assert.Contains(Demo.Tkksd.FormerMember, page.Text("#member-table"));
    }

    [Fact]
    public async Task A_member_of_another_region_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var other = await UserIdAsync(Demo.Accounts.PartnerRegionAdmin);
        var before = await app.WithDbAsync(db => db.TkksdMembers.IgnoreQueryFilters().CountAsync());
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var refused = await admin.PostAsJsonAsync("/api/v1/tkksd/members", new { userId = other, position = "Anggota", office = "Kepala Bagian", startsOn = Today });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("userId", body);
        Assert.Contains("pengguna daerah lain", body);
        Assert.Equal(before, await app.WithDbAsync(db => db.TkksdMembers.IgnoreQueryFilters().CountAsync()));
        var tkksd = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        Assert.Equal(HttpStatusCode.Forbidden, (await tkksd.PostAsJsonAsync("/api/v1/tkksd/members", new { userId = other, position = "Anggota", office = "x", startsOn = Today })).StatusCode);
    }

    [Fact]
    public async Task Approved_minutes_are_never_edited_and_a_correction_is_a_new_version_with_its_reason()
    {
        var api = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        var planned = await api.PostAsJsonAsync("/api/v1/tkksd/meetings", new
        {
            title = "Rapat notulen", heldOn = Today, place = "Aula Bapperida", agenda = new[] { new { kind = "Lainnya", title = "Evaluasi SOP" } },
        });
        Assert.Equal(HttpStatusCode.OK, planned.StatusCode);
        var meeting = JsonDocument.Parse(await planned.Content.ReadAsStringAsync()).RootElement;
        var (id, item) = (meeting.GetProperty("id").GetInt32(), meeting.GetProperty("agenda")[0].GetProperty("id").GetInt32());
        var decisions = new Dictionary<string, string> { [item.ToString()] = "SOP direvisi" };
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync($"/api/v1/tkksd/meetings/{id}/minutes", new { summary = "Dibahas", decisions })).StatusCode);
        await app.WithDbAsync(async db => Assert.Empty(await TkksdMeetings.ApproveAsync(db, (await db.TkksdMeetings.Include(m => m.Agenda).SingleAsync(m => m.Id == id)), Actor.System)));

        var edited = await api.PutAsJsonAsync($"/api/v1/tkksd/meetings/{id}/minutes", new { summary = "Diubah diam-diam", decisions });
        Assert.Equal(HttpStatusCode.Conflict, edited.StatusCode);
        Assert.Contains("tidak dapat diubah", await edited.Content.ReadAsStringAsync());
        Assert.Equal("Dibahas", await app.WithDbAsync(db => db.TkksdMinutes.Where(m => m.MeetingId == id).Select(m => m.Summary).SingleAsync()));

        var (noReason, noProblems) = await app.WithDbAsync(async db => await TkksdMeetings.CorrectAsync(db, await db.TkksdMeetings.Include(m => m.Agenda).SingleAsync(m => m.Id == id), " ", Actor.System));
        Assert.Null(noReason);
        Assert.Contains("alasan koreksi", noProblems["Reason"][0]);
        await app.WithDbAsync(async db => Assert.NotNull((await TkksdMeetings.CorrectAsync(db, await db.TkksdMeetings.Include(m => m.Agenda).SingleAsync(m => m.Id == id),
            "Salah tulis keputusan", Actor.System)).Minutes));
        decisions[item.ToString()] = "SOP direvisi dan disosialisasikan";
        var corrected = await api.PutAsJsonAsync($"/api/v1/tkksd/meetings/{id}/minutes", new { summary = "Dibahas", decisions });
        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        var versions = await app.WithDbAsync(db => db.TkksdMinutes.Where(m => m.MeetingId == id).OrderBy(m => m.Revision).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal("SOP direvisi", versions[0].Decisions[item]);
        Assert.Equal(("SOP direvisi dan disosialisasikan", "Salah tulis keputusan"), (versions[1].Decisions[item], versions[1].CorrectionReason));
        Assert.Contains(await app.WithDbAsync(db => AuditTrail.ReadAsync(db, AuditEntities.TkksdMeeting, id)), e => e.Action == AuditActions.Corrected);
    }

    [Fact]
    public async Task An_action_item_without_an_owner_or_a_due_date_is_refused_and_an_overdue_one_is_escalated_by_the_daily_job()
    {
        var meeting = await app.WithDbAsync(db => db.TkksdMeetings.Where(m => m.RegionCode == Demo.Home).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var before = await app.WithDbAsync(db => db.TkksdActionItems.CountAsync());
        var api = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var refused = await api.PostAsJsonAsync($"/api/v1/tkksd/meetings/{meeting}/action-items", new { description = "Menyusun kajian" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("ownerId", body);
        Assert.Contains("dueOn", body);
        Assert.Contains("Batas waktu tindak lanjut wajib diisi", body);
        Assert.Equal(before, await app.WithDbAsync(db => db.TkksdActionItems.CountAsync()));

        var overdue = await api.GetFromJsonAsync<JsonElement>("/api/v1/tkksd/action-items?overdue=true");
        var late = Assert.Single(overdue.EnumerateArray(), a => a.GetProperty("description").GetString() == Demo.Tkksd.OverdueAction);
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NotificationRunner>().RunAsync(null, dryRun: false);
        var dinkes = await UserIdAsync(Demo.Accounts.DinkesOperator);
        var admin = await UserIdAsync(Demo.Accounts.Admin);
        var link = $"/Tkksd/Meetings/{late.GetProperty("meetingId").GetInt32()}#actions";
        var escalated = await app.WithDbAsync(db => db.Notifications.Where(n => n.Link == link && n.Title.Contains("terlambat")).Select(n => n.UserId).ToListAsync());
        Assert.Contains(dinkes, escalated);
        Assert.Contains(admin, escalated);
        Assert.Contains(await app.WithDbAsync(db => db.Notifications.Where(n => n.UserId == admin && n.Link == "/Tkksd/Members").Select(n => n.Title).ToListAsync()),
            t => t.Contains("Masa tugas TKKSD berakhir"));
        var page = await new Browser(app).LoginThenGetAsync(Demo.Accounts.Admin, "/Tkksd");
        Assert.Contains("Masa tugas TKKSD", page.Text("#term-warning"));
        Assert.Contains(Demo.Tkksd.OverdueAction, page.Text("#overdue-actions"));
        // The section brings the team's other work together: the work plan and the region's potentials.
        Assert.Equal("/WorkPlans", page.QuerySelector("#link-workplans")!.GetAttribute("href"));
        Assert.Equal("/Potentials", page.QuerySelector("#link-potentials")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_meeting_with_a_proposal_on_its_agenda_puts_its_decision_on_the_proposal_and_its_action_item_in_the_owners_inbox()
    {
        var proposal = await ProposalSteps.CreateAsync(app, "Usulan dibahas rapat TKKSD");
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var form = await admin.GetAsync("/Tkksd/Meetings");
        var planned = await admin.FollowAsync(await admin.SubmitAsync(form, "#meeting-form", [
            new("Input.Title", "Rapat usulan Dinkes"), new("Input.HeldOn", Indonesian.Date(Today)), new("Input.Place", "Aula Setda"),
            new("Input.ProposalIds", proposal.ToString())]));
        Assert.Contains("Usulan dibahas rapat TKKSD", planned.Text("#agenda-list"));
        var item = planned.QuerySelector("#agenda-list li")!.GetAttribute("data-agenda-id")!;
        var saved = await admin.FollowAsync(await admin.SubmitAsync(planned, "#minutes-form", [new($"Decisions[{item}]", "Usulan disetujui untuk direkomendasikan")]));
        var approved = await admin.FollowAsync(await admin.SubmitAsync(saved, "#approve-form", []));
        Assert.Equal("disetujui", approved.Text("#minutes-state"));
        var missing = await admin.FollowAsync(await admin.SubmitAsync(approved, "#action-form", [new("FollowUp.Description", "Lengkapi kajian biaya")]));
        Assert.Contains("Pilih penanggung jawab", missing.FieldError("FollowUp.OwnerId"));
        var dinkes = await UserIdAsync(Demo.Accounts.DinkesOperator);
        await admin.FollowAsync(await admin.SubmitAsync(approved, "#action-form", [
            new("FollowUp.Description", "Lengkapi kajian biaya"), new("FollowUp.OwnerId", dinkes), new("FollowUp.DueOn", Indonesian.Date(Today.AddDays(14)))]));

        var details = await admin.GetAsync($"/Proposals/Details/{proposal}");
        Assert.Contains("Usulan disetujui untuk direkomendasikan", details.Text("#tkksd-decisions"));
        var owner = new Browser(app);
        await owner.LoginAsync(Demo.Accounts.DinkesOperator);
        Assert.Contains("Lengkapi kajian biaya", (await owner.GetAsync("/Tkksd")).Text("#my-actions"));
        Assert.Contains("Lengkapi kajian biaya", (await owner.GetAsync("/Notifications")).Text("body"));
    }

    [Fact]
    public async Task A_proposal_beyond_the_offered_boxes_goes_on_the_agenda_by_its_number_and_an_unknown_number_saves_nothing()
    {
        var proposal = await ProposalSteps.CreateAsync(app, "Usulan dicari dengan nomor");
        var number = await app.WithDbAsync(db => db.Proposals.IgnoreQueryFilters().Where(p => p.Id == proposal).Select(p => Proposal.FormatNumber(p.Year, p.Sequence)).SingleAsync());
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var meetings = await app.WithDbAsync(db => db.TkksdMeetings.IgnoreQueryFilters().CountAsync());
        var form = await admin.GetAsync("/Tkksd/Meetings");
        Assert.Equal("Nomor usulan lain", form.QuerySelector("label[for='Input_ProposalNumbers']")!.TextContent.Trim());
        IEnumerable<KeyValuePair<string, string>> Fields(string numbers) => [
            new("Input.Title", "Rapat usulan bernomor"), new("Input.HeldOn", Indonesian.Date(Today)), new("Input.Place", "Aula Setda"),
            new("Input.ProposalNumbers", numbers)];

        var unknown = await admin.SubmitAsync(form, "#meeting-form", Fields($"{number}, USL/1999/9999"));
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var refused = await admin.FollowAsync(unknown);
        Assert.Contains("USL/1999/9999 tidak ditemukan", refused.FieldError("Input.ProposalNumbers"));
        Assert.DoesNotContain(number + " tidak", refused.FieldError("Input.ProposalNumbers"));
        var unreadable = await admin.FollowAsync(await admin.SubmitAsync(form, "#meeting-form", Fields("usulan dinkes")));
        Assert.Contains("tidak dikenali", unreadable.FieldError("Input.ProposalNumbers"));
        Assert.Equal(meetings, await app.WithDbAsync(db => db.TkksdMeetings.IgnoreQueryFilters().CountAsync()));

        var planned = await admin.FollowAsync(await admin.SubmitAsync(form, "#meeting-form", Fields(number.ToLowerInvariant())));
        Assert.Contains("Usulan dicari dengan nomor", planned.Text("#agenda-list"));
    }

    [Fact]
    public async Task The_agenda_offers_proposals_in_a_tkksd_stage_first_and_keeps_those_already_chosen()
    {
        var chosen = await ProposalSteps.CreateAsync(app, "Usulan yang sudah dipilih");
        using var cache = new Sinergi.Features.Agreements.Registry.RegistryCache();
        var (rows, total) = await app.WithDbAsync(db => TkksdQueries.AgendaProposalsAsync(db, cache, Demo.Home, [chosen], take: 1));
        var running = await app.WithDbAsync(db => db.Proposals.IgnoreQueryFilters().CountAsync(p => p.RegionCode == Demo.Home && p.State == ProposalState.Berjalan));
        Assert.Equal(running, total);
        Assert.Equal(2, rows.Count);
        Assert.True(rows[0].AtTkksd);
        Assert.Contains(rows[0].Title, new[] { "Pengelolaan Bank Sampah Digital", "Pemutakhiran Data Kemiskinan Bersama BPS" });
        Assert.Equal(chosen, rows[1].Id);
        Assert.False(rows[1].AtTkksd);
    }
}

internal static class TkksdBrowserSteps
{
    public static async Task<AngleSharp.Dom.IDocument> LoginThenGetAsync(this Browser browser, string email, string url)
    {
        await browser.LoginAsync(email);
        return await browser.GetAsync(url);
    }
}

public sealed class TkksdTestsOnSqlite(SqliteApp app) : TkksdTests<SqliteApp>(app);

public sealed class TkksdTestsOnPostgres(PostgresApp app) : TkksdTests<PostgresApp>(app);
