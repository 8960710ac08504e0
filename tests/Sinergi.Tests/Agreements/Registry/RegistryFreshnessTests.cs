using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;
using Sinergi.Tenancy;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements.Registry;

/// <summary>
/// The registry keeps its counts per status and its OPD list in memory between requests. Each test
/// reads the list first, so that they are kept, changes the registry the way people do, and reads
/// it again: the change must show at once, on this app and on another node of the same database.
/// </summary>
public abstract class RegistryFreshnessTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private static DateOnly Today => RegionClock.Today(TimeProvider.System, Demo.Home);

    private static async Task<Dictionary<string, int>> CountsAsync(Browser browser, string url = "/Agreements")
    {
        var page = await browser.GetAsync(url);
        return page.QuerySelectorAll("[data-count-for]").ToDictionary(
            tab => tab.GetAttribute("data-count-for")!,
            tab => int.Parse(tab.QuerySelector(".badge")!.TextContent.Replace(".", ""), CultureInfo.InvariantCulture));
    }

    private static int Total(IDocument page) =>
        int.Parse(page.Text("#result-summary").Split(' ')[0].Replace(".", ""), CultureInfo.InvariantCulture);

    private Task<int> AgreementInForceAsync(string region = Demo.Home) => app.WithDbAsync(async db =>
        (await db.Agreements.Where(a => a.RegionCode == region && a.Lifecycle == AgreementLifecycle.Aktif).ToListAsync())
            .First(a => AgreementStatusRules.StatusOf(a, Today, 90) == AgreementStatus.Berlaku).Id);

    private static async Task TerminateAsync(Browser browser, int id)
    {
        var form = await browser.GetAsync($"/Agreements/Terminate/{id}");
        var details = await browser.FollowAsync(await browser.SubmitAsync(form, "main form", [new("Input.Reason", "Dialihkan ke kerja sama provinsi.")]));
        Assert.Equal("Diakhiri", details.QuerySelector(".status-badge")!.TextContent);
    }

    [Fact]
    public async Task Terminating_an_agreement_moves_it_between_the_counts_at_once()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var before = await CountsAsync(browser);
        Assert.Equal(before, await CountsAsync(browser));
        var id = await AgreementInForceAsync();
        var link = $".agreement-table a[href='/Agreements/Details/{id}']";
        Assert.Empty((await browser.GetAsync("/Agreements?status=diakhiri")).QuerySelectorAll(link));

        await TerminateAsync(browser, id);

        var after = await CountsAsync(browser);
        Assert.Equal(before["berlaku"] - 1, after["berlaku"]);
        Assert.Equal(before["diakhiri"] + 1, after["diakhiri"]);
        Assert.Single((await browser.GetAsync("/Agreements?status=diakhiri")).QuerySelectorAll(link));
    }

    private Task<int> PartnerIdAsync(string name) =>
        app.WithDbAsync(db => db.Partners.IgnoreQueryFilters().Where(p => p.RegionCode == Demo.Home && p.Name == name).Select(p => p.Id).SingleAsync());

    /// <summary>Records an agreement of Kota Palangka Raya through the API, run by Dishub, with these partners.</summary>
    private async Task CreateAgreementAsync(string number, string title, params int[] partnerIds)
    {
        var dishub = await app.WithDbAsync(db => db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == Demo.Home && o.ShortName == "Dishub").Select(o => o.Id).SingleAsync());
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Admin));
        var created = await api.PostAsJsonAsync("/api/v1/agreements", new
        {
            kind = "Ksdd", documentType = "PerjanjianKerjaSama", number, title, urusan = new[] { "2.15" }, opdIds = new[] { dishub }, partnerIds,
            signedOn = Today.AddDays(-10).ToString("yyyy-MM-dd"), durationYears = 2,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task A_new_agreement_with_a_partner_region_shows_in_both_registries_at_once()
    {
        var palangkaRaya = new Browser(app);
        await palangkaRaya.LoginAsync(Admin);
        var pulangPisau = new Browser(app);
        await pulangPisau.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var ownBefore = await CountsAsync(palangkaRaya);
        var partnerBefore = Total(await pulangPisau.GetAsync("/Agreements"));

        await CreateAgreementAsync("119/881/KS-PR/2026", "Trayek Bus Antarkota Palangka Raya–Pulang Pisau", await PartnerIdAsync("Pemerintah Kabupaten Pulang Pisau"));

        Assert.Equal(ownBefore["berlaku"] + 1, (await CountsAsync(palangkaRaya))["berlaku"]);
        var partnerList = await pulangPisau.GetAsync("/Agreements");
        Assert.Equal(partnerBefore + 1, Total(partnerList));
        Assert.Contains("Trayek Bus Antarkota Palangka Raya–Pulang Pisau", partnerList.Text(".agreement-table"));
    }

    [Fact]
    public async Task A_partner_given_another_type_leaves_the_partner_region_s_filter_at_once()
    {
        var palangkaRaya = new Browser(app);
        await palangkaRaya.LoginAsync(Admin);
        await palangkaRaya.FollowAsync(await palangkaRaya.SubmitAsync(await palangkaRaya.GetAsync("/Partners/Edit"), "#partner-form",
            [new("Input.Type", nameof(PartnerType.PerguruanTinggi)), new("Input.Name", "Politeknik Kahayan Raya")]));
        var college = await PartnerIdAsync("Politeknik Kahayan Raya");
        await CreateAgreementAsync("119/882/KS-PR/2026", "Pelatihan Teknisi Kapal Sungai", await PartnerIdAsync("Pemerintah Kabupaten Pulang Pisau"), college);
        var pulangPisau = new Browser(app);
        await pulangPisau.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var withCollege = Total(await pulangPisau.GetAsync("/Agreements?partnerType=pt"));
        Assert.True(withCollege >= 1);

        await palangkaRaya.FollowAsync(await palangkaRaya.SubmitAsync(await palangkaRaya.GetAsync($"/Partners/Edit/{college}"), "#partner-form",
            [new("Input.Type", nameof(PartnerType.Swasta))]));
        Assert.Equal(PartnerType.Swasta, await app.WithDbAsync(db => db.Partners.IgnoreQueryFilters().Where(p => p.Id == college).Select(p => p.Type).SingleAsync()));

        Assert.Equal(withCollege - 1, Total(await pulangPisau.GetAsync("/Agreements?partnerType=pt")));
    }

    [Fact]
    public async Task A_renamed_opd_is_offered_in_the_filter_under_its_new_name_at_once()
    {
        // The filter offers the OPDs that run agreements; Dinkes runs several.
        var dinkes = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Dinkes).Select(o => o.Id).SingleAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        static List<string> Offered(IDocument page) => page.QuerySelectorAll("#opd option").Select(o => o.TextContent).ToList();
        Assert.Contains(Offered(await browser.GetAsync("/Agreements")), o => o.StartsWith("Dinkes ·"));

        var form = await browser.GetAsync($"/Settings/Opds/Edit/{dinkes}");
        var saved = await browser.FollowAsync(await browser.SubmitAsync(form, "#opd-form", [new("Input.ShortName", "Dinas Kes")]));
        Assert.Contains("Perubahan OPD Dinas Kes disimpan", saved.Text("[role=status]"));

        var offered = Offered(await browser.GetAsync("/Agreements"));
        Assert.Contains("Dinas Kes · Dinas Kesehatan", offered);
        Assert.DoesNotContain(offered, o => o.StartsWith("Dinkes ·"));
    }

    [Fact]
    public async Task Words_of_a_new_document_are_found_at_once()
    {
        var id = await AgreementInForceAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        Assert.Equal(0, Total(await browser.GetAsync("/Agreements?q=hidrometeorologi")));

        await DocumentSteps.UploadAsync(browser, id, "lampiran.docx", TestFiles.Docx("Pemantauan hidrometeorologi di daerah aliran sungai Kahayan"), "Lampiran teknis");

        var found = await browser.GetAsync("/Agreements?q=hidrometeorologi");
        Assert.Equal(1, Total(found));
        Assert.Single(found.QuerySelectorAll($".agreement-table a[href='/Agreements/Details/{id}']"));
    }

    [Fact]
    public async Task An_import_shows_in_the_counts_at_once()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var before = Total(await browser.GetAsync("/Agreements"));
        var signed = Today.AddMonths(-2).ToString("d MMMM yyyy", new CultureInfo("id-ID"));
        var csv = "Nomor;Tentang;Mitra;Tanggal Penandatanganan;Jangka Waktu\n" +
            $"119/5/SEGAR/2026;Kerja Sama Segar Pertama;Universitas Palangka Raya;{signed};2 tahun\n" +
            $"119/6/SEGAR/2026;Kerja Sama Segar Kedua;Universitas Palangka Raya;{signed};2 tahun\n";

        var saved = await ImportSteps.ImportAsync(browser, "segar.csv", System.Text.Encoding.UTF8.GetBytes(csv));
        Assert.Equal("Tersimpan", saved.Text("[data-import-status]"));

        Assert.Equal(before + 2, Total(await browser.GetAsync("/Agreements")));
        Assert.Equal(2, Total(await browser.GetAsync("/Agreements?q=segar")));
    }

    [Fact]
    public async Task A_change_made_on_another_node_shows_on_this_one()
    {
        using var otherNode = app.AnotherNode();
        var here = new Browser(app);
        await here.LoginAsync(Admin);
        var there = new Browser(otherNode);
        await there.LoginAsync(Admin);
        var before = await CountsAsync(here);
        Assert.Equal(before, await CountsAsync(there));

        await TerminateAsync(there, await AgreementInForceAsync());

        var after = await CountsAsync(here);
        Assert.Equal(before["berlaku"] - 1, after["berlaku"]);
        Assert.Equal(before["diakhiri"] + 1, after["diakhiri"]);
    }
}

public sealed class RegistryFreshnessTestsOnSqlite(SqliteApp app) : RegistryFreshnessTests<SqliteApp>(app);

public sealed class RegistryFreshnessTestsOnPostgres(PostgresApp app) : RegistryFreshnessTests<PostgresApp>(app);
