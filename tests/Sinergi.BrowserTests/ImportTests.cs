using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserSession session)
{
    /// <summary>The messy registry workbook written by LibreOffice (tests/Sinergi.Tests/Import/Workbooks).</summary>
    private static string Workbook()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Sinergi.slnx")))
            folder = folder.Parent;
        return Path.Combine(folder!.FullName, "tests", "Sinergi.Tests", "Import", "Workbooks", "daftar-kerja-sama.xlsx");
    }

    [Fact]
    public async Task Admin_imports_a_workbook_through_the_preview_and_finds_an_agreement_in_the_list()
    {
        var (page, errors) = await session.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(Demo.Accounts.Admin);
        await page.GetByLabel("Kata sandi").FillAsync(BrowserSession.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.GotoAsync("/Agreements");
        await page.GetByRole(AriaRole.Link, new() { Name = "Impor", Exact = true }).ClickAsync();

        await page.GetByLabel("Berkas daftar kerja sama").SetInputFilesAsync(Workbook());
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan baca" }).ClickAsync();

        // The progress bar polls until the background reading is done, then the preview appears.
        await Expect(page.Locator("#import-summary")).ToContainTextAsync("Pratinjau", new() { Timeout = 20_000 });
        await Expect(page.Locator("[data-count='create']")).ToHaveTextAsync("7");
        await Expect(page.Locator("#import-rows tr[data-row='8']")).ToContainTextAsync("dibaca sebagai 1 Januari 2024 sampai 31 Desember 2027");

        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan 7 kerja sama" }).ClickAsync();
        await Expect(page.Locator("[data-import-status]")).ToHaveTextAsync("Tersimpan", new() { Timeout = 20_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "Lihat daftar kerja sama" }).ClickAsync();

        await page.GetByLabel("Cari", new() { Exact = true }).PressSequentiallyAsync("tridharma perguruan");
        var results = page.Locator(".agreement-table");
        await Expect(results).ToContainTextAsync("Kesepakatan Bersama Tridharma Perguruan Tinggi");
        await Expect(page).ToHaveURLAsync(new Regex("q=tridharma"));
        await results.GetByRole(AriaRole.Link, new() { Name = "Kesepakatan Bersama Tridharma Perguruan Tinggi" }).ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("2 Mei 2024 s.d. 1 November 2028 (4 tahun 6 bulan)");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
