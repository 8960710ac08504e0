using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Web;

/// <summary>
/// Sign-in attempts and API calls are limited per client. The test host raises the limits for
/// every other test; these tests run a second node on the same database with small ones.
/// </summary>
public abstract class RateLimitTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    // Guesses at an account that does not exist: the same answer as a wrong password, and no lockout to get in the way.
    private const string Guesser = "tebakan@sinergi.test";

    private WebApplicationFactory<Program> WithSettings(params (string Key, string Value)[] settings) =>
        app.WithWebHostBuilder(b =>
        {
            foreach (var (key, value) in settings)
                b.UseSetting(key, value);
        });

    private static async Task<HttpResponseMessage> TryLoginAsync(Browser browser, string email, string password)
    {
        var page = await browser.GetAsync("/Account/Login");
        return await browser.SubmitAsync(page, "form", [new("Input.Email", email), new("Input.Password", password)]);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_an_indonesian_429_page_with_retry_after()
    {
        await using var limited = WithSettings(("RateLimits:LoginAttempts", "3"), ("RateLimits:LoginWindowSeconds", "3600"));
        var browser = new Browser(limited);
        for (var i = 0; i < 3; i++)
        {
            var attempt = await browser.FollowAsync(await TryLoginAsync(browser, Guesser, "BukanSandinya1"));
            Assert.Equal("Email atau kata sandi salah.", attempt.Text("#login-error"));
        }

        // The fourth attempt never reaches the password check, even with the right password.
        var refused = await TryLoginAsync(browser, Demo.Accounts.Pimpinan, Demo.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 3600);
        var page = await browser.FollowAsync(refused);
        Assert.Equal("id", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Terlalu banyak percobaan masuk", page.Text("h1"));
        Assert.Contains("menit", page.Text("main"));
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/")).StatusCode);

        // Reading the login page is not an attempt.
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task A_forwarded_client_address_counts_only_behind_a_configured_proxy()
    {
        // Without a configured proxy, X-Forwarded-For is the caller's own claim: changing it buys no new attempts.
        await using (var direct = WithSettings(("RateLimits:LoginAttempts", "2"), ("RateLimits:LoginWindowSeconds", "3600")))
        {
            HttpResponseMessage? last = null;
            for (var i = 1; i <= 3; i++)
            {
                var browser = new Browser(direct);
                browser.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i}");
                last = await TryLoginAsync(browser, Guesser, "BukanSandinya1");
            }
            Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        }

        // Behind the proxy the operator named, each client address has its own budget.
        await using var proxied = WithSettings(("RateLimits:LoginAttempts", "2"), ("RateLimits:LoginWindowSeconds", "3600"),
            ("ForwardedHeaders:Enabled", "true"), ("ForwardedHeaders:KnownProxies:0", "10.0.0.5"));
        var first = new Browser(proxied);
        first.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.10");
        var second = new Browser(proxied);
        second.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.20");
        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(first, Guesser, "BukanSandinya1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TryLoginAsync(first, Guesser, "BukanSandinya1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryLoginAsync(first, Guesser, "BukanSandinya1")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TryLoginAsync(second, Demo.Accounts.ProvinceOverseer, Demo.Password)).StatusCode);
    }

    [Fact]
    public async Task A_token_running_too_many_requests_at_once_gets_a_problem_429_and_other_tokens_do_not()
    {
        var gate = new Gate();
        await using var limited = app.WithWebHostBuilder(b => b
            .UseSetting("RateLimits:ApiConcurrentRequests", "1")
            .UseSetting("RateLimits:ApiQueuedRequests", "0")
            .ConfigureTestServices(s => s.AddSingleton<IAuthorizationHandler>(new HoldingHandler(gate))));
        var busy = ApiClient(limited, await app.TokenForAsync(Demo.Accounts.Admin));
        var other = ApiClient(limited, await app.TokenForAsync(Demo.Accounts.Tkksd));

        using var slow = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me") { Headers = { { HoldingHandler.Header, "1" } } };
        var held = busy.SendAsync(slow);
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var refused = await busy.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Terlalu banyak permintaan", problem.GetProperty("title").GetString());
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.True(refused.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/me")).StatusCode);

        gate.Release.TrySetResult();
        Assert.Equal(HttpStatusCode.OK, (await held).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Limits_out_of_range_stop_the_app_at_start_with_the_setting_named()
    {
        await using var broken = WithSettings(("RateLimits:LoginAttempts", "0"));
        var error = Assert.ThrowsAny<OptionsValidationException>(() => broken.CreateClient());
        Assert.Contains("RateLimits:LoginAttempts", error.Message);
    }

    private static HttpClient ApiClient(WebApplicationFactory<Program> factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed class Gate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Holds a request that asks for it inside the app, after the rate limiter has let it in: a slow
    /// call, made deterministic. It decides nothing about access.
    /// </summary>
    private sealed class HoldingHandler(Gate gate) : IAuthorizationHandler
    {
        public const string Header = "X-Test-Hold";

        public async Task HandleAsync(AuthorizationHandlerContext context)
        {
            if (context.Resource is HttpContext http && http.Request.Headers.ContainsKey(Header))
            {
                gate.Entered.TrySetResult();
                await gate.Release.Task;
            }
        }
    }
}

public sealed class RateLimitTestsOnSqlite(SqliteApp app) : RateLimitTests<SqliteApp>(app);

public sealed class RateLimitTestsOnPostgres(PostgresApp app) : RateLimitTests<PostgresApp>(app);
