using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class RegistryTests(BrowserSession session)
{
    [Fact]
    public async Task Admin_records_an_agreement_with_its_pdf_finds_it_by_a_word_inside_edits_it_and_sees_the_history()
    {
        var (page, errors) = await session.SignedInAsync(Demo.Accounts.Admin);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "Kerja Sama" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Catat kerja sama" }).ClickAsync();
        await page.GetByLabel("Jenis kerja sama").SelectOptionAsync(new SelectOptionValue { Label = "KSDPK — Kerja sama daerah dengan pihak ketiga" });
        await page.GetByLabel("Jenis dokumen").SelectOptionAsync(new SelectOptionValue { Label = "Perjanjian Kerja Sama (PKS)" });
        await page.GetByLabel("Nomor (pihak daerah)").FillAsync("119/777/KS-PR/2026");
        await page.GetByLabel("Judul (tentang)").FillAsync("Beasiswa Mahasiswa Berprestasi");
        await page.Locator("#partner-list").GetByLabel("Universitas Palangka Raya", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Disdik").CheckAsync();
        await page.GetByLabel("Tanggal penandatanganan").FillAsync("2026-03-02");
        await page.GetByLabel("Tahun").FillAsync("2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Kerja sama dicatat");
        await Expect(page.Locator("main")).ToContainTextAsync("2 Maret 2026 s.d. 1 Maret 2028 (2 tahun)");

        var pdf = MinimalPdf.WithLines("PERJANJIAN KERJA SAMA", "Penerima beasiswa wajib mengabdi di Kelurahan Bukit Tunggal.");
        await page.GetByLabel("Judul dokumen baru").FillAsync("Naskah PKS bertanda tangan");
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload { Name = "pks-beasiswa.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Unggah" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("pks-beasiswa.pdf diunggah sebagai versi 1");
        // Its text is read in the background; the list of documents refreshes itself until it is.
        await Expect(page.Locator("#document-list [data-text-state='Pending']")).ToHaveCountAsync(0, new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "Kerja Sama" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Agreements$"));
        await page.GetByLabel("Cari", new() { Exact = true }).PressSequentiallyAsync("tunggal");
        var results = page.Locator(".agreement-table");
        await Expect(results).ToContainTextAsync("Beasiswa Mahasiswa Berprestasi");
        await Expect(page.Locator("#result-summary")).ToContainTextAsync("1 kerja sama cocok dengan \"tunggal\"");
        await Expect(page).ToHaveURLAsync(new Regex("q=tunggal"));
        await results.GetByRole(AriaRole.Link, new() { Name = "Beasiswa Mahasiswa Berprestasi" }).ClickAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Ubah", Exact = true }).ClickAsync();
        await page.GetByLabel("Judul (tentang)").FillAsync("Beasiswa Mahasiswa Berprestasi dan Afirmasi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Beasiswa Mahasiswa Berprestasi dan Afirmasi");
        var newest = page.Locator("#history li").First;
        await Expect(newest).ToContainTextAsync("Diubah oleh Rina Wulandari");
        await Expect(newest.Locator("tr", new() { HasText = "Judul" })).ToContainTextAsync("Beasiswa Mahasiswa Berprestasi");
        await Expect(newest.Locator("tr", new() { HasText = "Judul" })).ToContainTextAsync("Beasiswa Mahasiswa Berprestasi dan Afirmasi");
        await Expect(page.Locator("#history li")).ToHaveCountAsync(3); // created, document uploaded, changed
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Partner_location_is_picked_on_the_map_even_without_tiles()
    {
        var (page, errors) = await session.SignedInAsync(Demo.Accounts.Admin);
        await page.GotoAsync("/Partners/Edit");

        await page.GetByLabel("Jenis mitra").SelectOptionAsync(new SelectOptionValue { Label = "Swasta" });
        await page.GetByLabel("Nama mitra").FillAsync("CV Rotan Kahayan");
        await page.Locator("#partner-map").ClickAsync(new() { Position = new Position { X = 120, Y = 100 } });
        await Expect(page.Locator("#partner-map .leaflet-marker-icon")).ToHaveCountAsync(1);
        var latitude = await page.GetByLabel("Lintang").InputValueAsync();
        Assert.Matches(@"^-?\d+\.\d{6}$", latitude);
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Mitra CV Rotan Kahayan ditambahkan");
        // Tiles cannot load on this network; only those refusals may reach the console.
        Assert.All(errors, e => Assert.Contains("tile.openstreetmap.org", e));
    }
}
