using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Import;
using Sinergi.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

/// <summary>The Impor page's list of imports: results in words, re-imports that change nothing, previews nobody saved.</summary>
public abstract class ImportHistoryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static byte[] Csv(string tag, int rows = 2) => System.Text.Encoding.UTF8.GetBytes("Nomor;Tentang;Mitra;Tanggal\n"
        + string.Concat(Enumerable.Range(1, rows).Select(i => $"119/{i}/{tag}/2025;Kerja Sama {tag} {i};Universitas Palangka Raya;{i} Maret 2025\n")));

    private async Task<Browser> AdminAsync()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        return browser;
    }

    private static Guid SessionOf(AngleSharp.Dom.IDocument page) => Guid.Parse(new Uri(page.Url).AbsolutePath.Split('/').Last());

    private Task AgeAsync(Guid session, int days) => app.WithDbAsync(db => db.ImportSessions.Where(s => s.Id == session)
        .ExecuteUpdateAsync(s => s.SetProperty(x => x.UpdatedAt, TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(-days))));

    [Fact]
    public async Task The_history_gives_results_in_indonesian_never_the_command_line_summary()
    {
        var browser = await AdminAsync();
        await ImportSteps.ImportAsync(browser, "riwayat.csv", Csv("RIW"));
        await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "riwayat-lagi.csv", Csv("RIW", rows: 3)));

        var history = await browser.GetAsync("/Import");
        string Result(string file) => history.QuerySelectorAll("#recent-imports tbody tr")
            .Single(r => r.QuerySelector("a")!.TextContent == file).QuerySelector("[data-result]")!.TextContent.Trim();
        Assert.Equal("2 dibuat · 0 diperbarui · 0 dilewati · 0 galat", Result("riwayat.csv"));
        Assert.Equal("1 akan dibuat · 0 akan diperbarui · 2 dilewati · 0 galat", Result("riwayat-lagi.csv"));
        Assert.DoesNotContain("imported=", history.Text("#recent-imports"));
    }

    [Fact]
    public void A_summary_line_reads_in_words_and_anything_else_is_not_shown()
    {
        Assert.Equal("1.250 dibuat · 3 diperbarui · 0 dilewati · 1 galat", ImportSummary.Describe("imported=1250 updated=3 skipped=0 errors=1", saved: true));
        Assert.Null(ImportSummary.Describe("imported=5 updated=0", saved: true));
        Assert.Null(ImportSummary.Describe("rusak", saved: false));
        Assert.Null(ImportSummary.Describe(null, saved: false));
    }

    [Fact]
    public async Task A_reimport_where_nothing_changed_offers_nothing_to_save()
    {
        var browser = await AdminAsync();
        await ImportSteps.ImportAsync(browser, "sama.csv", Csv("SAMA"));
        var again = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "sama.csv", Csv("SAMA")));

        Assert.Equal("Tidak ada yang perlu disimpan: 2 baris sama dengan yang sudah tercatat.", again.Text("#nothing-to-save"));
        Assert.Empty(again.QuerySelectorAll("form[action*='handler=Save']"));
        Assert.DoesNotContain("Simpan 0", again.Text("#import-summary"));

        // Posting the save anyway starts nothing and says why.
        var token = again.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await browser.FollowAsync(await browser.Http.PostAsync(new Uri(again.Url).PathAndQuery + "?handler=Save",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)])));
        Assert.Contains("Tidak ada yang perlu disimpan", posted.Text("[role=status]"));
        Assert.Equal(ImportStatus.Siap, await app.WithDbAsync(db => db.ImportSessions.Where(s => s.Id == SessionOf(again)).Select(s => s.Status).SingleAsync()));
    }

    [Fact]
    public async Task Unsaved_previews_expire_and_their_file_goes_when_nothing_else_uses_it()
    {
        var browser = await AdminAsync();
        var alone = SessionOf(await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "sendiri.csv", Csv("SENDIRI"))));
        var sharedOld = SessionOf(await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "bersama.csv", Csv("BERSAMA"))));
        var sharedNew = SessionOf(await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "bersama-2.csv", Csv("BERSAMA"))));
        var saved = SessionOf(await ImportSteps.ImportAsync(browser, "tersimpan.csv", Csv("SIMPAN")));
        await AgeAsync(alone, 8);
        await AgeAsync(sharedOld, 8);
        await AgeAsync(sharedNew, 6);
        await AgeAsync(saved, 30);
        var sha = await app.WithDbAsync(db => db.ImportSessions.Where(s => s.Id == alone || s.Id == sharedNew).ToDictionaryAsync(s => s.Id, s => s.Sha256));

        var history = await browser.GetAsync("/Import");

        var files = history.QuerySelectorAll("#recent-imports tbody tr a").Select(a => a.TextContent).ToList();
        Assert.DoesNotContain("sendiri.csv", files);
        Assert.DoesNotContain("bersama.csv", files);
        Assert.Contains("bersama-2.csv", files);
        Assert.Contains("tersimpan.csv", files);
        Assert.Contains("Pratinjau yang tidak disimpan dihapus setelah 7 hari.", history.Text("main"));
        var left = await app.WithDbAsync(db => db.ImportSessions.Select(s => s.Id).ToListAsync());
        Assert.DoesNotContain(alone, left);
        Assert.DoesNotContain(sharedOld, left);
        var store = app.Services.GetRequiredService<FileStore>();
        Assert.False(store.Exists(sha[alone]));
        Assert.True(store.Exists(sha[sharedNew]));
        await browser.GetAsync($"/Import/Session/{alone}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, browser.Last!.StatusCode);
    }

    [Fact]
    public async Task How_long_a_preview_is_kept_is_set_by_the_options()
    {
        var browser = await AdminAsync();
        var preview = SessionOf(await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "singkat.csv", Csv("SINGKAT"))));
        await AgeAsync(preview, 3);

        var removed = await app.WithDbAsync(db => ImportCleanup.RemoveExpiredAsync(db, app.Services.GetRequiredService<FileStore>(), new ImportOptions { PreviewExpiryDays = 2 }));

        Assert.True(removed >= 1);
        Assert.False(await app.WithDbAsync(db => db.ImportSessions.AnyAsync(s => s.Id == preview)));
    }
}

public sealed class ImportHistoryTestsOnSqlite(SqliteApp app) : ImportHistoryTests<SqliteApp>(app);

public sealed class ImportHistoryTestsOnPostgres(PostgresApp app) : ImportHistoryTests<PostgresApp>(app);
