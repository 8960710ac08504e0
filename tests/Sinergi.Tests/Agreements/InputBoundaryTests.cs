using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements;

/// <summary>
/// What comes in is held to one rule wherever it comes from, the form, the API or an imported
/// file: dates from 1945 to 2100, and text without control characters or bidi overrides.
/// </summary>
public abstract class InputBoundaryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private async Task<HttpClient> ApiAsync()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Admin));
        return client;
    }

    private Task<int> OpdIdAsync(string shortName) =>
        app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    private async Task<object> BodyAsync(string title, string signedOn, string? number = null, string? scope = null) => new
    {
        kind = "Ksdpk", documentType = "PerjanjianKerjaSama", title, number, scope, urusan = new[] { "2.17" },
        opdIds = new[] { await OpdIdAsync("Diskop UKM") }, signedOn, durationYears = 1,
    };

    [Theory]
    [InlineData("1944-12-31", "signedOn", "Tanggal penandatanganan harus antara tahun 1945 dan 2100.")]
    [InlineData("2101-01-01", "signedOn", "Tanggal penandatanganan harus antara tahun 1945 dan 2100.")]
    [InlineData("2100-06-01", "durationYears", "sesudah tahun 2100")]
    public async Task Dates_outside_1945_to_2100_are_refused_by_the_api(string signedOn, string field, string message)
    {
        var client = await ApiAsync();
        var response = await client.PostAsJsonAsync("/api/v1/agreements", await BodyAsync("Kerja Sama Salah Tanggal", signedOn));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/agreements", await BodyAsync($"Kerja Sama Tepat {signedOn}", "1945-01-01"))).StatusCode);
    }

    [Fact]
    public async Task Dates_outside_1945_to_2100_are_refused_by_the_form_and_the_termination()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var form = await browser.GetAsync("/Agreements/Edit");
        var page = await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form",
        [
            new("Input.Title", "Kerja Sama Zaman Belanda"), new("Input.SignedOn", "17/08/1900"), new("Input.EndsOn", "17/08/1905"),
            new("Input.DprdApprovedOn", "01/01/2200"), new("Input.Save", "final"),
        ]));
        Assert.Equal("Tanggal penandatanganan harus antara tahun 1945 dan 2100.", page.FieldError("Input.SignedOn"));
        Assert.Equal("Tanggal berakhir harus antara tahun 1945 dan 2100.", page.FieldError("Input.EndsOn"));
        Assert.Equal("Tanggal persetujuan DPRD harus antara tahun 1945 dan 2100.", page.FieldError("Input.DprdApprovedOn"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Title == "Kerja Sama Zaman Belanda")));

        var client = await ApiAsync();
        var created = await client.PostAsJsonAsync("/api/v1/agreements", await BodyAsync("Kerja Sama Diakhiri Kelak", "2026-01-05"));
        var terminate = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{(await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32()}/terminate")
        {
            Content = JsonContent.Create(new { terminatedOn = "9999-12-31", reason = "Salah ketik." }),
        };
        terminate.Headers.IfMatch.Add(created.Headers.ETag!);
        var refused = await client.SendAsync(terminate);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("Tanggal diakhiri harus antara tahun 1945 dan 2100.",
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("terminatedOn")[0].GetString());
    }

    [Fact]
    public async Task Control_characters_and_bidi_overrides_never_reach_the_registry()
    {
        var client = await ApiAsync();
        var created = await client.PostAsJsonAsync("/api/v1/agreements",
            await BodyAsync("Laporan\u0000 Keuangan \u202Efdp.exe\u0007", "2026-01-05", number: "119/\u0001777/KS", scope: "Baris\u0008 satu\nbaris dua\u001B"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Laporan Keuangan fdp.exe", body.GetProperty("title").GetString());
        Assert.Equal("119/777/KS", body.GetProperty("number").GetString());
        Assert.Equal("Baris satu\nbaris dua", body.GetProperty("scope").GetString());

        var partner = await client.PostAsJsonAsync("/api/v1/partners", new { type = "Swasta", name = "CV \u202ESinar\u0003 Terang", contactName = "Pak\u0000 Budi" });
        Assert.Equal(HttpStatusCode.Created, partner.StatusCode);
        var partnerBody = await partner.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("CV Sinar Terang", partnerBody.GetProperty("name").GetString());
        Assert.Equal("Pak Budi", partnerBody.GetProperty("contactName").GetString());

        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var form = await browser.GetAsync("/Agreements/Edit");
        await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form",
        [
            new("Input.Title", "Pelatihan\u0001 Barista\u202D"), new("Input.SignedOn", "05/01/2026"), new("Input.DurationYears", "1"),
            new("Input.OpdIds", (await OpdIdAsync("Diskop UKM")).ToString()), new("Input.UrusanCodes", "2.17"), new("Input.Save", "final"),
        ]));
        Assert.Equal(1, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Title == "Pelatihan Barista")));
    }

    [Fact]
    public async Task An_imported_file_is_held_to_the_same_dates_and_loses_its_control_characters()
    {
        var client = await ApiAsync();
        var csv = Encoding.UTF8.GetBytes(
            "Nomor;Tentang;Mitra;Tanggal Penandatanganan;Masa Berlaku\n"
            + "119/1/IMPOR/2025;Magang\u0001 Mahasiswa\u202E;Universitas Palangka Raya;15\u0007 Januari 2025;2 tahun\n"
            + "119/2/IMPOR/1946;Kerja Sama Pertama;Universitas Palangka Raya;1 Januari 1946;5 tahun\n");
        using (var upload = new MultipartFormDataContent { { new ByteArrayContent(csv), "file", "daftar.csv" } })
        {
            var saved = await client.PostAsync("/api/v1/imports", upload);
            Assert.True(saved.StatusCode == HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }
        var imported = await app.WithDbAsync(db => db.Agreements.Where(a => a.Number!.Contains("/IMPOR/")).OrderBy(a => a.Number).ToListAsync());
        Assert.Equal(["Magang Mahasiswa", "Kerja Sama Pertama"], imported.Select(a => a.Title));
        Assert.Equal(new DateOnly(2025, 1, 15), imported[0].SignedOn);
        Assert.Equal(new DateOnly(1946, 1, 1), imported[1].SignedOn);

        var tooOld = "Nomor;Tentang;Mitra;Tanggal Penandatanganan\n119/3/IMPOR/1944;Kerja Sama Terlalu Tua;Universitas Palangka Raya;31/12/1944\n"u8.ToArray();
        using var refusedUpload = new MultipartFormDataContent { { new ByteArrayContent(tooOld), "file", "lama.csv" } };
        var refused = await client.PostAsync("/api/v1/imports?dryRun=true", refusedUpload);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("di luar rentang 1945–2100", await refused.Content.ReadAsStringAsync());
    }
}

public sealed class InputBoundaryTestsOnSqlite(SqliteApp app) : InputBoundaryTests<SqliteApp>(app);

public sealed class InputBoundaryTestsOnPostgres(PostgresApp app) : InputBoundaryTests<PostgresApp>(app);
