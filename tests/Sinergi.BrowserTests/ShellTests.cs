using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserSession session)
{
    private static async Task LoginAsync(IPage page, string email)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(BrowserSession.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
    }

    [Fact]
    public async Task Admin_logs_in_finds_an_opd_as_they_type_and_logs_out()
    {
        var (page, errors) = await session.NewPageAsync();
        await LoginAsync(page, Demo.Accounts.Admin);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pemerintah Kota Palangkaraya");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "Pengaturan" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Perangkat Daerah (OPD)" }).ClickAsync();
        await Expect(page.Locator("#opd-table")).ToContainTextAsync("Dinas Pendidikan");

        // htmx replaces only the table while the person types, and keeps the search in the address.
        await page.GetByPlaceholder("Cari nama, singkatan atau kepala OPD").PressSequentiallyAsync("kesehatan");
        await Expect(page.Locator("#opd-table")).Not.ToContainTextAsync("Dinas Pendidikan");
        await Expect(page.Locator("#opd-table")).ToContainTextAsync("Dinas Kesehatan");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"q=kesehatan"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Anda telah keluar");
        await page.GotoAsync("/Settings/Opds");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task Admin_adds_an_opd_after_the_form_points_out_what_is_missing()
    {
        var (page, errors) = await session.NewPageAsync();
        await LoginAsync(page, Demo.Accounts.Admin);
        await page.GotoAsync("/Settings/Opds/Edit");

        await page.GetByLabel("Singkatan").FillAsync("Dinkes");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Name']")).ToHaveTextAsync("Nama OPD wajib diisi.");
        await Expect(page.Locator("[data-valmsg-for='Input.ShortName']")).ToContainTextAsync("sudah dipakai");
        await Expect(page.Locator("[data-valmsg-for='Input.UrusanCodes']")).ToContainTextAsync("Pilih minimal satu urusan");

        await page.GetByLabel("Nama OPD").FillAsync("Badan Pendapatan Daerah");
        await page.GetByLabel("Singkatan").FillAsync("Bapenda");
        await page.GetByLabel("5.02 Keuangan").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Settings/Opds$"));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("OPD Bapenda ditambahkan");
        await Expect(page.Locator("#opd-table tr", new() { HasText = "Bapenda" })).ToContainTextAsync("5.02");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task On_a_phone_the_menu_stays_reachable_and_the_keyboard_can_skip_to_content()
    {
        var (page, errors) = await session.NewPageAsync(new ViewportSize { Width = 375, Height = 740 });
        await LoginAsync(page, Demo.Accounts.Pimpinan);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pemerintah Kota Palangkaraya");

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" });
        await Expect(menu.GetByRole(AriaRole.Button, new() { Name = "Menu" })).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"the page scrolls sideways on a phone ({width}px)");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Lewati ke konten utama" });
        await Expect(skip).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#konten")).ToBeFocusedAsync();

        // On a phone the menu folds behind its button; opened, the item is a tap away.
        await menu.GetByRole(AriaRole.Button).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = "Laporan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Laporan");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task A_personal_token_is_shown_once_and_can_be_copied()
    {
        var (page, errors) = await session.NewPageAsync();
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await LoginAsync(page, Demo.Accounts.ProvinceAdmin);
        await page.GetByRole(AriaRole.Link, new() { Name = "Dewi Anggraini" }).ClickAsync();
        await page.GetByLabel("Nama token").FillAsync("Dasbor provinsi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Buat token" }).ClickAsync();

        var secret = await page.Locator("#new-token").InnerTextAsync();
        Assert.StartsWith("snrg_", secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Salin" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Tersalin" })).ToBeVisibleAsync();
        Assert.Equal(secret, await page.EvaluateAsync<string>("navigator.clipboard.readText()"));

        await page.ReloadAsync();
        await Expect(page.Locator("#new-token")).ToHaveCountAsync(0);
        await Expect(page.Locator("table")).ToContainTextAsync("Dasbor provinsi");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
