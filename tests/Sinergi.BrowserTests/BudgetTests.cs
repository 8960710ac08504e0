using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class BudgetTests(BrowserSession session)
{
    [Fact]
    public async Task Admin_sees_an_agreement_without_budget_the_opd_adds_its_line_and_it_leaves_the_list()
    {
        var (admin, adminErrors) = await session.NewPageAsync();
        await BrowserSession.SignInAsync(admin, Demo.Accounts.Admin);
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "Anggaran" }).ClickAsync();
        var list = admin.Locator("#check-table");
        await Expect(list).ToContainTextAsync(Demo.Agreements.NoBudget);
        var before = int.Parse(await admin.Locator("[data-check='belum-terintegrasi'] .check-count").InnerTextAsync());

        var (opd, opdErrors) = await session.NewPageAsync();
        await BrowserSession.SignInAsync(opd, Demo.Accounts.DisbudparOperator);
        await opd.GotoAsync("/Budget");
        var row = opd.Locator(".check-row", new() { HasText = Demo.Agreements.NoBudget });
        await row.GetByRole(AriaRole.Link, new() { Name = "Tambah anggaran" }).ClickAsync();
        await opd.GetByLabel("Sumber anggaran").SelectOptionAsync(new SelectOptionValue { Label = "APBD" });
        await opd.GetByLabel("Program", new() { Exact = true }).FillAsync("3.26.02");
        await opd.GetByLabel("Kegiatan", new() { Exact = true }).FillAsync("3.26.03.2.01");
        await opd.GetByLabel("Pagu rencana (Rp)").FillAsync("420.000.000");
        await opd.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        // A kegiatan outside its program is refused in place, and nothing was lost.
        await Expect(opd.Locator("#error-summary")).ToContainTextAsync("tidak berada di bawah program 3.26.02");
        await Expect(opd.GetByLabel("Pagu rencana (Rp)")).ToHaveValueAsync("420000000");
        await opd.GetByLabel("Kegiatan", new() { Exact = true }).FillAsync("3.26.02.2.01");
        await opd.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(opd.GetByRole(AriaRole.Status)).ToContainTextAsync("ditambahkan");
        await Expect(opd.Locator("#budget-years")).ToContainTextAsync("Rp420.000.000");

        await admin.ReloadAsync();
        await Expect(admin.Locator("main")).Not.ToContainTextAsync(Demo.Agreements.NoBudget);
        await Expect(admin.Locator("[data-check='belum-terintegrasi'] .check-count")).ToHaveTextAsync((before - 1).ToString());
        Assert.True(adminErrors.Count == 0, string.Join("\n", adminErrors));
        Assert.True(opdErrors.Count == 0, string.Join("\n", opdErrors));
    }
}
