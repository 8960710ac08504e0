using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Partners;

/// <summary>
/// A partner's type, name and region show in every agreement that names it, and its region decides
/// which regions read those agreements: only someone who may edit all of them changes these. Anyone
/// who keeps the directory fixes its contact details.
/// </summary>
public abstract class PartnerIdentityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string PulangPisau = "Pemerintah Kabupaten Pulang Pisau";

    private Task<Partner> PartnerAsync(string name) =>
        app.WithDbAsync(db => db.Partners.AsNoTracking().SingleAsync(p => p.RegionCode == Demo.Home && p.Name == name));

    private Task<Partner> PartnerAsync(int id) =>
        app.WithDbAsync(db => db.Partners.AsNoTracking().SingleAsync(p => p.Id == id));

    private Task<List<string>> SharesAsync(int agreementId) =>
        app.WithDbAsync(db => db.AgreementShares.Where(s => s.AgreementId == agreementId).Select(s => s.RegionCode).OrderBy(c => c).ToListAsync());

    private Task<string> RegionNameAsync(string code) =>
        app.WithDbAsync(db => db.Regions.Where(r => r.Code == code).Select(r => r.Name).SingleAsync());

    private async Task<HttpClient> ClientForAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Partner partner, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/partners/{partner.Id}") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{partner.Version}\""));
        return client.SendAsync(request);
    }

    private static List<string[]> NewestHistory(IDocument details) =>
        details.QuerySelector("#history li")!.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    [Fact]
    public async Task An_opd_operator_fixes_a_partners_contact_but_not_who_it_is()
    {
        // Pulang Pisau is party to agreements run by Setda, DLH, DPUPR, DKPPP and Dishub, none by Dinkes.
        var partner = await PartnerAsync(PulangPisau);
        var shared = await app.WithDbAsync(db => db.AgreementShares.CountAsync(s => s.RegionCode == Demo.PartnerRegion));
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);

        var form = await browser.GetAsync($"/Partners/Edit/{partner.Id}");
        Assert.Contains("hanya dapat diubah oleh Admin Kerja Sama", form.Text("#identity-lock"));
        Assert.Contains("alamat, negara, narahubung dan lokasi", form.Text("#identity-lock"));
        Assert.Null(form.QuerySelector("#partner-form select[name='Input.Type']"));
        Assert.Null(form.QuerySelector("#partner-form select[name='Input.LinkedRegionCode']"));
        Assert.NotNull(form.QuerySelector("#partner-form input[name='Input.Name'][type=hidden]"));

        // A form sent with other values anyway is refused field by field, and nothing of it is saved.
        var refused = await browser.FollowAsync(await browser.SubmitAsync(form, "#partner-form",
            [new("Input.LinkedRegionCode", "62.01"), new("Input.Name", "Pemerintah Kabupaten Kotawaringin Barat"), new("Input.Address", "Jl. Baru")]));
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Contains("hanya dapat diubah oleh Admin Kerja Sama", refused.FieldError("Input.LinkedRegionCode"));
        Assert.Contains("hanya dapat diubah oleh Admin Kerja Sama", refused.FieldError("Input.Name"));
        Assert.Equal("", refused.FieldError("Input.Address"));
        var unchanged = await PartnerAsync(partner.Id);
        Assert.Equal((Demo.PartnerRegion, PulangPisau, partner.Address), (unchanged.LinkedRegionCode, unchanged.Name, unchanged.Address));

        var saved = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync($"/Partners/Edit/{partner.Id}"), "#partner-form",
            [new("Input.ContactName", "Ahmad Fauzi"), new("Input.ContactPhone", "0513 61234")]));
        Assert.Contains("disimpan", saved.Text("[role=status]"));
        Assert.Equal("Ahmad Fauzi", (await PartnerAsync(partner.Id)).ContactName);

        // The API refuses the same with 403 and names the fields; contact details go through.
        var client = await ClientForAsync(Demo.Accounts.DinkesOperator);
        var current = await PartnerAsync(partner.Id);
        var forbidden = await PutAsync(client, current, new { type = "Swasta", name = "PT Pulang Pisau", contactName = "Ahmad Fauzi" });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var problem = await forbidden.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("hanya dapat diubah oleh Admin Kerja Sama", problem.GetProperty("errors").GetProperty("type")[0].GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
        var ok = await PutAsync(client, current, new { type = "PemerintahDaerah", name = PulangPisau, linkedRegionCode = Demo.PartnerRegion, contactName = "Ahmad Fauzi", contactEmail = "bappeda@pulangpisaukab.go.id" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var after = await PartnerAsync(partner.Id);
        Assert.Equal((PartnerType.PemerintahDaerah, Demo.PartnerRegion, "bappeda@pulangpisaukab.go.id"), (after.Type, after.LinkedRegionCode, after.ContactEmail));
        Assert.Equal(shared, await app.WithDbAsync(db => db.AgreementShares.CountAsync(s => s.RegionCode == Demo.PartnerRegion)));
    }

    [Fact]
    public async Task An_opd_operator_renames_a_partner_only_its_own_opds_agreements_name()
    {
        var agreement = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == Demo.Agreements.Stunting).Select(a => a.Id).SingleAsync());
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        await admin.FollowAsync(await admin.SubmitAsync(await admin.GetAsync("/Partners/Edit"), "#partner-form",
            [new("Input.Type", nameof(PartnerType.Ormas)), new("Input.Name", "Posyandu Kasih Ibu")]));
        var partner = await PartnerAsync("Posyandu Kasih Ibu");
        await app.WithDbAsync(async db =>
        {
            var a = await db.Agreements.WithLists().SingleAsync(x => x.Id == agreement);
            a.Partners.Add(await db.Partners.SingleAsync(p => p.Id == partner.Id));
            await db.SaveChangesAsync();
        });

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var form = await browser.GetAsync($"/Partners/Edit/{partner.Id}");
        Assert.Empty(form.QuerySelectorAll("#identity-lock"));
        var saved = await browser.FollowAsync(await browser.SubmitAsync(form, "#partner-form", [new("Input.Name", "Posyandu Kasih Ibu Jekan Raya")]));
        Assert.Contains("disimpan", saved.Text("[role=status]"));
        Assert.Equal("Posyandu Kasih Ibu Jekan Raya", (await PartnerAsync(partner.Id)).Name);
    }

    [Fact]
    public async Task Every_share_a_partner_change_gains_or_loses_is_in_the_agreements_history()
    {
        var (kapuas, barito) = (await RegionNameAsync("62.03"), await RegionNameAsync("62.04"));
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        await admin.FollowAsync(await admin.SubmitAsync(await admin.GetAsync("/Partners/Edit"), "#partner-form",
            [new("Input.Type", nameof(PartnerType.PemerintahDaerah)), new("Input.LinkedRegionCode", "62.03")]));
        var partner = await app.WithDbAsync(db => db.Partners.AsNoTracking().SingleAsync(p => p.RegionCode == Demo.Home && p.LinkedRegionCode == "62.03"));
        var (signed, draft) = await app.WithDbAsync(async db =>
        {
            var pair = await db.Agreements.WithLists()
                .Where(a => a.Title == "Pembinaan Keagamaan dan Pendidikan Karakter Siswa" || a.Title == Demo.Agreements.SharedDraft).ToListAsync();
            var kab = await db.Partners.SingleAsync(p => p.Id == partner.Id);
            foreach (var a in pair)
            {
                a.Partners.Add(kab);
                a.ShareWithPartnerRegions();
            }
            await db.SaveChangesAsync();
            return (pair.Single(a => a.Lifecycle != AgreementLifecycle.Draf).Id, pair.Single(a => a.Lifecycle == AgreementLifecycle.Draf).Id);
        });
        Assert.Equal(["62.03"], await SharesAsync(signed));

        // Another region: the share moves from Kapuas to Barito Selatan, and the name follows the region list.
        await admin.FollowAsync(await admin.SubmitAsync(await admin.GetAsync($"/Partners/Edit/{partner.Id}"), "#partner-form",
            [new("Input.LinkedRegionCode", "62.04"), new("Input.Name", "")]));
        Assert.Equal(["62.04"], await SharesAsync(signed));
        var moved = NewestHistory(await admin.GetAsync($"/Agreements/Details/{signed}"));
        Assert.Contains(moved, r => r[0] == "Dibagikan kepada" && r[1] == kapuas && r[2] == barito);
        Assert.Contains(moved, r => r[0] == "Mitra" && r[1].Contains($"Pemerintah {kapuas}") && r[2].Contains($"Pemerintah {barito}"));

        // Another type: the agreement is no longer shared with any region, and says so.
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var current = await PartnerAsync(partner.Id);
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, current, new { type = "Swasta", name = "Koperasi Barito Selatan" })).StatusCode);
        Assert.Empty(await SharesAsync(signed));
        var lost = NewestHistory(await admin.GetAsync($"/Agreements/Details/{signed}"));
        Assert.Contains(lost, r => r[0] == "Dibagikan kepada" && r[1] == barito && r[2] == "—");

        // A draft is shared with nobody, so its history speaks only of the partner's new name.
        var draftHistory = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Agreement" && e.EntityId == draft).ToListAsync());
        Assert.DoesNotContain(draftHistory.SelectMany(e => e.Changes), c => c.Field == "Dibagikan kepada");
        Assert.Contains(draftHistory.SelectMany(e => e.Changes), c => c.Field == "Mitra" && c.New!.Contains("Koperasi Barito Selatan"));
    }
}

public sealed class PartnerIdentityTestsOnSqlite(SqliteApp app) : PartnerIdentityTests<SqliteApp>(app);

public sealed class PartnerIdentityTestsOnPostgres(PostgresApp app) : PartnerIdentityTests<PostgresApp>(app);
