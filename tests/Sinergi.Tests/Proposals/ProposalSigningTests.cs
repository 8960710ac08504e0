using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Proposals;

/// <summary>
/// The signing stages: the admin schedules the signing (desk to desk, seremonial or hybrid), moves it
/// with a reason and keeps the history; the OPD and the partner's contact are told; the signed date
/// is the one entered, never after today, and the registry's agreements are signed on it.
/// </summary>
public abstract class ProposalSigningTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private DateOnly Today => RegionClock.Today(app.Clock, Demo.Home);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A new proposal put straight into the KB signing stage (the stages before it are covered by the workflow tests).</summary>
    private async Task<int> AtKbSigningAsync(string title)
    {
        var id = await ProposalSteps.CreateAsync(app, title);
        await app.WithDbAsync(async db =>
        {
            var p = await db.Proposals.SingleAsync(x => x.Id == id);
            p.Stage = "penandatanganan-kb";
            await db.SaveChangesAsync();
        });
        return id;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient api, int id, object body) => api.PutAsJsonAsync($"/api/v1/proposals/{id}/signing", body);

    private static async Task<JsonElement> SigningAsync(HttpClient api, int id) =>
        JsonDocument.Parse(await (await api.GetAsync($"/api/v1/proposals/{id}/signing")).Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task A_signing_is_scheduled_only_in_a_signing_stage_by_its_admin_with_a_date_from_today_and_a_place_for_a_ceremony()
    {
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var operatorApi = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        var early = await ProposalSteps.CreateAsync(app, "Penandatanganan terlalu dini");
        var notYet = await PutAsync(admin, early, new { mode = "DeskToDesk", date = Iso(Today.AddDays(3)) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notYet.StatusCode);
        Assert.Contains("tahap penandatanganan", await notYet.Content.ReadAsStringAsync());

        var id = await AtKbSigningAsync("Jadwal penandatanganan diuji");
        Assert.Equal(HttpStatusCode.Forbidden, (await PutAsync(operatorApi, id, new { mode = "DeskToDesk", date = Iso(Today) })).StatusCode);

        var noPlace = await PutAsync(admin, id, new { mode = "Seremonial", date = Iso(Today.AddDays(7)) });
        Assert.Equal(HttpStatusCode.BadRequest, noPlace.StatusCode);
        Assert.Contains("Isi tempat penandatanganan", await noPlace.Content.ReadAsStringAsync());
        var hybrid = await PutAsync(admin, id, new { mode = "Hybrid", date = Iso(Today.AddDays(7)), place = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, hybrid.StatusCode);
        var past = await PutAsync(admin, id, new { mode = "DeskToDesk", date = Iso(Today.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("tidak boleh sebelum hari ini", await past.Content.ReadAsStringAsync());
        var badTime = await PutAsync(admin, id, new { mode = "DeskToDesk", date = Iso(Today), time = "jam sembilan" });
        Assert.Contains("Jam ditulis seperti 09.30", await badTime.Content.ReadAsStringAsync());
        var noMode = await PutAsync(admin, id, new { date = Iso(Today) });
        Assert.Contains("Pilih cara penandatanganan", await noMode.Content.ReadAsStringAsync());
        // Nothing was saved by any of those.
        Assert.Equal(JsonValueKind.Null, (await SigningAsync(admin, id)).GetProperty("current").ValueKind);
        Assert.Equal(0, await app.WithDbAsync(db => db.ProposalSigningSchedules.CountAsync(s => s.ProposalId == id)));

        // Desk to desk needs no place; today is allowed.
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, id, new { mode = "DeskToDesk", date = Iso(Today) })).StatusCode);
        Assert.Equal("Desk to desk", (await SigningAsync(operatorApi, id)).GetProperty("current").GetProperty("modeLabel").GetString());
        Assert.False((await SigningAsync(operatorApi, id)).GetProperty("canSchedule").GetBoolean());
    }

    [Fact]
    public async Task Rescheduling_needs_a_reason_keeps_the_history_and_tells_the_opd_and_the_partner_contact()
    {
        using var smtp = new SmtpCatcher();
        smtp.Serve(app.Services);
        var id = await AtKbSigningAsync("Penandatanganan dijadwalkan ulang");
        const string contact = "kontak.mitra.signing@example.test";
        await app.WithDbAsync(async db =>
        {
            var p = await db.Proposals.Include(x => x.Partners).SingleAsync(x => x.Id == id);
            p.Partners[0].ContactEmail = contact;
            await db.SaveChangesAsync();
        });
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var first = await PutAsync(admin, id, new { mode = "Seremonial", date = Iso(Today.AddDays(10)), time = "09.30", place = "Aula Jayang Tingang", agenda = "Sambutan Wali Kota; penandatanganan; foto bersama" });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var number = await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => new { p.Year, p.Sequence }).SingleAsync());
        var proposalNumber = Proposal.FormatNumber(number.Year, number.Sequence);

        var noReason = await PutAsync(admin, id, new { mode = "Hybrid", date = Iso(Today.AddDays(14)), place = "Aula Jayang Tingang" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("alasan penjadwalan ulang", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, id, new { mode = "Hybrid", date = Iso(Today.AddDays(14)), place = "Aula Jayang Tingang", reason = "Wali Kota bertugas ke Jakarta" })).StatusCode);

        var signing = await SigningAsync(admin, id);
        Assert.Equal("Hybrid", signing.GetProperty("current").GetProperty("mode").GetString());
        var history = signing.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Equal("Wali Kota bertugas ke Jakarta", history[0].GetProperty("reason").GetString());
        Assert.Equal(Iso(Today.AddDays(10)), history[1].GetProperty("date").GetString());
        Assert.Equal("09:30", history[1].GetProperty("time").GetString());

        // In the notification centre of the responsible OPD's operator, and by email to them and to the partner's contact.
        var inbox = await app.WithDbAsync(db => db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email == Demo.Accounts.DinkesOperator) && n.Link == $"/Proposals/Details/{id}")
            .Select(n => n.Title).ToListAsync());
        Assert.Contains(inbox, t => t.Contains("Penandatanganan dijadwalkan") && t.Contains(proposalNumber));
        Assert.Contains(inbox, t => t.Contains("Jadwal penandatanganan diubah"));
        var toOperator = smtp.To(Demo.Accounts.DinkesOperator).Where(m => (m.Subject ?? "").Contains(proposalNumber) && (m.Subject ?? "").Contains("enandatanganan")).ToList();
        Assert.Equal(2, toOperator.Count);
        Assert.Contains($"/Proposals/Details/{id}", toOperator[0].TextBody);
        var toPartner = smtp.To(contact);
        Assert.Equal(2, toPartner.Count);
        Assert.Contains("Aula Jayang Tingang", toPartner[0].TextBody);
        Assert.Contains(global::Sinergi.Web.Indonesian.Date(Today.AddDays(10)), toPartner[0].TextBody);

        // The page shows the schedule in force and the history with the reason.
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var page = await browser.GetAsync($"/Proposals/Details/{id}");
        Assert.Contains("Hybrid", page.Text("#signing-current"));
        Assert.Contains(global::Sinergi.Web.Indonesian.Date(Today.AddDays(14)), page.Text("#signing-summary"));
        Assert.Contains("Wali Kota bertugas ke Jakarta", page.Text("#signing-history"));
        Assert.Null(page.QuerySelector("#signing-form"));
    }

    [Fact]
    public async Task The_signed_date_is_the_one_entered_never_after_today_and_the_registry_agreements_carry_it()
    {
        var id = await AtKbSigningAsync("Tanggal tanda tangan sebenarnya");
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var operatorApi = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        // A schedule that has not come yet gives no default: the admin must say when it was signed.
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(admin, id, new { mode = "DeskToDesk", date = Iso(Today.AddDays(5)) })).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var caller = await ProposalSteps.CallerAsync(db, Demo.Accounts.Admin);
            var proposal = (await Features.Proposals.Proposals.LoadAsync(db, id))!;
            var files = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Sinergi.Infrastructure.Files.FileStore>(app.Services);
            using var pdf = new MemoryStream(Infrastructure.Files.TestFiles.Pdf("KB bertanda tangan"));
            Assert.NotNull((await Features.Proposals.Proposals.UploadAsync(db, files, caller, proposal, ProposalDocumentTypes.KbBertandatangan, "kb.pdf", pdf, 10_000_000)).Item1);
            foreach (var item in proposal.Sop!.Stage(proposal.Stage)!.Checklist)
                Assert.Null(await Features.Proposals.Proposals.CheckAsync(db, caller, proposal, item, true));
        });
        var none = await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/transitions", new { to = "penyusunan-pks" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, none.StatusCode);
        Assert.Contains("Isi tanggal penandatanganan", await none.Content.ReadAsStringAsync());
        var future = await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/transitions", new { to = "penyusunan-pks", signedOn = Iso(Today.AddDays(1)) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, future.StatusCode);
        Assert.Contains("tidak boleh sesudah hari ini", await future.Content.ReadAsStringAsync());
        Assert.Equal("penandatanganan-kb", (await ProposalSteps.GetAsync(admin, id)).GetProperty("stage").GetProperty("code").GetString());

        var kbSigned = Today.AddDays(-3);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/proposals/{id}/transitions", new { to = "penyusunan-pks", signedOn = Iso(kbSigned) })).StatusCode);
        Assert.Equal(Iso(kbSigned), (await SigningAsync(admin, id)).GetProperty("kbSignedOn").GetString());

        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.DinkesOperator);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, id, "penandatanganan-pks")).StatusCode);
        // The PKS's scheduled day has come (today): it is the default signed date.
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(admin, id, SopVersion.Done)).StatusCode);

        var agreementId = (await ProposalSteps.GetAsync(admin, id)).GetProperty("agreementId").GetInt32();
        var agreement = await app.WithDbAsync(db => db.Agreements.Include(a => a.Parent).SingleAsync(a => a.Id == agreementId));
        Assert.Equal(Today, agreement.SignedOn);
        Assert.Equal(kbSigned, agreement.Parent!.SignedOn);
        Assert.Equal(AgreementDocumentType.KesepakatanBersama, agreement.Parent.DocumentType);

        // The proposal's page shows both signed dates, and the signed KB with its paraf, meterai and stempel ticked.
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var page = await browser.GetAsync($"/Proposals/Details/{id}");
        Assert.Contains(global::Sinergi.Web.Indonesian.Date(kbSigned), page.Text("#kb-signed-on"));
        Assert.Contains(global::Sinergi.Web.Indonesian.Date(Today), page.Text("#signed-on"));
        Assert.Contains("☑ Meterai", page.Text("#documents .signed-checklist"));
    }
}

public sealed class ProposalSigningTestsOnSqlite(SqliteApp app) : ProposalSigningTests<SqliteApp>(app);

public sealed class ProposalSigningTestsOnPostgres(PostgresApp app) : ProposalSigningTests<PostgresApp>(app);
