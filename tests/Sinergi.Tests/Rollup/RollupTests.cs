using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Rollup;

public abstract class RollupTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task A_province_overseer_sees_every_region_of_the_province_side_by_side_and_those_not_using_sinergi_named()
    {
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.Province);
        var (regions, own) = await app.WithDbAsync(async db => (
            await db.Regions.Where(r => r.Code == Demo.Province || r.ProvinceCode == Demo.Province).Select(r => r.Code).ToListAsync(),
            await db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == Demo.Home).ToListAsync()));
        var inForce = own.Count(a => AgreementStatusRules.StatusOf(a, today, 90) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir);

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var page = await browser.GetAsync("/Rollup");

        var rows = page.QuerySelectorAll("#rollup tbody tr").ToList();
        Assert.Equal(regions.Order(StringComparer.Ordinal), rows.Select(r => r.GetAttribute("data-region")!));
        var home = rows.Single(r => r.GetAttribute("data-region") == Demo.Home);
        Assert.Equal(inForce.ToString(), home.Children[1].TextContent.Trim());
        Assert.Contains(rows, r => r.TextContent.Contains("belum memakai Sinergi"));
        Assert.DoesNotContain("belum memakai Sinergi", home.TextContent);
        Assert.Empty(page.QuerySelectorAll("main form[method=post]"));

        var sorted = await browser.GetAsync("/Rollup?sort=berlaku");
        Assert.Equal(Demo.Home, sorted.QuerySelector("#rollup tbody tr")!.GetAttribute("data-region"));
        var xlsx = await browser.Http.GetAsync("/Rollup?sort=berlaku&format=xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        var drill = await browser.GetAsync($"/Rollup/Region/{Demo.Home}");
        Assert.Equal(inForce.ToString(), drill.Text("#figure-in-force .figure-value"));
        Assert.Contains($"region={Demo.Home}", drill.QuerySelector("#figure-in-force")!.GetAttribute("href"));
        Assert.Empty(drill.QuerySelectorAll("main form[method=post]"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Http.GetAsync("/Rollup/Region/63.71")).StatusCode);
    }

    [Fact]
    public async Task A_region_admin_reaching_the_roll_up_gets_403_and_the_national_overseer_reads_every_region()
    {
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("/Rollup")).StatusCode);

        var national = new Browser(app);
        await national.LoginAsync(Demo.Accounts.NationalOverseer);
        var page = await national.GetAsync("/Rollup");
        var all = await app.WithDbAsync(db => db.Regions.CountAsync());
        Assert.Equal(all, page.QuerySelectorAll("#rollup tbody tr").Length);
    }

    [Fact]
    public async Task The_map_places_the_partner_region_with_a_ksdd_line_and_the_overseer_gets_shapes_of_their_regions()
    {
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var map = await admin.GetAsync("/Map");
        var data = JsonDocument.Parse(map.QuerySelector("#region-map-data")!.TextContent).RootElement;
        Assert.Contains(data.GetProperty("lines").EnumerateArray(), l => l.GetProperty("to").GetString()!.Contains("Pulang Pisau"));
        Assert.Contains("Pulang Pisau", map.Text("#region-map-table"));
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("/Map?handler=Shapes")).StatusCode);

        var province = new Browser(app);
        await province.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var choropleth = await province.GetAsync("/Map");
        Assert.Contains(choropleth.QuerySelectorAll("#choropleth-table tbody tr"), r => r.GetAttribute("data-code") == Demo.Home);
        var shapes = JsonDocument.Parse(await province.Http.GetStringAsync("/Map?handler=Shapes")).RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(shapes);
        Assert.All(shapes, s => Assert.StartsWith(Demo.Province + ".", s.GetProperty("properties").GetProperty("code").GetString()));

        var national = new Browser(app);
        await national.LoginAsync(Demo.Accounts.NationalOverseer);
        var provinces = JsonDocument.Parse(await national.Http.GetStringAsync("/Map?handler=Shapes")).RootElement.GetProperty("features").GetArrayLength();
        Assert.Equal(38, provinces);
    }
    [Fact]
    public async Task The_ksdd_network_draws_the_regions_bound_by_ksdd_in_force_with_a_table_of_the_same_edges()
    {
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.Province);
        var expected = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().Where(a => a.Kind == AgreementKind.Ksdd).WhereInForce(today)
            .CountAsync(a => (a.RegionCode == Demo.Home && a.Partners.Any(p => p.LinkedRegionCode == Demo.PartnerRegion))
                || (a.RegionCode == Demo.PartnerRegion && a.Partners.Any(p => p.LinkedRegionCode == Demo.Home))));
        Assert.NotEqual(0, expected);
        var (from, to) = string.CompareOrdinal(Demo.Home, Demo.PartnerRegion) < 0 ? (Demo.Home, Demo.PartnerRegion) : (Demo.PartnerRegion, Demo.Home);

        foreach (var account in new[] { Demo.Accounts.ProvinceOverseer, Demo.Accounts.NationalOverseer })
        {
            var browser = new Browser(app);
            await browser.LoginAsync(account);
            var page = await browser.GetAsync("/Rollup");
            var edge = page.QuerySelector($"#network-table tr[data-from='{from}'][data-to='{to}']")!;
            Assert.Equal(expected.ToString(), edge.Children[2].TextContent.Trim());
            Assert.NotNull(page.QuerySelector($"#network-graph circle[data-code='{Demo.Home}']"));
            Assert.Equal(page.QuerySelectorAll("#network-table tbody tr").Length, page.QuerySelectorAll("#network-graph line").Length);
        }
    }

    [Fact]
    public async Task The_ksdd_network_keeps_the_strongest_links_when_there_are_more_than_it_shows_and_counts_each_region_over_all()
    {
        using var cache = new Sinergi.Features.Agreements.Registry.RegistryCache();
        var all = await app.WithDbAsync(db => Sinergi.Features.Rollup.KsddNetwork.ReadAsync(db, cache, TimeProvider.System, "", maxShown: 10_000));
        var strongest = await app.WithDbAsync(db => Sinergi.Features.Rollup.KsddNetwork.ReadAsync(db, cache, TimeProvider.System, "", maxShown: 1));
        Assert.True(all.AllEdges >= 2, "the demo binds at least two pairs of regions by KSDD");
        Assert.Equal(all.Edges.Count, all.AllEdges);
        Assert.Equal(all.AllEdges, strongest.AllEdges);
        var edge = Assert.Single(strongest.Edges);
        Assert.Equal(all.Edges.Max(e => e.Agreements), edge.Agreements);
        Assert.Equal(new[] { edge.From, edge.To }.Order(), strongest.Nodes.Select(n => n.Code).Order());
        Assert.All(strongest.Nodes, n => Assert.Equal(all.Node(n.Code).Agreements, n.Agreements));
    }

    [Fact]
    public async Task The_province_gets_a_consolidated_report_of_all_its_regions_as_pdf_and_xlsx_with_the_roll_up_figures()
    {
        var overseer = new Browser(app);
        await overseer.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var rollup = await overseer.GetAsync("/Rollup");
        Assert.Equal("/Rollup/Report", rollup.QuerySelector("#rollup-report")!.GetAttribute("href"));
        var home = rollup.QuerySelector($"#rollup tbody tr[data-region='{Demo.Home}']")!;
        var regions = rollup.QuerySelectorAll("#rollup tbody tr").Length;

        var pdf = await overseer.Http.GetAsync("/Rollup/Report?format=pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Sinergi.Tests.Reports.PdfText.Read(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Contains(text.Lines, l => l.Contains("Palangka", StringComparison.Ordinal)
            && l.Contains($" {home.Children[1].TextContent.Trim()} {home.Children[2].TextContent.Trim()} ", StringComparison.Ordinal));
        Assert.Contains("belummemakaiSinergi", text.Squashed);

        var xlsx = await overseer.Http.GetAsync("/Rollup/Report?format=xlsx");
        var rows = MiniExcelLibs.MiniExcel.Query(await xlsx.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(regions + 1, rows.Count);
        var homeRow = rows.Single(r => r["Kode"]?.ToString() == Demo.Home);
        Assert.Equal(home.Children[1].TextContent.Trim(), Convert.ToInt32(homeRow["Masih berlaku"]).ToString());
        Assert.Equal(rows.Take(regions).Sum(r => Convert.ToInt32(r["Masih berlaku"])), Convert.ToInt32(rows[^1]["Masih berlaku"]));

        var provinceAdmin = new Browser(app);
        await provinceAdmin.LoginAsync(Demo.Accounts.ProvinceAdmin);
        Assert.Equal(HttpStatusCode.OK, (await provinceAdmin.Http.GetAsync("/Rollup/Report?format=pdf")).StatusCode);
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.Http.GetAsync("/Rollup/Report?format=pdf")).StatusCode);
    }
}

public sealed class RollupTestsOnSqlite(SqliteApp app) : RollupTests<SqliteApp>(app);

public sealed class RollupTestsOnPostgres(PostgresApp app) : RollupTests<PostgresApp>(app);
