using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Web;

/// <summary>
/// Over HTTPS (or behind a proxy the operator trusts that says the client used HTTPS) the browser is
/// told to stay on HTTPS and no cookie travels in clear text; API answers are never cached.
/// </summary>
public abstract class TransportSecurityTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static readonly Uri Https = new("https://sinergi.palangkarayakota.go.id");
    private static readonly Uri Http = new("http://sinergi.palangkarayakota.go.id");

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    private static string CookieNamed(HttpResponseMessage response, string name) =>
        SetCookies(response).Single(c => c.StartsWith(name + "=", StringComparison.Ordinal));

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task Over_https_the_app_sends_hsts_and_every_cookie_it_sets_is_secure()
    {
        var browser = new Browser(app, Https);
        var page = await browser.GetAsync("/Account/Login");
        var loginPage = browser.Last!;
        Assert.Contains("max-age=", loginPage.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.True(IsSecure(CookieNamed(loginPage, "sinergi.af")));

        var signedIn = await browser.SubmitAsync(page, "form", [new("Input.Email", Demo.Accounts.Pimpinan), new("Input.Password", Demo.Password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(IsSecure(CookieNamed(signedIn, "sinergi.auth")));

        // Signing out leaves a message for the next page in the TempData cookie.
        var home = await browser.GetAsync("/");
        var signedOut = await browser.SubmitAsync(home, "form[action='/Account/Logout']", []);
        var cookies = SetCookies(signedOut);
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.True(IsSecure(c), c));
    }

    [Fact]
    public async Task Over_plain_http_there_is_no_hsts_and_cookies_still_work()
    {
        var browser = new Browser(app, Http);
        await browser.GetAsync("/Account/Login");
        Assert.False(browser.Last!.Headers.Contains("Strict-Transport-Security"));
        Assert.False(IsSecure(CookieNamed(browser.Last, "sinergi.af")));
        await browser.LoginAsync(Demo.Accounts.Pimpinan);
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
    }

    [Fact]
    public async Task A_proxys_word_for_https_counts_only_when_forwarded_headers_are_configured()
    {
        var unconfigured = new Browser(app, Http);
        unconfigured.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        await unconfigured.GetAsync("/Account/Login");
        Assert.False(unconfigured.Last!.Headers.Contains("Strict-Transport-Security"));
        Assert.False(IsSecure(CookieNamed(unconfigured.Last, "sinergi.af")));

        await using var behindProxy = app.WithWebHostBuilder(b => b
            .UseSetting("ForwardedHeaders:Enabled", "true")
            .UseSetting("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/8"));
        var browser = new Browser(behindProxy, Http);
        browser.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        await browser.GetAsync("/Account/Login");
        Assert.True(browser.Last!.Headers.Contains("Strict-Transport-Security"));
        Assert.True(IsSecure(CookieNamed(browser.Last, "sinergi.af")));
    }

    [Fact]
    public async Task Api_answers_carry_no_store_whether_served_or_refused()
    {
        var client = app.CreateClient();
        var refused = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.True(refused.Headers.CacheControl?.NoStore);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        var me = await client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("application/json", me.Content.Headers.ContentType?.MediaType);
        Assert.True(me.Headers.CacheControl?.NoStore);
        var missing = await client.GetAsync("/api/v1/agreements/999999");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(missing.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_proxy_address_that_is_not_an_address_stops_the_app_at_start()
    {
        await using var broken = app.WithWebHostBuilder(b => b
            .UseSetting("ForwardedHeaders:Enabled", "true")
            .UseSetting("ForwardedHeaders:KnownProxies:0", "proxy.lokal"));
        var error = Assert.ThrowsAny<Microsoft.Extensions.Options.OptionsValidationException>(() => broken.CreateClient());
        Assert.Contains("ForwardedHeaders:KnownProxies", error.Message);
    }
}

public sealed class TransportSecurityTestsOnSqlite(SqliteApp app) : TransportSecurityTests<SqliteApp>(app);

public sealed class TransportSecurityTestsOnPostgres(PostgresApp app) : TransportSecurityTests<PostgresApp>(app);
