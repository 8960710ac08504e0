using Microsoft.Playwright;
using Sinergi.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Sinergi.BrowserTests;

/// <summary>
/// Monev in Chromium: the OPD files its report with an evidence PDF, the TKKSD lokus member reviews
/// it, the admin evaluates it with a rating, and the agreement's page shows the period closed. The
/// Monev section and the agreement's monev part are photographed at desktop and phone width.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MonevTests(BrowserSession session)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private async Task<(IPage Page, List<string> Errors)> AsAsync(string email, ViewportSize? viewport = null)
    {
        var (page, errors) = await session.NewPageAsync(viewport);
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(BrowserSession.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
        return (page, errors);
    }

    private static string Shots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    [Fact]
    public async Task Report_with_evidence_then_lokus_review_then_evaluation_close_the_period_on_the_agreement()
    {
        var (opd, errors) = await AsAsync(Demo.Accounts.DinkesOperator);
        await opd.GotoAsync("/Agreements?q=stunting");
        await opd.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }).First.ClickAsync();
        // The running semester: newest first in the agreement's monev part.
        await opd.Locator("#monev-periods tbody tr").First.GetByRole(AriaRole.Link).ClickAsync();
        var reportUrl = opd.Url;

        await opd.Locator("#evidence-file").SetInputFilesAsync(new FilePayload
        {
            Name = "daftar-hadir.pdf", MimeType = "application/pdf", Buffer = MinimalPdf.WithLines("DAFTAR HADIR", "Pendampingan keluarga berisiko stunting"),
        });
        await opd.GetByRole(AriaRole.Button, new() { Name = "Unggah bukti", Exact = true }).ClickAsync();
        await Expect(opd.Locator(".evidence")).ToContainTextAsync("daftar-hadir.pdf");

        var today = DateTime.Today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture);
        await opd.Locator("#Input_Activities_0__Date").FillAsync(today);
        await opd.Locator("#Input_Activities_0__Description").FillAsync("Pendampingan keluarga berisiko stunting oleh mahasiswa KKN");
        await opd.GetByLabel("Kemajuan (%)").FillAsync("65");
        await opd.GetByLabel("Keluaran (output)").FillAsync("120 keluarga didampingi di 10 kelurahan");
        await opd.GetByLabel("Realisasi terhadap rencana").FillAsync("10 dari 30 kelurahan");
        await opd.GetByLabel("Pemanfaatan hasil").FillAsync("Data keluarga berisiko masuk ke sistem gizi Dinkes");
        await opd.GetByLabel("Keberlanjutan").FillAsync("Dilanjutkan angkatan KKN berikutnya");
        await opd.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await Expect(opd.GetByRole(AriaRole.Status)).ToContainTextAsync("dikirim");
        await Expect(opd.Locator("#submitted-report .evidence")).ToContainTextAsync("daftar-hadir.pdf");

        var (tkksd, tkksdErrors) = await AsAsync(Demo.Accounts.Tkksd);
        await tkksd.GotoAsync(reportUrl);
        await tkksd.GetByRole(AriaRole.Link, new() { Name = "Telaah TKKSD (lokus)" }).ClickAsync();
        await tkksd.Locator("#answer-kepatuhan-sesuai").CheckAsync();
        await tkksd.Locator("#answer-koordinasi-baik").CheckAsync();
        await tkksd.Locator("#answer-anggaran-sesuai").CheckAsync();
        await tkksd.GetByLabel("Temuan").FillAsync("Pendampingan berjalan sesuai PKS");
        await tkksd.Locator("#recommendation-lanjutkan").CheckAsync();
        await tkksd.GetByRole(AriaRole.Button, new() { Name = "Kirim", Exact = true }).ClickAsync();
        await Expect(tkksd.Locator("#judgements")).ToContainTextAsync("rekomendasi lanjutkan");

        var (admin, adminErrors) = await AsAsync(Demo.Accounts.Admin);
        await admin.GotoAsync(reportUrl);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Evaluasi Admin Kerja Sama" }).ClickAsync();
        foreach (var criterion in await admin.Locator("fieldset.criterion").AllAsync())
            await criterion.Locator("input[type=radio]").First.CheckAsync();
        await admin.Locator("#rating-4").CheckAsync();
        await admin.Locator("#recommendation-perluas").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Kirim", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#judgements")).ToContainTextAsync("penilaian 4 dari 5");

        await admin.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }).First.ClickAsync();
        await Expect(admin.Locator("#monev-periods tbody tr").First.Locator(".period-state")).ToHaveTextAsync("Selesai");
        await admin.Locator("#monev").ScreenshotAsync(new() { Path = Path.Combine(Shots, "agreement-monev-desktop.png") });
        await admin.GotoAsync("/Evaluations");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(Shots, "monev-desktop.png"), FullPage = true });
        Assert.True(errors.Count + tkksdErrors.Count + adminErrors.Count == 0, string.Join("\n", errors.Concat(tkksdErrors).Concat(adminErrors)));
    }

    [Fact]
    public async Task The_monev_section_and_the_agreements_monev_part_fit_a_phone()
    {
        var (page, errors) = await AsAsync(Demo.Accounts.Pimpinan, Phone);
        await page.GotoAsync("/Evaluations");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "/Evaluations runs off the edge");
        Assert.Equal("block", await page.Locator("#due-table tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "monev-phone.png"), FullPage = true });

        await page.Locator("#due-table tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Kerja Sama" }).Last.IsVisibleAsync();
        await page.GotoAsync("/Agreements?q=stunting");
        await page.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }).First.ClickAsync();
        await page.Locator("#monev").ScreenshotAsync(new() { Path = Path.Combine(Shots, "agreement-monev-phone.png") });
        // The monev part itself stays inside the screen (the page's long urusan badges and history table are another matter).
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('#monev *')].filter(e => !e.closest('thead') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' | ')");
        Assert.True(wide.Length == 0, "the monev part runs off the edge: " + wide);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
