using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Home;

/// <summary>Beranda's distribution of the agreements in force by impact score band, and the registry list each band opens.</summary>
public abstract class ImpactBandTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task Each_band_counts_the_agreements_in_force_the_registry_list_it_links_to_shows()
    {
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.Home);
        // Counted apart from the dashboard: the agreements in force the home region sees, each with the score its own page shows.
        var inForce = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
            .Where(a => a.RegionCode == Demo.Home || db.AgreementShares.Any(s => s.AgreementId == a.Id && s.RegionCode == Demo.Home)).ToListAsync());
        var ids = inForce.Where(a => AgreementStatusRules.StatusOf(a, today, 90) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir).Select(a => a.Id).ToList();
        var scores = await app.WithDbAsync(db => ImpactScores.ForAsync(db, TimeProvider.System, ids));
        int Expected(ImpactBand band) => ids.Count(id => ImpactBands.Of(scores.GetValueOrDefault(id)?.Impact.Score) == band);
        Assert.True(Expected(ImpactBand.Tinggi) + Expected(ImpactBand.Sedang) + Expected(ImpactBand.Rendah) > 0, "the demo has evaluated agreements");

        var browser = new Browser(app);
        var home = await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var rows = home.QuerySelectorAll("#chart-impact tbody tr").ToList();
        Assert.Equal(new[] { "Tinggi (≥ 70)", "Sedang (40–69)", "Rendah (< 40)", "Belum dinilai" }, rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Equal(ids.Count, rows.Sum(r => int.Parse(r.GetAttribute("data-count")!)));
        foreach (var band in Enum.GetValues<ImpactBand>())
        {
            var row = home.QuerySelector($"#chart-impact tr[data-href*='dampak={ImpactBands.Slug(band)}']")!;
            Assert.Equal(Expected(band).ToString(), row.GetAttribute("data-count"));
            var list = await browser.GetAsync(row.GetAttribute("data-href")!);
            Assert.StartsWith($"{Sinergi.Web.Indonesian.Number(Expected(band))} kerja sama", list.Text("#result-summary"));
            Assert.Equal(ImpactBands.Slug(band), list.QuerySelector("#dampak option[selected]")!.GetAttribute("value"));
            // Every row of the first page shows a score in the band.
            foreach (var score in list.QuerySelectorAll(".impact-score").Select(s => s.TextContent.Replace("Skor", "").Trim()))
                Assert.Equal(band, ImpactBands.Of(int.TryParse(score, out var n) ? n : null));
            // The list's download holds the same agreements, not the whole registry.
            var link = list.QuerySelector("#export-xlsx")!.GetAttribute("href")!;
            Assert.Contains($"dampak={ImpactBands.Slug(band)}", link);
            var workbook = await browser.Http.GetByteArrayAsync(link);
            var exported = Sinergi.Features.Import.SpreadsheetReader.Read("x.xlsx", new MemoryStream(workbook), 10_000_000).Sheets[0].Rows.Skip(1).ToList();
            Assert.Equal(Expected(band), exported.Count);
        }

        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Pimpinan));
        var figures = await api.GetFromJsonAsync<JsonElement>("/api/v1/dashboard");
        var bands = figures.GetProperty("byImpact").EnumerateArray().ToList();
        Assert.Equal(4, bands.Count);
        Assert.Equal(Expected(ImpactBand.Tinggi), bands[0].GetProperty("count").GetInt32());
        Assert.Contains("dampak=tinggi", bands[0].GetProperty("link").GetString());

        // The API's list and export take the same words, and name a wrong one.
        foreach (var band in Enum.GetValues<ImpactBand>())
        {
            var page = await api.GetFromJsonAsync<JsonElement>($"/api/v1/agreements?dampak={ImpactBands.Slug(band)}&pageSize=200");
            Assert.Equal(Expected(band), page.GetProperty("total").GetInt32());
            Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Contains(item.GetProperty("id").GetInt32(), ids));
        }
        var sheet = await api.GetByteArrayAsync($"/api/v1/agreements/export?dampak={ImpactBands.Slug(ImpactBand.Tinggi)}");
        Assert.Equal(Expected(ImpactBand.Tinggi) + 1, Sinergi.Features.Import.SpreadsheetReader.Read("x.xlsx", new MemoryStream(sheet), 10_000_000).Sheets[0].Rows.Count);
        var wrong = await api.GetAsync("/api/v1/agreements?dampak=luar-biasa&flag=semua");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, wrong.StatusCode);
        var problems = (await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("tinggi", problems.GetProperty("dampak")[0].GetString());
        Assert.Contains("formalitas", problems.GetProperty("flag")[0].GetString());
    }
}

public sealed class ImpactBandTestsOnSqlite(SqliteApp app) : ImpactBandTests<SqliteApp>(app);

public sealed class ImpactBandTestsOnPostgres(PostgresApp app) : ImpactBandTests<PostgresApp>(app);
