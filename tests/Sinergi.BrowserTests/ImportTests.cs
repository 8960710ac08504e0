using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ImportTests(BrowserSession session)
{
    /// <summary>A workbook of tests/Sinergi.Tests/Import/Workbooks; by default the messy registry written by LibreOffice.</summary>
    private static string Workbook(string name = "daftar-kerja-sama.xlsx")
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Sinergi.slnx")))
            folder = folder.Parent;
        return Path.Combine(folder!.FullName, "tests", "Sinergi.Tests", "Import", "Workbooks", name);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(390, 844)]
    public async Task Admin_maps_a_name_the_directory_has_otherwise_and_sees_the_footer_left_out(int width, int height)
    {
        var (page, errors) = await session.NewPageAsync(new ViewportSize { Width = width, Height = height });
        await BrowserSession.SignInAsync(page, Demo.Accounts.Admin);
        await page.GotoAsync("/Import");
        await page.GetByLabel("Berkas daftar kerja sama").SetInputFilesAsync(Workbook("ttd-titik-koma.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah dan baca" }).ClickAsync();

        await Expect(page.Locator("#import-summary")).ToContainTextAsync("6 baris di bawah tabel (baris 5–10) dilewati sebagai catatan atau tanda tangan", new() { Timeout = 20_000 });
        await Expect(page.Locator("#value-mapping")).ToContainTextAsync("maksud Anda: Disbudpar (Dinas Kebudayaan dan Pariwisata)?");
        await Screenshot(page, $"impor-pratinjau-{width}");
        await page.GetByLabel("Dinas Pariwisata", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Disbudpar (Dinas Kebudayaan dan Pariwisata)" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Baca ulang dengan pilihan ini" }).ClickAsync();

        await Expect(page.Locator("#import-rows tr[data-row='4']")).ToContainTextAsync("Disbudpar", new() { Timeout = 20_000 });
        await Expect(page.Locator("#import-summary")).Not.ToContainTextAsync("Dinas Pariwisata");
        // Wide tables scroll inside their own box; the page itself never runs off the screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await Screenshot(page, $"impor-dipetakan-{width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Impor", Exact = true }).ClickAsync();
        await Expect(page.Locator("#recent-imports")).ToContainTextAsync("2 akan dibuat · 0 akan diperbarui · 0 dilewati · 0 galat");
        await Expect(page.Locator("#recent-imports")).Not.ToContainTextAsync("imported=");
        await Screenshot(page, $"impor-riwayat-{width}");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>Saved for a person to look at when SINERGI_SCREENSHOTS names a folder; nothing otherwise.</summary>
    private static async Task Screenshot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SINERGI_SCREENSHOTS") is { Length: > 0 } folder)
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    [Fact]
    public async Task Admin_imports_a_workbook_through_the_preview_and_finds_an_agreement_in_the_list()
    {
        var (page, errors) = await session.SignedInAsync(Demo.Accounts.Admin);
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
