using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Potentials;
using Sinergi.Tests.Proposals;
using Sinergi.Tests.Testing;
using Sinergi.Web;

namespace Sinergi.Tests.Potentials;

/// <summary>
/// The potentials list, the ranked list and the province's view show a page at a time with an
/// Indonesian pager whose links keep the filters; the map still shows every potential.
/// A fixture of its own: the region gets more potentials than a page.
/// </summary>
public abstract class PotentialPagingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Prefix = "Wisata Halaman";
    private const int Many = PotentialQueries.PageSize + 7;

    private async Task EnsureManyAsync()
    {
        var opd = await ProposalSteps.OpdAsync(app, Demo.Opds.Disbudpar);
        await app.WithDbAsync(async db =>
        {
            if (await db.Potentials.AnyAsync(p => p.Name.StartsWith(Prefix)))
                return 0;
            for (var i = 1; i <= Many; i++)
                db.Potentials.Add(new Potential
                {
                    RegionCode = Demo.Home, Name = $"{Prefix} {i:00}", Sector = "Pariwisata", UrusanCode = "3.26", OpdId = opd, State = PotentialState.Teridentifikasi,
                    // One in three known only by its kecamatan: its marker sits at the region's centre.
                    Latitude = i % 3 == 0 ? null : -2.2 + i * 0.001, Longitude = i % 3 == 0 ? null : 113.9, Kecamatan = i % 3 == 0 ? "Jekan Raya" : null,
                    CreatedByName = "Uji",
                });
            return await db.SaveChangesAsync();
        });
    }

    private static List<string> Names(AngleSharp.Dom.IDocument page, string table) =>
        [.. page.QuerySelectorAll($"{table} tbody tr td[data-title] a").Select(a => a.TextContent.Trim())];

    [Fact]
    public async Task Page_two_of_the_list_shows_the_rest_with_the_filters_kept_and_the_map_keeps_every_potential()
    {
        await EnsureManyAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var first = await browser.GetAsync($"/Potentials?q={Uri.EscapeDataString(Prefix)}&urusan=3.26");
        var onFirst = Names(first, "#potential-table");
        Assert.Equal(PotentialQueries.PageSize, onFirst.Count);
        Assert.Equal(Indonesian.Number(Many), first.Text("#potential-count"));
        Assert.Contains("Halaman 1 dari 2", first.Text("#potential-pages"));
        var next = first.QuerySelector<AngleSharp.Html.Dom.IHtmlAnchorElement>("#potential-pages a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("urusan=3.26", next);
        Assert.Contains("q=Wisata", next);
        Assert.Contains("p=2", next);
        // The map shows all of them, not just the page.
        var markers = JsonDocument.Parse(first.QuerySelector("#potential-map-data")!.TextContent).RootElement;
        Assert.Equal(Many, markers.GetArrayLength());

        var second = await browser.GetAsync(next);
        var onSecond = Names(second, "#potential-table");
        Assert.Equal(Many - PotentialQueries.PageSize, onSecond.Count);
        Assert.Contains("Halaman 2 dari 2", second.Text("#potential-pages"));
        Assert.Equal("3.26", second.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#urusan")!.Value);
        // Together the two pages are the whole list, each potential once.
        Assert.Equal(Enumerable.Range(1, Many).Select(i => $"{Prefix} {i:00}"), onFirst.Concat(onSecond).Order(StringComparer.Ordinal));
        // A page past the end shows the last one, not an empty list.
        Assert.Equal(onSecond, Names(await browser.GetAsync($"/Potentials?q={Uri.EscapeDataString(Prefix)}&p=99"), "#potential-table"));
    }

    [Fact]
    public async Task The_ranked_list_shows_a_page_at_a_time_and_ranks_on_across_pages()
    {
        await EnsureManyAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var first = await browser.GetAsync("/Potentials/Ranking");
        var total = await app.WithDbAsync(db => db.Potentials.CountAsync(p => p.RegionCode == Demo.Home));
        Assert.Equal(PotentialQueries.PageSize, first.QuerySelectorAll("#ranking-table tbody tr").Length);
        Assert.Contains(Demo.Potentials.Best, first.QuerySelectorAll("#ranking-table tbody tr").First().TextContent);
        Assert.Contains($"Halaman 1 dari {(total + PotentialQueries.PageSize - 1) / PotentialQueries.PageSize}", first.Text("#ranking-pages"));
        var second = await browser.GetAsync("/Potentials/Ranking?p=2");
        var rows = second.QuerySelectorAll("#ranking-table tbody tr");
        Assert.Equal(Math.Min(PotentialQueries.PageSize, total - PotentialQueries.PageSize), rows.Length);
        Assert.DoesNotContain(Demo.Potentials.Best, second.Text("#ranking-table"));
        Assert.Equal(Names(first, "#ranking-table").Concat(Names(second, "#ranking-table")).Distinct().Count(),
            Names(first, "#ranking-table").Count + Names(second, "#ranking-table").Count);
    }

    [Fact]
    public async Task The_province_view_pages_its_kab_kota_list_and_keeps_the_region_filter()
    {
        await EnsureManyAsync();
        var overseer = new Browser(app);
        await overseer.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var first = await overseer.GetAsync($"/Potentials?region={Demo.Home}");
        Assert.Equal(PotentialQueries.PageSize, Names(first, "#potential-table").Count);
        var next = first.QuerySelector("#potential-pages a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains($"region={Demo.Home}", next);
        var second = await overseer.GetAsync(next);
        Assert.NotEmpty(Names(second, "#potential-table"));
        Assert.Empty(Names(first, "#potential-table").Intersect(Names(second, "#potential-table")));
        Assert.DoesNotContain(Demo.Potentials.PulangPisau, first.Text("#potential-table") + second.Text("#potential-table"));
    }

    [Fact]
    public async Task A_change_to_a_kab_kota_potential_shows_at_once_in_the_province_list_and_map_read_before_it()
    {
        await EnsureManyAsync();
        var overseer = new Browser(app);
        await overseer.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var url = $"/Potentials?region={Demo.Home}&q={Uri.EscapeDataString(Prefix + " 01")}";
        // Read twice: the second answer comes from what the first kept.
        await overseer.GetAsync(url);
        var before = await overseer.GetAsync(url);
        Assert.Contains($"{Prefix} 01", before.Text("#potential-table"));

        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var id = await app.WithDbAsync(db => db.Potentials.Where(p => p.Name.StartsWith(Prefix + " 01")).Select(p => p.Id).SingleAsync());
        var current = await (await admin.GetAsync($"/api/v1/potentials/{id}")).Content.ReadFromJsonAsync<JsonElement>();
        var opd = await ProposalSteps.OpdAsync(app, Demo.Opds.Disbudpar);
        var saved = await admin.PutAsJsonAsync($"/api/v1/potentials/{id}", new
        {
            name = $"{Prefix} 01 Danau Tahai", sector = "Pariwisata", urusan = "3.26", latitude = -2.199, longitude = 113.9, opdId = opd,
            state = "Ditawarkan", version = current.GetProperty("version").GetInt32(),
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);

        var after = await overseer.GetAsync(url);
        Assert.Contains($"{Prefix} 01 Danau Tahai", after.Text("#potential-table"));
        Assert.Contains("Ditawarkan", after.Text("#potential-table"));
        var markers = JsonDocument.Parse(after.QuerySelector("#potential-map-data")!.TextContent).RootElement;
        Assert.Contains(markers.EnumerateArray(), m => m.GetProperty("name").GetString() == $"{Prefix} 01 Danau Tahai");
    }
}

public sealed class PotentialPagingTestsOnSqlite(SqliteApp app) : PotentialPagingTests<SqliteApp>(app);

public sealed class PotentialPagingTestsOnPostgres(PostgresApp app) : PotentialPagingTests<PostgresApp>(app);
