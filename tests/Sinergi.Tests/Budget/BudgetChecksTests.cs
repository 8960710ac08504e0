using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Budget;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Budget;

public abstract class BudgetChecksTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static readonly DateOnly Today = RegionClock.Today(TimeProvider.System, Demo.Home);

    private async Task<List<string>> ListedAsync(Browser browser, string check, int? year = null)
    {
        var page = await browser.GetAsync($"/Budget?check={check}" + (year is null ? "" : $"&year={year}"));
        Assert.True(browser.Last!.IsSuccessStatusCode, $"{browser.Last.StatusCode}: {page.Text("main")}");
        return page.QuerySelectorAll("#check-table .check-row td:first-child a").Select(a => a.TextContent.Trim()).ToList();
    }

    [Fact]
    public async Task Belum_terintegrasi_lists_costed_agreements_in_force_this_year_without_a_line_for_it()
    {
        var expected = await app.WithDbAsync(async db =>
        {
            var withLine = await db.BudgetLines.Where(l => l.FiscalYear == Today.Year).Select(l => l.AgreementId).ToListAsync();
            var inForce = await db.Agreements.Where(a => a.RegionCode == Demo.Home).InForceIn(Today.Year).ToListAsync();
            return inForce.Where(a => a.Funding != FundingSource.TanpaBiaya && !withLine.Contains(a.Id)).Select(a => a.Title).Order().ToList();
        });
        Assert.Contains(Demo.Agreements.NoBudget, expected);
        Assert.Contains(Demo.Agreements.NoBudgetToo, expected);
        Assert.DoesNotContain(Demo.Agreements.Budgeted, expected);

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        Assert.Equal(expected, (await ListedAsync(browser, "belum-terintegrasi")).Order().ToList());
        var page = await browser.GetAsync("/Budget");
        Assert.Equal(expected.Count.ToString(), page.QuerySelector("[data-check='belum-terintegrasi'] .check-count")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_kept_lists_and_counts_follow_a_line_added_and_deleted()
    {
        // The checks are kept per registry version: a line's save must raise it, or the page would
        // keep showing the agreement as not integrated after the OPD added its line.
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var before = await ListedAsync(browser, "belum-terintegrasi");
        Assert.Contains(Demo.Agreements.NoBudget, before);
        var (id, disbudpar) = await app.WithDbAsync(async db => (
            await db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Title == Demo.Agreements.NoBudget).Select(a => a.Id).SingleAsync(),
            await db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Disbudpar).Select(o => o.Id).SingleAsync()));
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        async Task<int> ApiCount() => (await client.GetFromJsonAsync<JsonElement>("/api/v1/budget/checks")).GetProperty("counts").GetProperty("belum-terintegrasi").GetInt32();
        Assert.Equal(before.Count, await ApiCount());
        var created = await client.PostAsJsonAsync($"/api/v1/agreements/{id}/budget-lines", new
        {
            fiscalYear = Today.Year, source = "Apbd", opdId = disbudpar, programCode = "3.26.02", kegiatanCode = "3.26.02.2.01",
            document = "RenjaOpd", documentNumber = "Renja/2026", planned = 420_000_000, realised = 0,
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var lineId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        try
        {
            var after = await ListedAsync(browser, "belum-terintegrasi");
            Assert.DoesNotContain(Demo.Agreements.NoBudget, after);
            Assert.Equal(before.Count - 1, after.Count);
            var page = await browser.GetAsync("/Budget");
            Assert.Equal((before.Count - 1).ToString(), page.QuerySelector("[data-check='belum-terintegrasi'] .check-count")!.TextContent.Trim());
            Assert.Equal(before.Count - 1, await ApiCount());
        }
        finally
        {
            var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/budget-lines/{lineId}");
            delete.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);
        }
        Assert.Equal(before.Order(), (await ListedAsync(browser, "belum-terintegrasi")).Order());
        Assert.Equal(before.Count, await ApiCount());
    }

    [Fact]
    public async Task Apbd_funding_without_an_apbd_line_is_listed_even_when_the_partner_has_one()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Tkksd);
        var listed = await ListedAsync(browser, "apbd-tanpa-anggaran");
        Assert.Contains(Demo.Agreements.PartnerLineOnly, listed);
        Assert.Contains(Demo.Agreements.NoBudget, listed);
        Assert.DoesNotContain(Demo.Agreements.Budgeted, listed);
        Assert.DoesNotContain(Demo.Agreements.PartnerLineOnly, await ListedAsync(browser, "belum-terintegrasi"));
    }

    [Fact]
    public async Task An_agreement_needing_dprd_approval_without_one_recorded_is_listed()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var listed = await ListedAsync(browser, "tanpa-persetujuan-dprd");
        Assert.Equal([Demo.Agreements.DprdPending], listed);
    }

    [Fact]
    public async Task Low_realisation_judges_the_last_ended_year_against_the_regions_share()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var page = await browser.GetAsync("/Budget?check=realisasi-rendah");
        Assert.Contains($"akhir tahun {Today.Year - 1} di bawah 80%", page.Text("#check-explanation"));
        Assert.Equal([Demo.Agreements.LowRealisation], await ListedAsync(browser, "realisasi-rendah"));

        var settings = await browser.GetAsync("/Settings/Registry");
        await browser.FollowAsync(await browser.SubmitAsync(settings, "main form", [new("MinRealisationPercent", "95")]));
        var below95 = await ListedAsync(browser, "realisasi-rendah");
        Assert.Contains(Demo.Agreements.LowRealisation, below95);
        Assert.True(below95.Count > 1, "the demo's other lines of last year are realised at 92%");
        await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Settings/Registry"), "main form", [new("MinRealisationPercent", "50")]));
        Assert.Empty(await ListedAsync(browser, "realisasi-rendah"));
        await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Settings/Registry"), "main form", [new("MinRealisationPercent", "80")]));
    }

    [Fact]
    public async Task The_api_counts_and_lists_what_the_page_shows()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        var counts = (await client.GetFromJsonAsync<JsonElement>("/api/v1/budget/checks")).GetProperty("counts");
        foreach (var check in Enum.GetValues<BudgetCheck>())
        {
            var slug = BudgetChecks.Slug(check);
            var listed = await ListedAsync(browser, slug);
            Assert.Equal(listed.Count, counts.GetProperty(slug).GetInt32());
            var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/budget/checks/{slug}");
            Assert.Equal(listed.Order(), api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).Order());
        }
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/budget/checks/semua")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/budget/checks?region=62.11")).StatusCode);
    }

    [Fact]
    public async Task The_period_report_totals_the_years_budget_by_source_opd_and_urusan()
    {
        var lines = await app.WithDbAsync(db => db.BudgetLines.Where(l => l.RegionCode == Demo.Home && l.FiscalYear == Today.Year).ToListAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var report = await browser.GetAsync($"/Reports/Period?year={Today.Year}&period=tahun");
        Assert.Contains($"Anggaran kerja sama tahun {Today.Year}", report.Text("#budget-heading"));
        var apbd = lines.Where(l => l.Source == BudgetSource.Apbd).ToList();
        Assert.Equal(Sinergi.Web.Indonesian.Rupiah(apbd.Sum(l => l.Planned)), report.Text("#budget-by-source tr[data-key='APBD'] .planned"));
        Assert.Equal(Sinergi.Web.Indonesian.Rupiah(lines.Sum(l => l.Planned)), report.Text("#budget-by-opd tfoot td:nth-child(3)"));
        Assert.Equal(Sinergi.Web.Indonesian.Rupiah(apbd.Where(l => l.ProgramCode!.StartsWith("1.02.")).Sum(l => l.Planned)),
            report.Text("#budget-by-urusan tr[data-key='1.02'] .planned"));
    }
}

public sealed class BudgetChecksTestsOnSqlite(SqliteApp app) : BudgetChecksTests<SqliteApp>(app);

public sealed class BudgetChecksTestsOnPostgres(PostgresApp app) : BudgetChecksTests<PostgresApp>(app);
