using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Partners;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Home;

public abstract class DashboardTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task Pimpinan_reads_the_figures_of_the_region_counted_from_the_tables()
    {
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.Home);
        var registry = await VisibleToAsync(Demo.Home);
        var inForce = registry.Where(a => AgreementStatusRules.StatusOf(a, today, 90) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir).ToList();
        var extended = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().Where(a => a.ExtendsId != null).Select(a => a.ExtendsId!.Value).ToListAsync());
        var pastDue = await app.WithDbAsync(db => db.Obstacles.IgnoreQueryFilters()
            .CountAsync(o => o.RegionCode == Demo.Home && o.Status != ObstacleStatus.Selesai && o.DueOn != null && o.DueOn < today));

        var home = await new Browser(app).LoginAsync(Demo.Accounts.Pimpinan);

        // The leader's first question comes first: no account counts or reference data ahead of it.
        Assert.Equal("in-force-heading", home.QuerySelector("main h2")!.Id);
        Assert.Empty(home.QuerySelectorAll("#figure-users"));
        Assert.Equal(inForce.Count.ToString(), home.Text("#figure-in-force .figure-value"));
        Assert.Equal(Sinergi.Web.Indonesian.Rupiah(inForce.Sum(a => a.Value ?? 0)), home.Text("#figure-value .figure-value"));
        foreach (var kind in Enum.GetValues<AgreementKind>())
        {
            var expected = inForce.Count(a => a.Kind == kind);
            var row = home.QuerySelector($"#chart-kind tr[data-href*='kind={AgreementLabels.Slug(kind)}']");
            Assert.Equal(expected, row is null ? 0 : int.Parse(row.GetAttribute("data-count")!));
        }
        foreach (var type in Enum.GetValues<PartnerType>())
        {
            var expected = inForce.Count(a => a.Partners.Any(p => p.Type == type));
            var row = home.QuerySelector($"#chart-partner-type tr[data-href*='partnerType={Partner.Slug(type)}']");
            Assert.Equal(expected, row is null ? 0 : int.Parse(row.GetAttribute("data-count")!));
        }
        foreach (var year in registry.Where(a => a.SignedOn != null).GroupBy(a => a.SignedOn!.Value.Year))
            Assert.Equal(year.Count().ToString(), home.QuerySelector($"#chart-year tr[data-href$='year={year.Key}']")!.GetAttribute("data-count"));
        var endingWithoutExtension = inForce.Count(a => AgreementStatusRules.StatusOf(a, today, 90) == AgreementStatus.AkanBerakhir && !extended.Contains(a.Id));
        Assert.Equal(endingWithoutExtension.ToString(), home.Text("[data-attention='ending-without-extension'] strong"));
        Assert.Equal(pastDue.ToString(), home.Text("[data-attention='obstacles-past-due'] strong"));
        Assert.NotEqual("0", home.Text("[data-attention='overdue-evaluations'] strong"));
        Assert.NotEqual("0", home.Text("[data-attention='no-budget-line'] strong"));
        Assert.Equal("1", home.Text("[data-attention='dprd-approval-missing'] strong"));
    }

    [Fact]
    public async Task Every_chart_segment_opens_a_list_with_the_same_count_for_a_region_party_to_another_regions_agreements()
    {
        var visible = await VisibleToAsync(Demo.PartnerRegion);
        Assert.Contains(visible, a => a.RegionCode != Demo.PartnerRegion);
        var browser = new Browser(app);
        var home = await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.PartnerRegion);
        var inForce = visible.Count(a => AgreementStatusRules.StatusOf(a, today, 90) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir);
        Assert.Equal(inForce.ToString(), home.Text("#figure-in-force .figure-value"));

        var segments = home.QuerySelectorAll("table[id^='chart-'] tbody tr").ToList();
        Assert.NotEmpty(segments);
        foreach (var segment in segments)
        {
            var list = await browser.GetAsync(segment.GetAttribute("data-href")!);
            Assert.StartsWith($"{segment.GetAttribute("data-count")} kerja sama", list.Text("#result-summary"));
        }
        var ending = home.QuerySelector("[data-attention='ending-without-extension']")!;
        var endingList = await browser.GetAsync(ending.QuerySelector("a")!.GetAttribute("href")!);
        Assert.StartsWith($"{ending.QuerySelector("strong")!.TextContent} kerja sama", endingList.Text("#result-summary"));
    }

    [Fact]
    public async Task The_formalitas_figure_opens_the_flagged_agreements_with_the_same_count()
    {
        var browser = new Browser(app);
        var home = await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var tile = home.QuerySelector("[data-attention='formalitas']")!;
        var count = tile.QuerySelector("strong")!.TextContent.Trim();
        Assert.NotEqual("0", count);
        var list = await browser.GetAsync(tile.QuerySelector("a")!.GetAttribute("href")!);
        Assert.StartsWith($"{count} kerja sama", list.Text("#result-summary"));
        Assert.Contains(Demo.Agreements.Formalitas, list.Body!.TextContent);
    }

    [Fact]
    public async Task An_opd_operator_lands_on_its_opd_dashboard_and_inbox()
    {
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.Home);
        var registry = await VisibleToAsync(Demo.Home);
        var dinkes = await app.WithDbAsync(db => db.Opds.IgnoreQueryFilters().SingleAsync(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Dinkes));
        var own = registry.Where(a => a.Opds.Any(o => o.Id == dinkes.Id)).ToList();
        var inForce = own.Count(a => AgreementStatusRules.StatusOf(a, today, 90) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir);

        var browser = new Browser(app);
        var home = await browser.LoginAsync(Demo.Accounts.DinkesOperator);

        Assert.Contains(Demo.Opds.Dinkes, home.Text("h1"));
        Assert.NotNull(home.QuerySelector("#opd-inbox"));
        Assert.Equal(inForce.ToString(), home.Text("#figure-in-force .figure-value"));
        Assert.Contains($"opd={dinkes.Id}", home.QuerySelector("#figure-in-force")!.GetAttribute("href"));
        var list = await browser.GetAsync(home.QuerySelector("#figure-in-force")!.GetAttribute("href")!);
        Assert.StartsWith($"{inForce} kerja sama", list.Text("#result-summary"));
        Assert.Contains(Demo.Agreements.Budgeted, home.Text("#ending-soon"));
    }

    [Fact]
    public async Task The_api_reads_the_same_figures_as_beranda_and_an_overseer_names_the_region()
    {
        var home = await new Browser(app).LoginAsync(Demo.Accounts.Pimpinan);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        var figures = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, "/api/v1/dashboard");
        Assert.Equal(home.Text("#figure-in-force .figure-value"), figures.GetProperty("inForce").GetInt32().ToString());

        var national = app.CreateClient();
        national.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.NationalOverseer));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await national.GetAsync("/api/v1/dashboard")).StatusCode);
        var theirs = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(national, $"/api/v1/dashboard?region={Demo.PartnerRegion}");
        Assert.Equal(Demo.PartnerRegion, theirs.GetProperty("regionCode").GetString());
        var rollup = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(national, "/api/v1/rollup?sort=berlaku");
        Assert.Equal(Demo.Home, rollup.GetProperty("rows")[0].GetProperty("code").GetString());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/rollup")).StatusCode);
    }

    [Fact]
    public async Task Beranda_and_the_agreement_pages_show_a_realisation_just_recorded_and_a_kendala_just_closed()
    {
        var browser = new Browser(app);
        var before = await browser.LoginAsync(Demo.Accounts.Admin);
        var (reached, measured) = IndicatorFigure(before);
        var pastDue = int.Parse(before.Text("[data-attention='obstacles-past-due'] strong"));
        Assert.NotEqual(0, pastDue);
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));

        // A new indicator on an agreement in force, its target reached in the latest period.
        var id = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
            .Where(a => a.RegionCode == Demo.Home && a.Title == Demo.Agreements.Budgeted).Select(a => a.Id).SingleAsync());
        Assert.DoesNotContain("Warga terlayani", (await browser.GetAsync($"/Agreements/Details/{id}")).Text("#monev"));
        var periods = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, $"/api/v1/agreements/{id}/periods");
        var period = periods.EnumerateArray().First().GetProperty("code").GetString();
        var added = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(api, $"/api/v1/agreements/{id}/indicators", new { name = "Warga terlayani", unit = "orang" });
        Assert.Equal(System.Net.HttpStatusCode.Created, added.StatusCode);
        var indicator = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(added.Content)).GetProperty("id").GetInt32();
        var recorded = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(api, $"/api/v1/agreements/{id}/indicators/{indicator}/periods/{period}",
            new { target = 100, realisation = 120 });
        Assert.Equal(System.Net.HttpStatusCode.OK, recorded.StatusCode);

        // One overdue kendala closed.
        var overdue = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, "/api/v1/obstacles/?overdue=true"))
            .EnumerateArray().First();
        var obstacleId = overdue.GetProperty("id").GetInt32();
        var obstaclePage = $"/Agreements/Details/{overdue.GetProperty("agreementId").GetInt32()}";
        Assert.DoesNotContain("Selesai", (await browser.GetAsync(obstaclePage)).Text($"[data-obstacle-id='{obstacleId}']"));
        var closed = await System.Net.Http.Json.HttpClientJsonExtensions.PutAsJsonAsync(api, $"/api/v1/obstacles/{obstacleId}", new
        {
            agreementId = overdue.GetProperty("agreementId").GetInt32(),
            description = overdue.GetProperty("description").GetString(),
            since = overdue.GetProperty("since").GetString(),
            opdId = overdue.GetProperty("opdId").ValueKind == System.Text.Json.JsonValueKind.Null ? (int?)null : overdue.GetProperty("opdId").GetInt32(),
            action = "Sudah ditindaklanjuti bersama mitra.",
            owner = overdue.GetProperty("owner").GetString() ?? "Bagian Kerja Sama",
            dueOn = overdue.GetProperty("dueOn").GetString(),
            status = "Selesai",
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, closed.StatusCode);

        var after = await browser.GetAsync("/");
        Assert.Equal((reached + 1, measured + 1), IndicatorFigure(after));
        Assert.Equal((pastDue - 1).ToString(), after.Text("[data-attention='obstacles-past-due'] strong"));
        Assert.Contains("Warga terlayani", (await browser.GetAsync($"/Agreements/Details/{id}")).Text("#monev"));
        Assert.Contains("Selesai", (await browser.GetAsync(obstaclePage)).Text($"[data-obstacle-id='{obstacleId}']"));
    }

    /// <summary>Beranda's "indicators reached / measured".</summary>
    private static (int Reached, int Measured) IndicatorFigure(AngleSharp.Dom.IDocument page)
    {
        var parts = page.Text("#figure-indicators .figure-value").Split('/', StringSplitOptions.TrimEntries);
        return (int.Parse(parts[0].Replace(".", "")), int.Parse(parts[1].Replace(".", "")));
    }

    /// <summary>The agreements a region's list holds, counted from the tables themselves: its own and those shared with it.</summary>
    private Task<List<Agreement>> VisibleToAsync(string region) => app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
        .Include(a => a.Opds).Include(a => a.Partners).AsSplitQuery()
        .Where(a => a.RegionCode == region || db.AgreementShares.Any(s => s.AgreementId == a.Id && s.RegionCode == region)).ToListAsync());
}

public sealed class DashboardTestsOnSqlite(SqliteApp app) : DashboardTests<SqliteApp>(app);

public sealed class DashboardTestsOnPostgres(PostgresApp app) : DashboardTests<PostgresApp>(app);
