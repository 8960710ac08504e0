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
    [Fact]
    public async Task Report_with_evidence_then_lokus_review_then_evaluation_close_the_period_on_the_agreement()
    {
        // The agreement's impact score before the period is closed, on its page and in the registry list.
        var (before, beforeErrors) = await session.SignedInAsync(Demo.Accounts.Admin);
        await before.GotoAsync("/Agreements?q=stunting");
        var listScore = before.Locator("tr", new() { Has = before.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }) }).First.Locator(".impact-score");
        var listScoreBefore = await listScore.TextContentAsync();
        await before.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }).First.ClickAsync();
        var scoreBefore = await before.Locator("#impact-score").TextContentAsync();
        // The evaluation gives a rating other than the latest one, so the score must move.
        var latestBasis = await before.Locator("#impact-parts tbody tr").First.TextContentAsync() ?? "";
        var rating = latestBasis.Contains("nilai 5 dari 5", StringComparison.Ordinal) ? 2 : 5;

        var (opd, errors) = await session.SignedInAsync(Demo.Accounts.DinkesOperator);
        await opd.GotoAsync("/Agreements?q=stunting");
        await opd.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }).First.ClickAsync();
        // The running semester: newest first in the agreement's monev part.
        await opd.Locator("#monev-periods tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
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

        var (tkksd, tkksdErrors) = await session.SignedInAsync(Demo.Accounts.Tkksd);
        await tkksd.GotoAsync(reportUrl);
        await tkksd.GetByRole(AriaRole.Link, new() { Name = "Telaah TKKSD (lokus)" }).ClickAsync();
        await tkksd.Locator("#answer-kepatuhan-sesuai").CheckAsync();
        await tkksd.Locator("#answer-koordinasi-baik").CheckAsync();
        await tkksd.Locator("#answer-anggaran-sesuai").CheckAsync();
        await tkksd.GetByLabel("Temuan").FillAsync("Pendampingan berjalan sesuai PKS");
        await tkksd.Locator("#recommendation-lanjutkan").CheckAsync();
        await tkksd.GetByRole(AriaRole.Button, new() { Name = "Kirim", Exact = true }).ClickAsync();
        await Expect(tkksd.Locator("#judgements")).ToContainTextAsync("rekomendasi lanjutkan");

        var (admin, adminErrors) = await session.SignedInAsync(Demo.Accounts.Admin);
        await admin.GotoAsync(reportUrl);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Evaluasi Admin Kerja Sama" }).ClickAsync();
        foreach (var criterion in await admin.Locator("fieldset.criterion").AllAsync())
            await criterion.Locator("input[type=radio]").First.CheckAsync();
        await admin.Locator($"#rating-{rating}").CheckAsync();
        await admin.Locator("#recommendation-perluas").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Kirim", Exact = true }).ClickAsync();
        await Expect(admin.Locator("#judgements")).ToContainTextAsync($"penilaian {rating} dari 5");

        await admin.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }).First.ClickAsync();
        await Expect(admin.Locator("#monev-periods tbody tr").First.Locator(".period-state")).ToHaveTextAsync("Selesai");
        await Expect(admin.Locator("#impact-parts tbody tr").First).ToContainTextAsync($"nilai {rating} dari 5");
        Assert.NotEqual(scoreBefore, await admin.Locator("#impact-score").TextContentAsync());
        await Expect(admin.Locator("#header-impact")).ToContainTextAsync(await admin.Locator("#impact-score").TextContentAsync() ?? "");
        await admin.GotoAsync("/Agreements?q=stunting");
        var listScoreAfter = admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }) }).First.Locator(".impact-score");
        Assert.NotEqual(listScoreBefore, await listScoreAfter.TextContentAsync());
        await admin.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }).First.ClickAsync();
        await admin.Locator("#monev").ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "agreement-monev-desktop.png") });
        await admin.GotoAsync("/Evaluations");
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "monev-desktop.png"), FullPage = true });
        Assert.True(errors.Count + tkksdErrors.Count + adminErrors.Count + beforeErrors.Count == 0,
            string.Join("\n", errors.Concat(tkksdErrors).Concat(adminErrors).Concat(beforeErrors)));
    }

    [Fact]
    public async Task The_formalitas_flag_shows_with_its_reason_on_the_page_and_in_the_list_and_goes_once_a_realisation_is_recorded()
    {
        var (admin, errors) = await session.SignedInAsync(Demo.Accounts.Admin);
        await admin.GotoAsync("/Agreements");
        await admin.Locator("#flag").SelectOptionAsync("formalitas");
        var row = admin.Locator("tr", new() { Has = admin.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Formalitas }) });
        await Expect(row.Locator(".formalitas-flag")).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Formalitas }).ClickAsync();
        await Expect(admin.Locator("#formalitas-flag")).ToContainTextAsync("tanpa realisasi indikator");
        await Expect(admin.Locator("#header-formalitas")).ToBeVisibleAsync();
        var detailsUrl = admin.Url;

        await admin.Locator("#manage-indicators").ClickAsync();
        await admin.GetByLabel("Yang diukur").FillAsync("Kelurahan bersinar");
        await admin.GetByLabel("Satuan").FillAsync("kelurahan");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Tambah" }).ClickAsync();
        await admin.Locator("#record-form").GetByLabel("Target").FillAsync("5");
        await admin.Locator("#record-form").GetByLabel("Realisasi").FillAsync("2");
        await admin.Locator("#record-form").GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Expect(admin.Locator(".indicator-table")).ToContainTextAsync("Belum tercapai");

        await admin.GotoAsync(detailsUrl);
        await Expect(admin.Locator("#impact-score")).ToBeVisibleAsync();
        await Expect(admin.Locator("#formalitas-flag")).ToHaveCountAsync(0);
        await admin.GotoAsync("/Agreements?flag=formalitas");
        await Expect(admin.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Formalitas })).ToHaveCountAsync(0);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task The_monev_section_and_the_agreements_monev_part_fit_a_phone()
    {
        var (page, errors) = await session.SignedInAsync(Demo.Accounts.Pimpinan, BrowserSession.Phone);
        await page.GotoAsync("/Evaluations");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "/Evaluations runs off the edge");
        Assert.Equal("block", await page.Locator("#due-table tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "monev-phone.png"), FullPage = true });

        await page.Locator("#due-table tbody tr").First.GetByRole(AriaRole.Link).First.ClickAsync();
        await page.GetByRole(AriaRole.Link).Filter(new() { HasText = "Kerja Sama" }).Last.IsVisibleAsync();
        await page.GotoAsync("/Agreements?q=stunting");
        await page.GetByRole(AriaRole.Link, new() { Name = Demo.Agreements.Stunting }).First.ClickAsync();
        await page.Locator("#monev").ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.Screenshots, "agreement-monev-phone.png") });
        // Nothing on the agreement's page runs off a 390 px screen: not the monev part, the urusan badges or the history table.
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "the agreement page runs off the edge");
        var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('#monev *')].filter(e => !e.closest('thead') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' | ')");
        Assert.True(wide.Length == 0, "the monev part runs off the edge: " + wide);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
