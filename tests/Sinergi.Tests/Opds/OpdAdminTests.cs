using System.Net;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Opds;

public abstract class OpdAdminTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string PalangkaRayaAdmin = Demo.Accounts.Admin;

    private Task<int> OpdCountAsync(string region) =>
        app.WithDbAsync(db => db.Opds.CountAsync(o => o.RegionCode == region));

    private Task<int> OpdIdAsync(string region, string shortName) =>
        app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == region && o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task Admin_adds_an_opd_and_finds_it_in_the_list_with_its_urusan()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(PalangkaRayaAdmin);
        var form = await browser.GetAsync("/Settings/Opds/Edit");
        var list = await browser.FollowAsync(await browser.SubmitAsync(form, "#opd-form",
        [
            new("Input.Name", "  Badan   Riset Daerah "), new("Input.ShortName", "BRIDA"),
            new("Input.HeadName", "Ir. Wahyu Pratama"), new("Input.HeadNip", "197503122000031004"),
            new("Input.UrusanCodes", "5.05"), new("Input.UrusanCodes", "5.01"),
        ]));

        Assert.Contains("OPD BRIDA ditambahkan", list.Text("[role=status]"));
        var row = list.QuerySelectorAll("#opd-table tbody tr").Single(r => r.TextContent.Contains("BRIDA"));
        Assert.Contains("Badan Riset Daerah", row.TextContent);
        Assert.Contains("5.01", row.TextContent);
        Assert.Contains("5.05", row.TextContent);
        Assert.Contains("Ir. Wahyu Pratama", row.TextContent);
    }

    [Fact]
    public async Task Invalid_opd_form_shows_field_messages_and_saves_nothing()
    {
        var before = await OpdCountAsync(Demo.Home);
        var browser = new Browser(app);
        await browser.LoginAsync(PalangkaRayaAdmin);
        var form = await browser.GetAsync("/Settings/Opds/Edit");
        var response = await browser.SubmitAsync(form, "#opd-form",
            [new("Input.Name", " "), new("Input.ShortName", "Dinkes"), new("Input.HeadNip", "12345"), new("Input.UrusanCodes", "9.99")]);
        var page = await browser.FollowAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Nama OPD wajib diisi.", page.FieldError("Input.Name"));
        Assert.Contains("sudah dipakai OPD lain", page.FieldError("Input.ShortName"));
        Assert.Equal("NIP terdiri dari 18 angka.", page.FieldError("Input.HeadNip"));
        Assert.Contains("'9.99' tidak dikenal", page.FieldError("Input.UrusanCodes"));
        Assert.Equal(before, await OpdCountAsync(Demo.Home));
    }

    [Fact]
    public async Task A_short_name_taken_in_another_region_is_free_here()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var list = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Settings/Opds/Edit"), "#opd-form",
            [new("Input.Name", "Dinas Komunikasi dan Informatika"), new("Input.ShortName", "Diskominfosantik"), new("Input.UrusanCodes", "2.16")]));
        Assert.Contains("ditambahkan", list.Text("[role=status]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Opds.CountAsync(o => o.RegionCode == Demo.PartnerRegion && o.ShortName == "Diskominfosantik")));
    }

    [Fact]
    public async Task Another_regions_opd_is_not_found_in_page_or_by_post()
    {
        var dinkes = await OpdIdAsync(Demo.Home, "Dinkes");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);

        var page = await browser.GetAsync($"/Settings/Opds/Edit/{dinkes}");
        Assert.Equal(HttpStatusCode.NotFound, browser.Last!.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", page.Text("h1"));

        var ownForm = await browser.GetAsync("/Settings/Opds/Edit");
        var token = ownForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await browser.Http.PostAsync($"/Settings/Opds/Edit/{dinkes}", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Input.Name", "Diambil alih"), new("Input.ShortName", "X"), new("Input.UrusanCodes", "1.02")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("Dinas Kesehatan", await app.WithDbAsync(db => db.Opds.Where(o => o.Id == dinkes).Select(o => o.Name).SingleAsync()));
    }

    [Fact]
    public async Task Opd_operator_gets_the_indonesian_403_page_for_settings()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var page = await browser.GetAsync("/Settings/Opds");
        Assert.Equal(HttpStatusCode.Forbidden, browser.Last!.StatusCode);
        Assert.Contains("tidak memiliki akses", page.Text("h1"));
        var home = await browser.GetAsync("/");
        Assert.DoesNotContain("Pengaturan", home.Text("nav"));
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_is_told_and_overwrites_nothing()
    {
        var id = await OpdIdAsync(Demo.Home, "Dispora");
        var first = new Browser(app);
        var second = new Browser(app);
        await first.LoginAsync(PalangkaRayaAdmin);
        await second.LoginAsync(PalangkaRayaAdmin);
        var firstForm = await first.GetAsync($"/Settings/Opds/Edit/{id}");
        var secondForm = await second.GetAsync($"/Settings/Opds/Edit/{id}");

        await first.SubmitAsync(firstForm, "#opd-form",
            [new("Input.Name", "Dinas Pemuda dan Olahraga"), new("Input.ShortName", "Dispora"), new("Input.HeadName", "Kepala Pilihan Pertama"), new("Input.UrusanCodes", "2.19")]);
        var conflict = await second.FollowAsync(await second.SubmitAsync(secondForm, "#opd-form",
            [new("Input.Name", "Dinas Pemuda dan Olahraga"), new("Input.ShortName", "Dispora"), new("Input.HeadName", "Kepala Pilihan Kedua"), new("Input.UrusanCodes", "2.19")]));

        Assert.Contains("baru saja diubah orang lain", conflict.Text("#conflict-message"));
        Assert.Contains("Kepala Pilihan Pertama", conflict.Text("#opd-form"));
        Assert.Equal("Kepala Pilihan Pertama", await app.WithDbAsync(db => db.Opds.Where(o => o.Id == id).Select(o => o.HeadName).SingleAsync()));

        // Having seen the other change, the second person may still save theirs.
        var saved = await second.FollowAsync(await second.SubmitAsync(conflict, "#opd-form",
            [new("Input.Name", "Dinas Pemuda dan Olahraga"), new("Input.ShortName", "Dispora"), new("Input.HeadName", "Kepala Pilihan Kedua"), new("Input.UrusanCodes", "2.19")]));
        Assert.Contains("disimpan", saved.Text("[role=status]"));
        Assert.Equal("Kepala Pilihan Kedua", await app.WithDbAsync(db => db.Opds.Where(o => o.Id == id).Select(o => o.HeadName).SingleAsync()));
    }

    [Fact]
    public async Task Opd_with_accounts_cannot_be_deleted_and_says_which()
    {
        var dinkes = await OpdIdAsync(Demo.Home, "Dinkes");
        var browser = new Browser(app);
        await browser.LoginAsync(PalangkaRayaAdmin);
        var page = await browser.GetAsync($"/Settings/Opds/Delete/{dinkes}");
        Assert.Contains("Maria Simanjuntak", page.Text("#delete-blocked"));
        Assert.Empty(page.QuerySelectorAll("main form"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Opds.CountAsync(o => o.Id == dinkes)));
    }

    [Fact]
    public async Task Unused_opd_is_deleted_after_confirmation()
    {
        var id = await OpdIdAsync(Demo.Home, "Kec. Jekan Raya");
        var browser = new Browser(app);
        await browser.LoginAsync(PalangkaRayaAdmin);
        var confirm = await browser.GetAsync($"/Settings/Opds/Delete/{id}");
        var list = await browser.FollowAsync(await browser.SubmitAsync(confirm, "main form", []));
        Assert.Contains("dihapus", list.Text("[role=status]"));
        Assert.DoesNotContain("Kec. Jekan Raya", list.Text("#opd-table"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Opds.CountAsync(o => o.Id == id)));
    }

    [Fact]
    public async Task System_admin_picks_a_region_and_manages_its_opds()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.SystemAdmin);
        var picker = await browser.GetAsync("/Settings");
        Assert.NotNull(picker.QuerySelector("select[name=region] option[value='62.11']"));

        var settings = await browser.GetAsync("/Settings?region=62.11");
        Assert.Contains("Kabupaten Pulang Pisau", settings.Text("main"));
        var list = await browser.GetAsync("/Settings/Opds?region=62.11");
        Assert.Contains("Distransnaker", list.Text("#opd-table"));
        Assert.DoesNotContain("Disperdagin", list.Text("#opd-table")); // a Palangka Raya OPD

        var added = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Settings/Opds/Edit?region=62.11"), "#opd-form",
            [new("Input.Name", "Dinas Lingkungan Hidup"), new("Input.ShortName", "DLH-PP"), new("Input.UrusanCodes", "2.11")]));
        Assert.Contains("ditambahkan", added.Text("[role=status]"));
        Assert.Equal(Demo.PartnerRegion, await app.WithDbAsync(db => db.Opds.Where(o => o.ShortName == "DLH-PP").Select(o => o.RegionCode).SingleAsync()));
    }

    [Fact]
    public async Task Search_as_you_type_answers_htmx_with_the_table_only()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(PalangkaRayaAdmin);
        var request = new HttpRequestMessage(HttpMethod.Get, "/Settings/Opds?q=kesehatan");
        request.Headers.Add("HX-Request", "true");
        var response = await browser.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.DoesNotContain("<html", html);
        Assert.Contains("Dinas Kesehatan", html);
        Assert.DoesNotContain("Dinas Pendidikan", html);

        var full = await browser.GetAsync("/Settings/Opds?q=kesehatan");
        Assert.Contains("Dinas Kesehatan", full.Text("#opd-table"));
        Assert.Equal("kesehatan", full.QuerySelector("#q")!.GetAttribute("value"));
    }
}

public sealed class OpdAdminTestsOnSqlite(SqliteApp app) : OpdAdminTests<SqliteApp>(app);

public sealed class OpdAdminTestsOnPostgres(PostgresApp app) : OpdAdminTests<PostgresApp>(app);
