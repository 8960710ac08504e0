using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

/// <summary>Sinergi on a phone (390 px): nothing runs off the edge, the menu folds, the form's lists filter.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneTests(BrowserSession session)
{
    [Fact]
    public async Task Tables_reports_and_the_menu_fit_a_phone()
    {
        var (page, errors) = await session.NewPageAsync(BrowserSession.Phone);
        await BrowserSession.SignInAsync(page, Demo.Accounts.Admin);

        foreach (var path in new[] { "/", "/Agreements", "/Partners", "/Settings/Users", "/Settings/Opds", "/Account/Profile", "/Reports" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} runs {overflow} px off the right edge");
        }

        // A table of records is a card per row, each value under its column's name.
        await page.GotoAsync("/Settings/Users");
        var email = page.Locator("#user-table td[data-label='Email']").First;
        await Expect(email).ToBeVisibleAsync();
        Assert.Equal("block", await page.Locator("#user-table tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));

        // The menu folds behind a button that names the current page; opened, every item is there.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" });
        var toggle = menu.GetByRole(AriaRole.Button);
        await Expect(toggle).ToContainTextAsync("Pengaturan");
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Laporan" })).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        foreach (var item in new[] { "Beranda", "Kerja Sama", "Anggaran", "Usulan", "Monev", "TKKSD", "Laporan", "Pengaturan" })
            await Expect(menu.GetByRole(AriaRole.Link, new() { Name = item })).ToBeVisibleAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Kerja Sama" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kerja Sama");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_partner_list_filters_as_one_types_and_a_refused_form_takes_the_focus_to_its_problems()
    {
        var (page, errors) = await session.NewPageAsync(BrowserSession.Phone);
        await BrowserSession.SignInAsync(page, Demo.Accounts.Admin);
        await page.GotoAsync("/Agreements/Edit");

        var partners = page.Locator("#partner-list");
        await page.GetByLabel("Cari mitra").FillAsync("palangkaraya");
        await Expect(partners.GetByLabel("Universitas Palangka Raya")).ToBeVisibleAsync();
        await Expect(partners.GetByLabel("Universitas Muhammadiyah Palangkaraya")).ToBeVisibleAsync();
        await Expect(partners.GetByLabel("Yayasan WWF Indonesia")).ToBeHiddenAsync();
        await partners.GetByLabel("Universitas Palangka Raya").CheckAsync();

        await page.GetByLabel("Judul (tentang)").FillAsync("Uji Ponsel");
        await page.Locator("#Input_SignedOn").FillAsync("31/02/2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan", Exact = true }).ClickAsync();

        var summary = page.Locator("#error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync("Tanggal penandatanganan");
        await Expect(page.Locator("#Input_SignedOn")).ToHaveValueAsync("31/02/2026");
        await Expect(page.Locator("#partner-list input[type=checkbox]").First).ToBeCheckedAsync();
        await summary.GetByRole(AriaRole.Link).Filter(new() { HasText = "tidak ada" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#Input_SignedOn$"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
