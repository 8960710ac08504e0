using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Import;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

public abstract class ImportApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    private static MultipartFormDataContent Upload(string fileName, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", fileName } };

    [Fact]
    public async Task A_dry_run_answers_counts_and_the_first_problems_and_links_the_whole_report()
    {
        // 250 rows without a title, then one good row: every bad row has an error.
        var csv = "Nomor;Tentang;Mitra\n" + string.Concat(Enumerable.Range(1, 250).Select(i => $"{i}/API/2026;;Universitas Palangka Raya\n"))
            + "251/API/2026;Kerja Sama Batas Jawaban;Universitas Palangka Raya\n";
        var client = await ApiAsync(Demo.Accounts.Admin);

        var answer = await client.PostAsync("/api/v1/imports?dryRun=true", Upload("banyak-galat.csv", Encoding.UTF8.GetBytes(csv)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        var result = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(251, result.GetProperty("rows").GetInt32());
        Assert.Equal(250, result.GetProperty("errors").GetInt32());
        // The good row has a warning too (its kind is guessed); rows with an error come first.
        Assert.Equal(251, result.GetProperty("problemCount").GetInt32());
        var problems = result.GetProperty("problems").EnumerateArray().ToList();
        Assert.Equal(200, problems.Count);
        Assert.All(problems, p => Assert.Equal("Error", p.GetProperty("outcome").GetString()));
        Assert.Equal(2, problems[0].GetProperty("row").GetInt32());
        Assert.Contains("Judul kerja sama kosong", problems[0].GetProperty("messages")[0].GetProperty("text").GetString());

        var report = await client.GetAsync(result.GetProperty("report").GetString());
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var rows = SpreadsheetReader.Read("hasil.xlsx", new MemoryStream(await report.Content.ReadAsByteArrayAsync()), 10_000_000).Sheets[0].Rows;
        Assert.Equal(1 + 251, rows.Count);
        Assert.Equal(250, rows.Count(r => r[3] is "Bermasalah"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Title == "Kerja Sama Batas Jawaban")));

        var stranger = await ApiAsync(Demo.Accounts.PartnerRegionAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(result.GetProperty("report").GetString())).StatusCode);
        var session = new Browser(app);
        await session.LoginAsync(Demo.Accounts.Admin);
        Assert.Equal("Menunggu pemeriksaan", (await session.GetAsync(result.GetProperty("session").GetString()!)).Text("[data-import-status]"));
    }

    [Fact]
    public async Task The_small_workbook_declaring_the_whole_sheet_is_refused_with_the_row_limit()
    {
        var client = await ApiAsync(Demo.Accounts.Admin);

        var answer = await client.PostAsync("/api/v1/imports?dryRun=true", Upload("jebakan.xlsx", HostileFiles.SparseWorkbook()));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("berisi data sampai baris 1.048.576, padahal paling banyak 100.000 baris data",
            problem.GetProperty("errors").GetProperty("file")[0].GetString());
    }

    [Fact]
    public async Task The_impor_page_says_why_it_refuses_the_small_workbook_declaring_the_whole_sheet()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);

        var session = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "jebakan.xlsx", HostileFiles.SparseWorkbook()));

        Assert.Equal("Gagal", session.Text("[data-import-status]"));
        Assert.Contains("berisi data sampai baris 1.048.576, padahal paling banyak 100.000 baris data", session.Text("main"));
    }
}

public sealed class ImportApiTestsOnSqlite(SqliteApp app) : ImportApiTests<SqliteApp>(app);

public sealed class ImportApiTestsOnPostgres(PostgresApp app) : ImportApiTests<PostgresApp>(app);
