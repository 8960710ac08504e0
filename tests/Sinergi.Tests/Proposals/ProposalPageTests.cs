using System.Net;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Notifications;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;
using Sinergi.Web;

namespace Sinergi.Tests.Proposals;

public abstract class ProposalPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private Task<int> DemoAsync(string title) => app.WithDbAsync(db => db.Proposals.Where(p => p.RegionCode == Demo.Home && p.Title == title).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task The_usulan_list_shows_each_stage_and_its_deadline_and_an_operator_sees_only_its_own_opd()
    {
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        // The list shows a page at a time (other tests add proposals to the same region): each stage's own view finds its proposal.
        var list = await admin.GetAsync("/Proposals?stage=persetujuan-dprd");
        var rows = list.QuerySelectorAll("#proposal-table tbody tr").ToList();
        Assert.Contains(rows, r => r.TextContent.Contains(Demo.Proposals.Dprd) && r.TextContent.Contains("Persetujuan DPRD") && r.TextContent.Contains("Perlu persetujuan DPRD"));
        rows = [.. (await admin.GetAsync("/Proposals")).QuerySelectorAll("#proposal-table tbody tr")];
        Assert.Contains(rows, r => r.TextContent.Contains(Demo.Proposals.Overdue) && r.ClassList.Contains("overdue") && r.TextContent.Contains("Lewat batas waktu"));
        rows = [.. (await admin.GetAsync("/Proposals?stage=ditolak")).QuerySelectorAll("#proposal-table tbody tr")];
        Assert.Contains(rows, r => r.TextContent.Contains(Demo.Proposals.Rejected) && r.TextContent.Contains("Ditolak"));
        var overdue = (await admin.GetAsync("/Proposals?overdue=true")).QuerySelectorAll("#proposal-table tbody tr").ToList();
        Assert.All(overdue, r => Assert.Contains("overdue", r.ClassList));
        Assert.Contains(overdue, r => r.TextContent.Contains(Demo.Proposals.Overdue));

        var dinkes = new Browser(app);
        await dinkes.LoginAsync(Demo.Accounts.DinkesOperator);
        var own = (await dinkes.GetAsync("/Proposals")).Text("#proposal-table");
        Assert.Contains(Demo.Proposals.Returned, own);
        Assert.DoesNotContain(Demo.Proposals.OtherOpd, own);
        Assert.Equal(HttpStatusCode.NotFound, (await dinkes.Http.GetAsync($"/Proposals/Details/{await DemoAsync(Demo.Proposals.OtherOpd)}")).StatusCode);
        // The returned proposal waits for the admin again, not for the operator.
        // (The page shows the ten nearest deadlines of what waits; the rule is read in full here.)
        var adminInbox = await app.WithDbAsync(async db => await ProposalQueries.InboxAsync(db, await ProposalSteps.CallerAsync(db, Demo.Accounts.Admin), RegionClock.Today(app.Clock, Demo.Home)));
        Assert.Contains(adminInbox, r => r.Title == Demo.Proposals.Returned);
        var page = await admin.GetAsync("/Proposals");
        Assert.Equal(Indonesian.Number(adminInbox.Count), page.Text("#inbox-count"));
        Assert.Equal(Math.Min(adminInbox.Count, ProposalQueries.InboxShown), page.QuerySelectorAll("#inbox-table tbody tr").Length);
    }

    [Fact]
    public async Task A_rejected_document_stays_as_a_rejected_version_with_who_why_and_when_and_the_stage_lists_it_missing_again()
    {
        var id = await ProposalSteps.CreateAsync(app, "Usulan dokumen ditolak");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var page = await browser.GetAsync($"/Proposals/Details/{id}");
        Assert.Contains("KAK (kerangka acuan kerja)", page.Text("#missing"));
        Assert.True(page.QuerySelector("#moves button[data-to=validasi]")!.HasAttribute("disabled"));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(page.QuerySelector("#upload-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new StringContent(ProposalDocumentTypes.Kak), "type" },
            { new ByteArrayContent(TestFiles.Fixture("nota-kesepakatan.pdf")), "file", "kak.pdf" },
        };
        var uploaded = await browser.FollowAsync(await browser.Http.PostAsync($"/Proposals/Details/{id}?handler=Upload", upload));
        Assert.DoesNotContain("KAK (kerangka acuan kerja)", uploaded.Text("#missing"));

        var version = await app.WithDbAsync(db => db.ProposalDocuments.Where(d => d.ProposalId == id).Select(d => d.Id).SingleAsync());
        var rejecting = uploaded.QuerySelector($"tr[data-document='{version}'] form")!;
        var rejected = await browser.FollowAsync(await browser.SubmitAsync(uploaded, $"tr[data-document='{version}'] form", [new("reason", "Bukan KAK, melainkan nota lama")]));
        Assert.NotNull(rejecting);
        var row = rejected.QuerySelector($"tr[data-document='{version}']")!;
        Assert.Contains("Ditolak", row.TextContent);
        Assert.Contains("Bukan KAK, melainkan nota lama", row.TextContent);
        Assert.Contains("Maria Simanjuntak", row.TextContent);
        Assert.Contains("KAK (kerangka acuan kerja)", rejected.Text("#missing"));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync($"/Proposals/Document/{version}")).StatusCode);
        var stored = await app.WithDbAsync(db => db.ProposalDocuments.SingleAsync(d => d.Id == version));
        Assert.NotNull(stored.RejectedAt);
    }

    [Fact]
    public async Task A_tracking_code_shows_its_proposals_stage_and_nothing_else_and_a_wrong_code_shows_nothing()
    {
        var anonymous = new Browser(app);
        var found = await anonymous.GetAsync($"/lacak?code={Demo.Proposals.TrackingCode}");
        Assert.Equal("Validasi", found.Text("#track-stage"));
        Assert.DoesNotContain(Demo.Proposals.FromOffer, found.Body!.TextContent);
        Assert.DoesNotContain("Surya Borneo", found.Body.TextContent);
        var wrong = await anonymous.GetAsync("/lacak?code=LCK-SALAH00000");
        Assert.Null(wrong.QuerySelector("#track-result"));
        Assert.Contains("tidak ditemukan", wrong.Text("#track-none"));
    }

    [Fact]
    public async Task The_admin_records_an_outside_offer_and_gets_a_tracking_code_and_the_stage_actors_are_notified()
    {
        using var smtp = new SmtpCatcher();
        smtp.Serve(app.Services);
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var form = await admin.GetAsync("/Proposals/Edit");
        var dlh = await ProposalSteps.OpdAsync(app, Demo.Opds.Dlh);
        var saved = await admin.FollowAsync(await admin.SubmitAsync(form, "#proposal-form", [
            new("Input.Kind", "Ksdpk"), new("Input.Title", "Penawaran pengolahan sampah plastik"), new("Input.OpdId", dlh.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.FromOffer", "true"), new("Input.OfferFrom", "PT Daur Ulang Kalteng"), new("Input.OfferLetterNumber", "12/DUK/2026")]));
        var code = saved.Text("#tracking-code");
        Assert.StartsWith("LCK-", code);
        Assert.Equal("Persiapan", (await new Browser(app).GetAsync($"/lacak?code={code}")).Text("#track-stage"));

        var id = await app.WithDbAsync(db => db.Proposals.Where(p => p.TrackingCode == code).Select(p => p.Id).SingleAsync());
        var notified = await app.WithDbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.Proposal && n.Link == $"/Proposals/Details/{id}")
            .Join(db.Users, n => n.UserId, u => u.Id, (_, u) => u.Email!).ToListAsync());
        Assert.Contains(Demo.Accounts.Admin, notified);
        Assert.DoesNotContain(Demo.Accounts.DinkesOperator, notified);
        var number = await app.WithDbAsync(db => db.Proposals.Where(p => p.Id == id).Select(p => new { p.Year, p.Sequence }).SingleAsync());
        var mail = Assert.Single(smtp.To(Demo.Accounts.Admin), m => (m.Subject ?? "").Contains(Proposal.FormatNumber(number.Year, number.Sequence)));
        Assert.Contains($"/Proposals/Details/{id}", mail.TextBody);
    }
}

public sealed class ProposalPageTestsOnSqlite(SqliteApp app) : ProposalPageTests<SqliteApp>(app);

public sealed class ProposalPageTestsOnPostgres(PostgresApp app) : ProposalPageTests<PostgresApp>(app);
