using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Accounts;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Accounts;

public abstract class AccessTokenTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<HttpResponseMessage> CallMeAsync(string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/v1/me");
    }

    [Fact]
    public async Task Token_made_on_the_profile_page_is_shown_once_and_opens_the_api()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.ProvinceAdmin);
        var created = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Account/Profile"),
            "form[action*='handler=Create']", [new("NewToken.Name", "Integrasi SIPD"), new("NewToken.Days", "30")]));

        var secret = created.Text("#new-token");
        Assert.StartsWith("snrg_", secret);
        Assert.Contains("Integrasi SIPD", created.Text("table"));

        var me = await CallMeAsync(secret);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var body = await me.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Demo.Accounts.ProvinceAdmin, body.GetProperty("email").GetString());
        Assert.Equal("62", body.GetProperty("regionCode").GetString());

        var again = await browser.GetAsync("/Account/Profile");
        Assert.Empty(again.QuerySelectorAll("#new-token"));
        Assert.DoesNotContain(secret, again.DocumentElement.OuterHtml);
        var stored = await app.WithDbAsync(db => db.AccessTokens.Select(t => t.Hash).ToListAsync());
        Assert.DoesNotContain(secret, stored);
        Assert.Contains(AccessToken.HashOf(secret), stored);
    }

    [Fact]
    public async Task Revoked_token_is_refused_with_a_message_in_indonesian()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var created = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Account/Profile"),
            "form[action*='handler=Create']", [new("NewToken.Name", "Sementara"), new("NewToken.Days", "90")]));
        var secret = created.Text("#new-token");
        Assert.Equal(HttpStatusCode.OK, (await CallMeAsync(secret)).StatusCode);

        var revoked = await browser.FollowAsync(await browser.SubmitAsync(created, "form[action*='handler=Revoke']", []));
        Assert.Contains("Dicabut", revoked.Text("table"));

        var refused = await CallMeAsync(secret);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tidak terautentikasi", problem.GetProperty("title").GetString());
        Assert.Contains("dicabut", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Expired_token_and_token_of_a_deactivated_account_are_refused_alike()
    {
        var expired = await app.TokenForAsync(Demo.Accounts.ProvinceOverseer, DateTime.UtcNow.AddMinutes(-1));
        var ofDeactivated = await app.TokenForAsync(Demo.Accounts.DisbudparOperator);
        Assert.Equal(HttpStatusCode.OK, (await CallMeAsync(ofDeactivated)).StatusCode);
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Accounts.DisbudparOperator)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));

        var expiredResponse = await CallMeAsync(expired);
        var deactivatedResponse = await CallMeAsync(ofDeactivated);
        var unknownResponse = await CallMeAsync("snrg_tidakpernahdibuat");
        Assert.Equal(HttpStatusCode.Unauthorized, expiredResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, deactivatedResponse.StatusCode);
        var details = new[] { expiredResponse, deactivatedResponse, unknownResponse }
            .Select(r => r.Content.ReadFromJsonAsync<JsonElement>().Result.GetProperty("detail").GetString())
            .Distinct();
        Assert.Single(details);
    }

    [Fact]
    public async Task Nobody_can_revoke_a_token_that_is_not_theirs()
    {
        var secret = await app.TokenForAsync(Demo.Accounts.NationalOverseer);
        var id = await app.WithDbAsync(db => db.AccessTokens.Where(t => t.Hash == AccessToken.HashOf(secret)).Select(t => t.Id).SingleAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var profile = await browser.GetAsync("/Account/Profile");
        var token = profile.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await browser.Http.PostAsync($"/Account/Profile?handler=Revoke&id={id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CallMeAsync(secret)).StatusCode);
    }
}

public sealed class AccessTokenTestsOnSqlite(SqliteApp app) : AccessTokenTests<SqliteApp>(app);

public sealed class AccessTokenTestsOnPostgres(PostgresApp app) : AccessTokenTests<PostgresApp>(app);
