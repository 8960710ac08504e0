using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Web;

/// <summary>
/// Requests an adversarial test of the registry answered with a 500: each now gets a 400 naming
/// the field in Indonesian, a clean 409/412, or (on a page) a message.
/// </summary>
public abstract class NoServerErrorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    private Task<int> OpdIdAsync(string shortName) =>
        app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("99999")]
    public async Task A_year_outside_the_calendar_is_a_field_error_in_the_api_and_ignored_by_the_page(string year)
    {
        var client = await ApiAsync(Demo.Accounts.Admin);
        var errors = await ErrorsAsync(await client.GetAsync($"/api/v1/agreements?year={year}"));
        Assert.Equal("year harus tahun 1945 sampai 2100.", errors.GetProperty("year")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/agreements/export?year={year}")).StatusCode);

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var page = await browser.GetAsync($"/Agreements?year={year}");
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.NotEmpty(page.QuerySelectorAll("#registry tbody tr"));
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync($"/Agreements/Export?year={year}")).StatusCode);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("6x.7y")]
    [InlineData("62.71.01.1001")]
    [InlineData("\u0000")]
    public async Task A_region_that_is_not_a_region_code_never_fails_for_a_national_overseer(string region)
    {
        var client = await ApiAsync(Demo.Accounts.NationalOverseer);
        var encoded = Uri.EscapeDataString(region);
        foreach (var url in new[]
        {
            $"/api/v1/agreements?region={encoded}", $"/api/v1/agreements/export?region={encoded}", $"/api/v1/opds?region={encoded}",
            $"/api/v1/reports/period?year=2026&period=s1&region={encoded}",
        })
        {
            var errors = await ErrorsAsync(await client.GetAsync(url));
            Assert.Contains("kode wilayah", errors.GetProperty("region")[0].GetString());
        }

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.NationalOverseer);
        foreach (var url in new[] { $"/Agreements?region={encoded}", $"/Reports?region={encoded}", $"/Agreements/Export?region={encoded}" })
        {
            var response = await browser.Http.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {response.StatusCode}");
        }
        var report = await browser.Http.GetAsync($"/Reports/Period?year=2026&period=s1&region={encoded}");
        Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);

        // A system administrator names the region a settings page manages, and any token reads the region list.
        var sysadmin = new Browser(app);
        await sysadmin.LoginAsync(Demo.Accounts.SystemAdmin);
        foreach (var url in new[] { $"/Settings?region={encoded}", $"/Settings/Opds?region={encoded}", $"/Settings/Registry?region={encoded}" })
        {
            var response = await sysadmin.Http.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{url}: {response.StatusCode}");
        }
        // A NUL in a path never reaches the app: the server refuses the request line itself.
        if (!region.Contains('\0'))
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/regions/{encoded}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/regions?province={encoded}")).StatusCode);
    }

    [Theory]
    [InlineData("%00")]
    [InlineData("dinas%00kes")]
    [InlineData("%1B%5B2J%E2%80%AE")]
    public async Task A_search_with_control_characters_answers(string q)
    {
        var client = await ApiAsync(Demo.Accounts.Admin);
        foreach (var url in new[] { "/api/v1/agreements", "/api/v1/opds", "/api/v1/partners", "/api/v1/regions" })
        {
            var response = await client.GetAsync($"{url}?q={q}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        foreach (var url in new[] { "/Agreements", "/Settings/Opds", "/Partners" })
        {
            await browser.GetAsync($"{url}?q={q}");
            Assert.True(browser.Last!.StatusCode == HttpStatusCode.OK, $"{url}: {(int)browser.Last.StatusCode}");
        }
    }

    [Fact]
    public async Task A_signing_date_at_the_end_of_the_calendar_with_a_duration_is_a_field_error()
    {
        var diskop = await OpdIdAsync("Diskop UKM");
        var client = await ApiAsync(Demo.Accounts.Admin);
        var before = await app.WithDbAsync(db => db.Agreements.CountAsync());
        var response = await client.PostAsJsonAsync("/api/v1/agreements", new
        {
            kind = "Ksdpk", documentType = "PerjanjianKerjaSama", title = "Kerja Sama Sampai Akhir Zaman", urusan = new[] { "2.17" },
            opdIds = new[] { diskop }, signedOn = "9999-12-31", durationYears = 5,
        });
        var errors = await ErrorsAsync(response);
        Assert.Equal("Tanggal penandatanganan harus antara tahun 1945 dan 2100.", errors.GetProperty("signedOn")[0].GetString());

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var form = await browser.GetAsync("/Agreements/Edit");
        var page = await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form",
        [
            new("Input.Title", "Kerja Sama Sampai Akhir Zaman"), new("Input.SignedOn", "31/12/9999"), new("Input.DurationYears", "5"),
            new("Input.Save", "final"),
        ]));
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Equal("Tanggal penandatanganan harus antara tahun 1945 dan 2100.", page.FieldError("Input.SignedOn"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Agreements.CountAsync()));
    }

    [Fact]
    public async Task A_report_year_past_the_calendar_is_refused_with_a_message()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        foreach (var url in new[] { "/Reports/Period?year=10000&period=s1", "/Reports/Period?year=10000&period=tahun&handler=pdf", "/Reports?year=10000&period=s1" })
        {
            var page = await browser.FollowAsync(await browser.Http.GetAsync(url));
            Assert.True(browser.Last!.StatusCode == HttpStatusCode.OK, $"{url}: {browser.Last.StatusCode}");
            Assert.Equal("/Reports", new Uri(page.Url).AbsolutePath);
        }

        var client = await ApiAsync(Demo.Accounts.Admin);
        foreach (var year in new[] { "10000", "0", "-5", "2147483647" })
        {
            var errors = await ErrorsAsync(await client.GetAsync($"/api/v1/reports/period?year={year}&period=s1"));
            Assert.StartsWith("year harus tahun 2000", errors.GetProperty("year")[0].GetString());
        }
    }

    [Theory]
    [InlineData("NaN", "0")]
    [InlineData("Infinity", "0")]
    [InlineData("0", "-Infinity")]
    public async Task Coordinates_that_are_not_numbers_are_refused_by_page_and_api(string latitude, string longitude)
    {
        var client = await ApiAsync(Demo.Accounts.Admin);
        var before = await app.WithDbAsync(db => db.Partners.CountAsync());
        var body = $$"""{"type":"Swasta","name":"PT Titik Hilang {{latitude}}","latitude":"{{latitude}}","longitude":"{{longitude}}"}""";
        var asStrings = await client.PostAsync("/api/v1/partners", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, asStrings.StatusCode);
        var literal = $$"""{"type":"Swasta","name":"PT Titik Hilang {{latitude}}","latitude":{{latitude}},"longitude":{{longitude}}}""";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/partners", new StringContent(literal, Encoding.UTF8, "application/json"))).StatusCode);

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var form = await browser.GetAsync("/Partners/Edit");
        var page = await browser.FollowAsync(await browser.SubmitAsync(form, "#partner-form",
            [new("Input.Type", "Swasta"), new("Input.Name", $"PT Titik Hilang {latitude}"), new("Input.Latitude", latitude), new("Input.Longitude", longitude)]));
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.NotEqual("", page.FieldError(latitude == "0" ? "Input.Longitude" : "Input.Latitude"));
        Assert.Equal(before, await app.WithDbAsync(db => db.Partners.CountAsync()));
    }

    /// <summary>Several callers holding the same ETag act at once: one wins, the others are told, nobody gets a 500.</summary>
    private static async Task<HttpStatusCode[]> RaceAsync(HttpClient client, HttpMethod method, string url, string etag, object? body, int callers = 6)
    {
        var requests = Enumerable.Range(0, callers).Select(_ =>
        {
            var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
            return client.SendAsync(request);
        });
        return (await Task.WhenAll(requests)).Select(r => r.StatusCode).ToArray();
    }

    private async Task<(int Id, string ETag)> NewAgreementAsync(HttpClient client, string title, string? number = null)
    {
        var created = await client.PostAsJsonAsync("/api/v1/agreements", new
        {
            kind = "Ksdpk", documentType = "PerjanjianKerjaSama", title, number, urusan = new[] { "2.17" },
            opdIds = new[] { await OpdIdAsync("Diskop UKM") }, signedOn = "2026-01-05", durationYears = 2,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), created.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Concurrent_terminations_and_deletes_of_one_agreement_are_told_apart_without_a_500()
    {
        var client = await ApiAsync(Demo.Accounts.Admin);
        for (var round = 0; round < 3; round++)
        {
            var (id, etag) = await NewAgreementAsync(client, $"Pendampingan Koperasi Serentak {round}");
            var terminations = await RaceAsync(client, HttpMethod.Post, $"/api/v1/agreements/{id}/terminate", etag,
                new { terminatedOn = "2026-06-01", reason = "Mitra mengundurkan diri." });
            Assert.DoesNotContain(HttpStatusCode.InternalServerError, terminations);
            Assert.Single(terminations, HttpStatusCode.OK);
            Assert.All(terminations.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.PreconditionFailed, s));
            Assert.Single(await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Agreement" && e.EntityId == id && e.Action == "Diakhiri").ToListAsync()));

            var current = (await client.GetAsync($"/api/v1/agreements/{id}")).Headers.ETag!.Tag;
            var deletes = await RaceAsync(client, HttpMethod.Delete, $"/api/v1/agreements/{id}", current, null);
            Assert.DoesNotContain(HttpStatusCode.InternalServerError, deletes);
            Assert.Single(deletes, HttpStatusCode.NoContent);
            Assert.All(deletes.Where(s => s != HttpStatusCode.NoContent), s => Assert.Contains(s, new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.NotFound }));
            Assert.Single(await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == "Agreement" && e.EntityId == id && e.Action == "Dihapus").ToListAsync()));
        }
    }

    [Fact]
    public async Task A_delete_after_someone_else_changed_the_agreement_is_a_message_on_the_page()
    {
        var client = await ApiAsync(Demo.Accounts.Admin);
        var (id, etag) = await NewAgreementAsync(client, "Pelatihan Kasir Koperasi");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var confirm = await browser.GetAsync($"/Agreements/Delete/{id}");

        var terminate = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{id}/terminate")
        {
            Content = JsonContent.Create(new { terminatedOn = "2026-06-01", reason = "Digantikan perjanjian baru." }),
        };
        terminate.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(terminate)).StatusCode);

        var page = await browser.FollowAsync(await browser.SubmitAsync(confirm, "#delete-form", []));
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Contains("baru saja diubah orang lain", page.Text("main"));
        Assert.True(await app.WithDbAsync(db => db.Agreements.AnyAsync(a => a.Id == id)));

        // Read again, it deletes.
        var again = await browser.GetAsync($"/Agreements/Delete/{id}");
        await browser.FollowAsync(await browser.SubmitAsync(again, "#delete-form", []));
        Assert.False(await app.WithDbAsync(db => db.Agreements.AnyAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task A_duplicate_number_racing_in_through_the_api_is_a_field_error()
    {
        var client = await ApiAsync(Demo.Accounts.Admin);
        var diskop = await OpdIdAsync("Diskop UKM");
        for (var round = 0; round < 3; round++)
        {
            var number = $"500/{round}/RACE/2026";
            var posts = Enumerable.Range(0, 6).Select(i => client.PostAsJsonAsync("/api/v1/agreements", new
            {
                kind = "Ksdpk", documentType = "PerjanjianKerjaSama", number, title = $"Balapan Nomor {round}-{i}", urusan = new[] { "2.17" },
                opdIds = new[] { diskop }, signedOn = "2026-01-05", durationYears = 1,
            }));
            var responses = await Task.WhenAll(posts);
            Assert.DoesNotContain(HttpStatusCode.InternalServerError, responses.Select(r => r.StatusCode));
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
                Assert.Contains("Nomor ini", (await ErrorsAsync(refused)).GetProperty("number")[0].GetString());
            Assert.Equal(1, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Number == number)));
        }

        // And a change that takes a number someone just saved.
        var (id, etag) = await NewAgreementAsync(client, "Nomor Menyusul");
        const string taken = "500/0/RACE/2026";
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/agreements/{id}")
        {
            Content = JsonContent.Create(new
            {
                kind = "Ksdpk", documentType = "PerjanjianKerjaSama", number = taken, title = "Nomor Menyusul", urusan = new[] { "2.17" },
                opdIds = new[] { diskop }, signedOn = "2026-01-05", durationYears = 2,
            }),
        };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        Assert.Contains("Nomor ini", (await ErrorsAsync(await client.SendAsync(put))).GetProperty("number")[0].GetString());
    }
}

public sealed class NoServerErrorTestsOnSqlite(SqliteApp app) : NoServerErrorTests<SqliteApp>(app);

public sealed class NoServerErrorTestsOnPostgres(PostgresApp app) : NoServerErrorTests<PostgresApp>(app);
