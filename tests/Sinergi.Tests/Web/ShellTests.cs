using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Web;

public sealed class ShellTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Unknown_address_gets_the_indonesian_404_page()
    {
        var browser = new Browser(app);
        var anonymous = await browser.GetAsync("/tidak-ada-halaman-ini");
        Assert.Equal(HttpStatusCode.NotFound, browser.Last!.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", anonymous.Text("h1"));

        await browser.LoginAsync(Demo.Accounts.Tkksd);
        var signedIn = await browser.GetAsync("/Agreements/999999/tidak-ada");
        Assert.Equal(HttpStatusCode.NotFound, browser.Last!.StatusCode);
        Assert.Contains("Halaman tidak ditemukan", signedIn.Text("h1"));
        Assert.Contains("Kerja Sama", signedIn.Text("nav.main-nav"));
    }

    [Fact]
    public async Task Error_page_apologises_in_indonesian_and_gives_a_reference()
    {
        var page = await new Browser(app).GetAsync("/Error");
        Assert.Contains("terjadi kesalahan", page.Text("h1"));
        Assert.NotEmpty(page.Text("main code"));
    }

    [Theory]
    [InlineData("/Agreements", "Kerja Sama")]
    [InlineData("/Proposals", "Usulan")]
    [InlineData("/Evaluations", "Monitoring dan Evaluasi")]
    [InlineData("/Reports", "Laporan")]
    public async Task Every_menu_entry_opens_a_page_that_says_what_it_holds(string url, string heading)
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var page = await browser.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Equal(heading, page.Text("h1"));
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_forms_carry_antiforgery_tokens()
    {
        var browser = new Browser(app);
        var login = await browser.GetAsync("/Account/Login");
        var headers = browser.Last!.Headers;
        Assert.Equal("nosniff", headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("script-src 'self'", headers.GetValues("Content-Security-Policy").Single());
        Assert.NotNull(login.QuerySelector("form input[name=__RequestVerificationToken]"));

        var withoutToken = await browser.Http.PostAsync("/Account/Login", new FormUrlEncodedContent(
            [new("Input.Email", Demo.Accounts.Admin), new("Input.Password", Browser.DemoPassword)]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Http.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Openapi_document_and_reference_page_describe_the_api()
    {
        var client = app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/regions", out _));
        Assert.True(paths.TryGetProperty("/api/v1/opds/{id}", out _));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString());

        var reference = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("Sinergi API", await reference.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_answers_what_it_cannot_do_as_indonesian_problem_details()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));

        var missing = await client.GetAsync("/api/v1/tidak-ada");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Tidak ditemukan", (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());

        var broken = await client.PostAsync("/api/v1/opds", new StringContent("{ bukan json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal("Permintaan tidak valid", (await broken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Health_endpoint_answers_200_when_the_database_answers()
    {
        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
