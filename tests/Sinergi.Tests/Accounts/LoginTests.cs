using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Accounts;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Accounts;

public abstract class LoginTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task Demo_admin_logs_in_and_lands_on_the_home_page_of_palangka_raya()
    {
        var browser = new Browser(app);
        var home = await browser.LoginAsync(Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Equal("/", browser.Last.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Pemerintah Kota Palangkaraya", home.Text("h1"));
        Assert.Contains("Rina Wulandari", home.Text("header"));
    }

    [Fact]
    public async Task Login_page_speaks_bahasa_indonesia()
    {
        var page = await new Browser(app).GetAsync("/Account/Login");
        Assert.Equal("id", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Masuk ke Sinergi", page.Text("h1"));
        Assert.Contains("Kata sandi", page.Text("label"));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_message_and_no_session()
    {
        var browser = new Browser(app);
        var wrongPassword = await browser.LoginAsync(Demo.Accounts.ProvinceOverseer, "SalahSandi123");
        var unknownEmail = await browser.LoginAsync("tidak.ada@sinergi.test", "SalahSandi123");
        Assert.Equal("Email atau kata sandi salah.", wrongPassword.Text("#login-error"));
        Assert.Equal(wrongPassword.Text("#login-error"), unknownEmail.Text("#login-error"));

        var home = await browser.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/Account/Login", home.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_for_the_right_password()
    {
        var browser = new Browser(app);
        for (var i = 0; i < 5; i++)
            await browser.LoginAsync(Demo.Accounts.Tkksd, "BukanSandinya1");

        var page = await browser.LoginAsync(Demo.Accounts.Tkksd);
        Assert.Contains("dikunci sementara", page.Text("#login-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Deactivated_account_cannot_log_in_and_is_told_so_only_with_its_password()
    {
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Accounts.Pimpinan)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        var browser = new Browser(app);

        var withPassword = await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var withoutPassword = await browser.LoginAsync(Demo.Accounts.Pimpinan, "TebakanSaja12");

        Assert.Contains("dinonaktifkan", withPassword.Text("#login-error"));
        Assert.Equal("Email atau kata sandi salah.", withoutPassword.Text("#login-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Logout_ends_the_session()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/")).StatusCode);

        await browser.LogoutAsync();
        Assert.Equal(HttpStatusCode.Redirect, browser.Last!.StatusCode);
        var after = await browser.Http.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Anonymous_visitor_is_sent_to_login_and_back_afterwards()
    {
        var browser = new Browser(app);
        var response = await browser.Http.GetAsync("/Account/Profile");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("ReturnUrl=%2FAccount%2FProfile", response.Headers.Location!.OriginalString);

        var login = await browser.FollowAsync(response);
        var landed = await browser.FollowAsync(await browser.SubmitAsync(login, "form",
            [new("Input.Email", Demo.Accounts.ProvinceAdmin), new("Input.Password", Browser.DemoPassword)]));
        Assert.Equal("/Account/Profile", browser.Last!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Dewi Anggraini", landed.Text("main"));
    }

    [Fact]
    public async Task Account_with_a_temporary_password_must_choose_its_own_first()
    {
        await app.WithDbAsync(async db =>
        {
            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var (user, result) = await UserAccounts.CreateAsync(users, Granter.Server,
                new("baru.palangkaraya@sinergi.test", "Pegawai Baru", Roles.Pimpinan, Demo.Home, null, "Sementara123", MustChangePassword: true),
                DateTime.UtcNow);
            Assert.True(result.Succeeded);
        });
        var browser = new Browser(app);
        var page = await browser.LoginAsync("baru.palangkaraya@sinergi.test", "Sementara123");
        Assert.Equal("/Account/ChangePassword", browser.Last!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("kata sandi sementara", page.Text(".alert-warning"));

        var tooWeak = await browser.FollowAsync(await browser.SubmitAsync(page, "main form",
            [new("Input.CurrentPassword", "Sementara123"), new("Input.NewPassword", "pendek"), new("Input.ConfirmPassword", "pendek")]));
        Assert.Contains("minimal 10 karakter", tooWeak.FieldError("Input.NewPassword"));

        var home = await browser.FollowAsync(await browser.SubmitAsync(tooWeak, "main form",
            [new("Input.CurrentPassword", "Sementara123"), new("Input.NewPassword", "PilihanSaya2026"), new("Input.ConfirmPassword", "PilihanSaya2026")]));
        Assert.Equal("/", browser.Last!.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("Kata sandi Anda telah diganti", home.Text("[role=status]"));
    }
}

public sealed class LoginTestsOnSqlite(SqliteApp app) : LoginTests<SqliteApp>(app);

public sealed class LoginTestsOnPostgres(PostgresApp app) : LoginTests<PostgresApp>(app);
