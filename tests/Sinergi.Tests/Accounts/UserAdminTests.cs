using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Accounts;

public abstract class UserAdminTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string PalangkaRayaAdmin = Demo.Accounts.Admin;

    private Task<string> UserIdAsync(string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<int> OpdIdAsync(string region, string shortName) =>
        app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == region && o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task New_operator_gets_a_one_time_password_and_must_replace_it()
    {
        var dlh = await OpdIdAsync(Demo.Home, "DLH");
        var admin = new Browser(app);
        await admin.LoginAsync(PalangkaRayaAdmin);
        var created = await admin.FollowAsync(await admin.SubmitAsync(await admin.GetAsync("/Settings/Users/Edit"), "main form",
            [new("Input.Email", "dlh.palangkaraya@sinergi.test"), new("Input.FullName", "Yusuf Ramadhan"), new("Input.Role", "OpdOperator"), new("Input.OpdId", dlh.ToString())]));

        var password = created.Text("#temp-secret");
        Assert.Matches("^[A-Za-z0-9]{14}$", password);
        Assert.Contains("Akun Yusuf Ramadhan dibuat", created.Text("[role=status]"));
        var again = await admin.GetAsync(admin.Last!.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Empty(again.QuerySelectorAll("#temp-secret"));

        var person = new Browser(app);
        await person.LoginAsync("dlh.palangkaraya@sinergi.test", password);
        Assert.Equal("/Account/ChangePassword", person.Last!.RequestMessage!.RequestUri!.AbsolutePath);

        var list = await admin.GetAsync("/Settings/Users?role=OpdOperator");
        var row = list.QuerySelectorAll("#user-table tbody tr").Single(r => r.TextContent.Contains("Yusuf Ramadhan"));
        Assert.Contains("DLH", row.TextContent);
        Assert.DoesNotContain("Rina Wulandari", list.Text("#user-table"));
    }

    [Fact]
    public async Task Bad_account_input_is_refused_field_by_field_and_nothing_is_created()
    {
        var before = await app.WithDbAsync(db => db.Users.CountAsync());
        var otherRegionsOpd = await OpdIdAsync(Demo.PartnerRegion, "Dinkes");
        var admin = new Browser(app);
        await admin.LoginAsync(PalangkaRayaAdmin);

        var noOpd = await admin.FollowAsync(await admin.SubmitAsync(await admin.GetAsync("/Settings/Users/Edit"), "main form",
            [new("Input.Email", "bukan-email"), new("Input.FullName", ""), new("Input.Role", "OpdOperator"), new("Input.OpdId", "")]));
        Assert.Equal("Format email tidak valid.", noOpd.FieldError("Input.Email"));
        Assert.Equal("Nama lengkap wajib diisi.", noOpd.FieldError("Input.FullName"));
        Assert.Contains("wajib terkait dengan satu OPD", noOpd.FieldError("Input.OpdId"));

        var foreign = await admin.FollowAsync(await admin.SubmitAsync(noOpd, "main form",
            [new("Input.Email", "lain@sinergi.test"), new("Input.FullName", "Orang Lain"), new("Input.Role", "Bupati"), new("Input.OpdId", otherRegionsOpd.ToString())]));
        Assert.Contains("tidak dapat diberikan", foreign.FieldError("Input.Role"));
        Assert.Contains("tidak ditemukan di daerah ini", foreign.FieldError("Input.OpdId"));

        var duplicate = await admin.FollowAsync(await admin.SubmitAsync(foreign, "main form",
            [new("Input.Email", Demo.Accounts.Tkksd), new("Input.FullName", "Kembar"), new("Input.Role", "Tkksd"), new("Input.OpdId", "")]));
        Assert.Contains("sudah dipakai akun lain", duplicate.FieldError("Input.Email"));

        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Deactivated_person_can_no_longer_log_in()
    {
        var id = await UserIdAsync(Demo.Accounts.DisbudparOperator);
        var admin = new Browser(app);
        await admin.LoginAsync(PalangkaRayaAdmin);
        var form = await admin.GetAsync($"/Settings/Users/Edit/{id}");
        var list = await admin.FollowAsync(await admin.SubmitAsync(form, "main form", [], cleared: ["Input.IsActive"]));
        Assert.Contains("disimpan", list.Text("[role=status]"));
        Assert.Contains("Nonaktif", list.QuerySelectorAll("#user-table tbody tr").Single(r => r.TextContent.Contains("Agus Setiawan")).TextContent);

        var person = new Browser(app);
        var refused = await person.LoginAsync(Demo.Accounts.DisbudparOperator);
        Assert.Contains("dinonaktifkan", refused.Text("#login-error"));
    }

    [Fact]
    public async Task Admin_cannot_deactivate_or_demote_their_own_account()
    {
        var id = await UserIdAsync(PalangkaRayaAdmin);
        var admin = new Browser(app);
        await admin.LoginAsync(PalangkaRayaAdmin);
        var page = await admin.FollowAsync(await admin.SubmitAsync(await admin.GetAsync($"/Settings/Users/Edit/{id}"), "main form",
            [new("Input.Role", "Pimpinan")], cleared: ["Input.IsActive"]));
        Assert.Contains("menonaktifkan akun Anda sendiri", page.FieldError("Input.IsActive"));
        Assert.Contains("melepas peran Admin Kerja Sama", page.FieldError("Input.Role"));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task Another_regions_account_is_not_found()
    {
        var id = await UserIdAsync(Demo.Accounts.PartnerRegionAdmin);
        var admin = new Browser(app);
        await admin.LoginAsync(PalangkaRayaAdmin);
        var page = await admin.GetAsync($"/Settings/Users/Edit/{id}");
        Assert.Equal(HttpStatusCode.NotFound, admin.Last!.StatusCode);
        Assert.DoesNotContain("Siti Rahmawati", page.DocumentElement.TextContent);
        var list = await admin.GetAsync("/Settings/Users");
        Assert.DoesNotContain("Siti Rahmawati", list.Text("#user-table"));
    }

    [Fact]
    public async Task Reset_password_replaces_the_old_one_with_a_temporary_one()
    {
        var id = await UserIdAsync(Demo.Accounts.Pimpinan);
        var admin = new Browser(app);
        await admin.LoginAsync(PalangkaRayaAdmin);
        var reset = await admin.FollowAsync(await admin.SubmitAsync(await admin.GetAsync($"/Settings/Users/Edit/{id}"), "form[action*='handler=ResetPassword']", []));
        var temporary = reset.Text("#temp-secret");
        Assert.Matches("^[A-Za-z0-9]{14}$", temporary);

        var old = await new Browser(app).LoginAsync(Demo.Accounts.Pimpinan);
        Assert.Equal("Email atau kata sandi salah.", old.Text("#login-error"));
        var person = new Browser(app);
        await person.LoginAsync(Demo.Accounts.Pimpinan, temporary);
        Assert.Equal("/Account/ChangePassword", person.Last!.RequestMessage!.RequestUri!.AbsolutePath);
    }

    private static string Token(IDocument page) =>
        page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    private static Task<HttpResponseMessage> PostAsync(Browser browser, string url, string token, params (string Key, string Value)[] fields) =>
        browser.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields.Select(f => KeyValuePair.Create(f.Key, f.Value))]));

    [Fact]
    public async Task A_province_admin_neither_grants_overseer_nor_takes_over_the_province_overseer()
    {
        var overseer = await UserIdAsync(Demo.Accounts.ProvinceOverseer);
        var self = await UserIdAsync(Demo.Accounts.ProvinceAdmin);
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.ProvinceAdmin);

        var form = await admin.GetAsync("/Settings/Users/Edit");
        Assert.NotNull(form.QuerySelector("#Input_Role option[value='Tkksd']"));
        Assert.Null(form.QuerySelector("#Input_Role option[value='Overseer']"));
        await admin.SubmitAsync(form, "main form",
            [new("Input.Email", "pengawas.baru@sinergi.test"), new("Input.FullName", "Pengawas Baru"), new("Input.Role", "Overseer")]);
        Assert.Equal(HttpStatusCode.Forbidden, admin.Last!.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "pengawas.baru@sinergi.test")));

        // Nor by becoming one itself.
        var own = await admin.GetAsync($"/Settings/Users/Edit/{self}");
        Assert.Null(own.QuerySelector("#Input_Role option[value='Overseer']"));
        await admin.SubmitAsync(own, "main form", [new("Input.Role", "Overseer")]);
        Assert.Equal(HttpStatusCode.Forbidden, admin.Last!.StatusCode);

        // The overseer's account is listed, but not offered for change, and refused if asked anyway.
        var list = await admin.GetAsync("/Settings/Users");
        var row = list.QuerySelectorAll("#user-table tbody tr").Single(r => r.TextContent.Contains("Bambang Sutrisno"));
        Assert.Null(row.QuerySelector("a[href^='/Settings/Users/Edit']"));
        Assert.Contains("Dikelola Admin Sistem", row.TextContent);
        await admin.GetAsync($"/Settings/Users/Edit/{overseer}");
        Assert.Equal(HttpStatusCode.Forbidden, admin.Last!.StatusCode);
        var token = Token(own);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(admin, $"/Settings/Users/Edit/{overseer}?handler=ResetPassword", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(admin, $"/Settings/Users/Edit/{overseer}?handler=Unlock", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PostAsync(admin, $"/Settings/Users/Edit/{overseer}", token,
            ("Input.FullName", "Bambang Sutrisno"), ("Input.Role", "Tkksd"), ("Input.IsActive", "false"))).StatusCode);

        var accounts = await app.WithDbAsync(async db => new
        {
            OverseerActive = await db.Users.Where(u => u.Id == overseer).Select(u => u.IsActive).SingleAsync(),
            Roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == overseer || ur.UserId == self
                           select ur.UserId + ":" + r.Name).ToListAsync(),
        });
        Assert.True(accounts.OverseerActive);
        Assert.Equal(new[] { $"{overseer}:Overseer", $"{self}:AdminKerjaSama" }.Order(StringComparer.Ordinal), accounts.Roles.Order(StringComparer.Ordinal));
        var signIn = new Browser(app);
        await signIn.LoginAsync(Demo.Accounts.ProvinceOverseer);
        Assert.Equal("/", signIn.Last!.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task A_system_admin_grants_overseer_in_a_province_and_keeps_the_overseers_account()
    {
        var overseer = await UserIdAsync(Demo.Accounts.ProvinceOverseer);
        var sysadmin = new Browser(app);
        await sysadmin.LoginAsync(Demo.Accounts.SystemAdmin);
        var form = await sysadmin.GetAsync($"/Settings/Users/Edit?region={Demo.Province}");
        Assert.NotNull(form.QuerySelector("#Input_Role option[value='Overseer']"));
        var created = await sysadmin.FollowAsync(await sysadmin.SubmitAsync(form, "main form",
            [new("Input.Email", "pengawas2.kalteng@sinergi.test"), new("Input.FullName", "Dewi Anggraini"), new("Input.Role", "Overseer")]));
        Assert.Contains("Akun Dewi Anggraini dibuat", created.Text("[role=status]"));

        var list = await sysadmin.GetAsync($"/Settings/Users?region={Demo.Province}");
        var row = list.QuerySelectorAll("#user-table tbody tr").Single(r => r.TextContent.Contains("Bambang Sutrisno"));
        Assert.NotNull(row.QuerySelector($"a[href='/Settings/Users/Edit/{overseer}']"));
        await sysadmin.GetAsync($"/Settings/Users/Edit/{overseer}");
        Assert.Equal(HttpStatusCode.OK, sysadmin.Last!.StatusCode);
    }
}

public sealed class UserAdminTestsOnSqlite(SqliteApp app) : UserAdminTests<SqliteApp>(app);

public sealed class UserAdminTestsOnPostgres(PostgresApp app) : UserAdminTests<PostgresApp>(app);
