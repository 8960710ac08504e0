using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Accounts;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Accounts;

/// <summary>
/// A session ends for good when its account says so: signing out, a new password and an admin's
/// reset end every session of the account on its next request, and a cookie copied before
/// cannot be replayed. Each test uses an account of its own.
/// </summary>
public abstract class SessionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Password = "SesiLama2026x";

    private async Task<(string Id, string Email)> NewAccountAsync(string role = Roles.Pimpinan)
    {
        var email = $"sesi.{Guid.NewGuid():N}@sinergi.test";
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var (user, result) = await UserAccounts.CreateAsync(users, Granter.Server,
            new(email, "Pegawai Sesi", role, Demo.Home, null, Password, MustChangePassword: false), DateTime.UtcNow);
        Assert.True(result.Succeeded);
        return (user!.Id, email);
    }

    private static async Task<bool> SignedInAsync(Browser browser) => (await browser.Http.GetAsync("/")).StatusCode == HttpStatusCode.OK;

    private async Task<HttpStatusCode> CallMeAsync(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await client.GetAsync("/api/v1/me")).StatusCode;
    }

    [Fact]
    public async Task Signing_out_ends_the_session_on_the_server_so_a_copied_cookie_no_longer_works()
    {
        var (_, email) = await NewAccountAsync();
        var browser = new Browser(app);
        var login = await browser.SubmitAsync(await browser.GetAsync("/Account/Login"), "form",
            [new("Input.Email", email), new("Input.Password", Password)]);
        var cookie = login.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("sinergi.auth=", StringComparison.Ordinal));
        var onAnotherDevice = new Browser(app);
        await onAnotherDevice.LoginAsync(email, Password);

        var replay = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/")).StatusCode);

        await browser.LogoutAsync();

        var replayed = await replay.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Contains("/Account/Login", replayed.Headers.Location!.OriginalString);
        Assert.False(await SignedInAsync(onAnotherDevice));
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_at_once_and_keeps_this_one()
    {
        var (_, email) = await NewAccountAsync();
        var token = await app.TokenForAsync(email);
        var here = new Browser(app);
        await here.LoginAsync(email, Password);
        var elsewhere = new Browser(app);
        await elsewhere.LoginAsync(email, Password);

        var page = await here.GetAsync("/Account/ChangePassword");
        Assert.NotNull(page.QuerySelector("input[type=checkbox][name='Input.RevokeTokens']"));
        var home = await here.FollowAsync(await here.SubmitAsync(page, "main form",
            [new("Input.CurrentPassword", Password), new("Input.NewPassword", "SesiBaru2026x"), new("Input.ConfirmPassword", "SesiBaru2026x")]));
        Assert.Contains("Kata sandi Anda telah diganti", home.Text("[role=status]"));

        Assert.True(await SignedInAsync(here));
        Assert.False(await SignedInAsync(elsewhere));
        // Tokens are revoked only when asked.
        Assert.Equal(HttpStatusCode.OK, await CallMeAsync(token));
    }

    [Fact]
    public async Task Changing_the_password_can_revoke_every_token_of_the_account()
    {
        var (_, email) = await NewAccountAsync();
        var first = await app.TokenForAsync(email);
        var second = await app.TokenForAsync(email);
        var someoneElses = await app.TokenForAsync(Demo.Accounts.Tkksd);
        var browser = new Browser(app);
        await browser.LoginAsync(email, Password);

        var home = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Account/ChangePassword"), "main form",
            [new("Input.CurrentPassword", Password), new("Input.NewPassword", "SesiBaru2026x"), new("Input.ConfirmPassword", "SesiBaru2026x"),
             new("Input.RevokeTokens", "true")]));
        Assert.Contains("2 token akses dicabut", home.Text("[role=status]"));

        Assert.Equal(HttpStatusCode.Unauthorized, await CallMeAsync(first));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallMeAsync(second));
        Assert.Equal(HttpStatusCode.OK, await CallMeAsync(someoneElses));
        var profile = await browser.GetAsync("/Account/Profile");
        Assert.Equal(2, profile.QuerySelectorAll("table tbody tr").Count(r => r.TextContent.Contains("Dicabut")));
    }

    [Fact]
    public async Task An_admins_reset_ends_the_persons_sessions_at_once_and_can_revoke_their_tokens()
    {
        var (id, email) = await NewAccountAsync(Roles.Tkksd);
        var token = await app.TokenForAsync(email);
        var person = new Browser(app);
        await person.LoginAsync(email, Password);
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);

        var edit = await admin.GetAsync($"/Settings/Users/Edit/{id}");
        var reset = await admin.FollowAsync(await admin.SubmitAsync(edit, "form[action*='handler=ResetPassword']", [new("RevokeTokens", "true")]));
        Assert.Matches("^[A-Za-z0-9]{14}$", reset.Text("#temp-secret"));
        Assert.Contains("1 token akses dicabut", reset.Text("[role=status]"));

        Assert.False(await SignedInAsync(person));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallMeAsync(token));
        Assert.True(await SignedInAsync(admin));
    }

    [Fact]
    public async Task An_admins_reset_without_the_box_keeps_the_persons_tokens()
    {
        var (id, email) = await NewAccountAsync(Roles.Tkksd);
        var token = await app.TokenForAsync(email);
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);

        var edit = await admin.GetAsync($"/Settings/Users/Edit/{id}");
        Assert.NotNull(edit.QuerySelector("form[action*='handler=ResetPassword'] input[type=checkbox][name=RevokeTokens]"));
        await admin.FollowAsync(await admin.SubmitAsync(edit, "form[action*='handler=ResetPassword']", []));

        Assert.Equal(HttpStatusCode.OK, await CallMeAsync(token));
        Assert.Equal(0, await app.WithDbAsync(db => db.AccessTokens.CountAsync(t => t.User!.Email == email && t.RevokedAt != null)));
    }

    [Fact]
    public async Task A_locked_out_account_keeps_its_api_tokens_and_a_deactivated_one_does_not()
    {
        var (id, email) = await NewAccountAsync(Roles.Tkksd);
        var token = await app.TokenForAsync(email);
        var stranger = new Browser(app);
        for (var i = 0; i < 5; i++)
            await stranger.LoginAsync(email, "TebakanOrang1");
        var locked = await stranger.LoginAsync(email, Password);
        Assert.Contains("dikunci sementara", locked.Text("#login-error"));

        // Five wrong guesses by anyone must not switch off the owner's programs.
        Assert.Equal(HttpStatusCode.OK, await CallMeAsync(token));

        await app.WithDbAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallMeAsync(token));
    }
}

public sealed class SessionTestsOnSqlite(SqliteApp app) : SessionTests<SqliteApp>(app);

public sealed class SessionTestsOnPostgres(PostgresApp app) : SessionTests<PostgresApp>(app);
