using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Import;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

public abstract class ImportPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    [Fact]
    public async Task Admin_previews_saves_and_downloads_the_result_of_an_import()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var preview = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "daftar-kerja-sama.xlsx", ImportSteps.Workbook("daftar-kerja-sama.xlsx")));

        Assert.Equal("7", preview.Text("[data-count='create']"));
        Assert.Equal("0", preview.Text("[data-count='error']"));
        Assert.Equal(7, preview.QuerySelectorAll("#import-rows tbody tr").Length);
        Assert.Contains("\"2024 s.d. 2027\" dibaca sebagai 1 Januari 2024 sampai 31 Desember 2027.",
            preview.QuerySelector("#import-rows tr[data-row='8']")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Number == "005/UPR/2024")));

        var saved = await ImportSteps.AwaitJobAsync(browser, await browser.FollowAsync(await browser.SubmitAsync(preview, "form[action*='handler=Save']", [])));
        Assert.Contains("Hasil impor", saved.Text("#import-summary"));
        Assert.Equal("Tersimpan", saved.Text("[data-import-status]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.RegionCode == Demo.Home && a.Number == "005/UPR/2024")));

        var list = await browser.GetAsync("/Agreements?q=tridharma%20perguruan");
        Assert.Contains("Kesepakatan Bersama Tridharma Perguruan Tinggi", list.Text(".agreement-table"));

        var report = await browser.Http.GetAsync(new Uri(saved.Url).PathAndQuery + "?handler=Report");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", report.Content.Headers.ContentType?.MediaType);
        var read = SpreadsheetReader.Read("hasil.xlsx", new MemoryStream(await report.Content.ReadAsByteArrayAsync()), 10_000_000);
        var rows = read.Sheets[0].Rows;
        Assert.Equal(["Baris", "Nomor", "Judul", "Hasil"], rows[0].Take(4).Cast<string>());
        Assert.Equal(7, rows.Count(r => r[3] is "Dibuat"));
    }

    [Fact]
    public async Task A_workbook_past_the_limits_says_why_and_offers_no_empty_preview()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var page = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "jebakan.xlsx", HostileFiles.SparseWorkbook()));

        Assert.Equal("Gagal", page.Text("[data-import-status]"));
        Assert.Contains("berisi data sampai baris 1.048.576, padahal paling banyak 100.000 baris data dapat diimpor sekaligus", page.Text("#import-error"));
        // Nothing was read, so no "0 akan dibuat" and no report of zero rows to download.
        Assert.Null(page.QuerySelector("#import-summary"));
        Assert.Empty(page.QuerySelectorAll("a[href*='handler=Report']"));
    }

    [Fact]
    public async Task A_file_with_a_bad_date_cannot_be_saved_and_says_where()
    {
        var csv = "Nomor;Tentang;Mitra;Tanggal Penandatanganan\n119/9/X/2025;Kerja Sama Percobaan;Universitas Palangka Raya;kemarin sore\n"u8.ToArray();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var preview = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "salah.csv", csv));

        Assert.Equal("1", preview.Text("[data-count='error']"));
        Assert.Empty(preview.QuerySelectorAll("form[action*='handler=Save']"));
        var row = preview.QuerySelector("#import-rows tr[data-row='2']")!;
        Assert.Contains("Tanggal Penandatanganan: Tidak dapat membaca \"kemarin sore\"", row.TextContent);

        // Posting the save anyway changes nothing.
        var token = preview.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await browser.Http.PostAsync(new Uri(preview.Url).PathAndQuery + "?handler=Save", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(0, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Title == "Kerja Sama Percobaan")));
    }

    [Fact]
    public async Task New_partners_are_named_inline_when_few_and_folded_when_many()
    {
        var csv = "Nomor;Tentang;Mitra;OPD\n" + string.Concat(Enumerable.Range(1, 8).Select(i =>
            $"119/{i}/LIPAT/2025;Kerja Sama Lipat {i};PT Mitra Lipat {i};Dinkes\n"));
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var preview = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "lipat.csv", System.Text.Encoding.UTF8.GetBytes(csv)));

        var partners = preview.QuerySelector("details[data-new='new-partners']")!;
        Assert.Equal("8 mitra baru", partners.QuerySelector("summary")!.TextContent.Trim());
        Assert.Equal(Enumerable.Range(1, 8).Select(i => $"PT Mitra Lipat {i}"), partners.QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal("0 OPD baru", preview.Text("[data-new='new-opds']"));
    }

    [Fact]
    public async Task The_admin_can_change_what_a_column_is_read_as()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var preview = await ImportSteps.AwaitJobAsync(browser, await ImportSteps.UploadAsync(browser, "daftar-kerja-sama-koma.csv", ImportSteps.Workbook("daftar-kerja-sama-koma.csv")));
        var keterangan = preview.QuerySelectorAll("#mapping-form tbody tr").Single(r => r.QuerySelector("label")!.TextContent.Trim() == "Keterangan");
        var select = keterangan.QuerySelector("select")!.GetAttribute("name")!;

        var remapped = await ImportSteps.AwaitJobAsync(browser, await browser.FollowAsync(await browser.SubmitAsync(preview, "#mapping-form", [new(select, nameof(ImportField.Scope))])));
        Assert.Equal(nameof(ImportField.Scope), remapped.QuerySelector($"select[name='{select}'] option[selected]")!.GetAttribute("value"));

        var withoutTitle = preview.QuerySelectorAll("#mapping-form tbody tr").Single(r => r.QuerySelector("label")!.TextContent.Trim() == "Tentang").QuerySelector("select")!.GetAttribute("name")!;
        var refused = await browser.FollowAsync(await browser.SubmitAsync(remapped, "#mapping-form", [new(withoutTitle, "")]));
        Assert.Contains("Pilih satu kolom sebagai Judul", refused.Text("[role=alert]"));
    }

    [Fact]
    public async Task Only_the_admin_of_the_region_imports()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        await browser.GetAsync("/Import");
        Assert.Equal(HttpStatusCode.Forbidden, browser.Last!.StatusCode);
    }
}

public sealed class ImportPageTestsOnSqlite(SqliteApp app) : ImportPageTests<SqliteApp>(app);

public sealed class ImportPageTestsOnPostgres(PostgresApp app) : ImportPageTests<PostgresApp>(app);
