using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

/// <summary>
/// A rapat TKKSD in Chromium: the admin plans it with a proposal on its agenda, writes the notulen with
/// a decision, approves them and adds an action item for the Dinkes operator; the decision shows on
/// the proposal's page and the action item in its owner's inbox on /Tkksd.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TkksdTests(BrowserSession session)
{
    [Fact]
    public async Task A_meeting_decides_on_a_proposal_and_its_action_item_reaches_the_owners_inbox()
    {
        var (admin, errors) = await session.SignedInAsync(Demo.Accounts.Admin);
        await admin.GetByRole(AriaRole.Link, new() { Name = "TKKSD" }).First.ClickAsync();
        await admin.Locator("#meetings-link").ClickAsync();
        await admin.GetByLabel("Judul rapat").FillAsync("Rapat uji Chromium");
        await admin.GetByLabel("Tempat").FillAsync("Ruang rapat Bapperida");
        var proposal = admin.Locator("#agenda-proposals .form-check").First;
        var proposalLabel = (await proposal.Locator("label").TextContentAsync())!.Split(" — ")[^1].Trim();
        await proposal.Locator("input").CheckAsync();
        await admin.Locator("#meeting-form").ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "tkksd-meeting-form-desktop.png") });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Rencanakan" }).ClickAsync();
        await Expect(admin.Locator("#agenda-list")).ToContainTextAsync(proposalLabel);

        await admin.Locator("#minutes-form textarea[name^='Decisions']").First.FillAsync("Usulan layak direkomendasikan kepada Wali Kota");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan notulen" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Setujui notulen" }).ClickAsync();
        await Expect(admin.Locator("#minutes-state")).ToHaveTextAsync("disetujui");

        await admin.Locator("#FollowUp_Description").FillAsync("Menyiapkan surat rekomendasi");
        await admin.Locator("#FollowUp_OwnerId").SelectOptionAsync(new SelectOptionValue { Label = "Maria Simanjuntak" });
        await admin.Locator("#FollowUp_DueOn").FillAsync(DateTime.Today.AddDays(14).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture));
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tambah tindak lanjut" }).ClickAsync();
        await Expect(admin.Locator("#meeting-actions")).ToContainTextAsync("Menyiapkan surat rekomendasi");

        await admin.Locator("#agenda-list a").First.ClickAsync();
        await Expect(admin.Locator("#tkksd-decisions")).ToContainTextAsync("Usulan layak direkomendasikan kepada Wali Kota");

        var (owner, ownerErrors) = await session.SignedInAsync(Demo.Accounts.DinkesOperator);
        await owner.GotoAsync("/Tkksd");
        await Expect(owner.Locator("#my-actions")).ToContainTextAsync("Menyiapkan surat rekomendasi");
        Assert.Empty(errors);
        Assert.Empty(ownerErrors);
    }

    [Fact]
    public async Task The_meeting_form_fits_a_phone_and_takes_a_proposal_by_its_number()
    {
        var (page, errors) = await session.SignedInAsync(Demo.Accounts.Admin, BrowserSession.Phone);
        await page.GotoAsync("/Proposals");
        var first = page.Locator("#proposal-table tbody tr td[data-title]").First;
        var number = (await first.Locator("a").TextContentAsync())!.Trim();
        var title = (await first.Locator(".small").First.TextContentAsync())!.Trim();
        await page.GotoAsync("/Tkksd/Meetings");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "/Tkksd/Meetings runs off the edge");
        await page.GetByLabel("Judul rapat").FillAsync("Rapat uji nomor usulan");
        await page.GetByLabel("Tempat").FillAsync("Aula Setda");
        await page.GetByLabel("Nomor usulan lain").FillAsync("USL/1999/0001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Rencanakan" }).ClickAsync();
        await Expect(page.Locator("span[data-valmsg-for='Input.ProposalNumbers']")).ToContainTextAsync("tidak ditemukan");
        await page.Locator("#meeting-form").ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "tkksd-meeting-form-phone.png") });
        await page.GetByLabel("Nomor usulan lain").FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Rencanakan" }).ClickAsync();
        await Expect(page.Locator("#agenda-list")).ToContainTextAsync(title);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
