using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Home;

public abstract class HomeTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task Region_admin_sees_the_real_figures_of_their_region()
    {
        var (opds, activeUsers) = await app.WithDbAsync(async db => (
            await db.Opds.CountAsync(o => o.RegionCode == Demo.Home),
            await db.Users.CountAsync(u => u.RegionCode == Demo.Home && u.IsActive)));
        var browser = new Browser(app);
        var home = await browser.LoginAsync(Demo.Accounts.Admin);

        Assert.Equal(opds.ToString(), home.Text("#figure-opd"));
        Assert.Equal(activeUsers.ToString(), home.Text("#figure-users"));
        Assert.Contains("38 provinsi dan 514 kabupaten/kota", home.Text("main"));
        Assert.Equal(["Beranda", "Kerja Sama", "Anggaran", "Usulan", "Monev", "TKKSD", "Laporan", "Pengaturan"],
            home.QuerySelectorAll("nav.main-nav a").Select(a => a.TextContent.Trim()));
        Assert.Equal("page", home.QuerySelector("nav.main-nav a[href='/']")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Home_counts_agreements_per_status_and_lists_those_ending_soon()
    {
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.Home);
        var registry = await VisibleToAsync(Demo.Home);
        var home = await new Browser(app).LoginAsync(Demo.Accounts.Pimpinan);

        foreach (var status in Enum.GetValues<AgreementStatus>())
        {
            var expected = registry.Count(a => AgreementStatusRules.StatusOf(a, today, 90) == status);
            Assert.Equal(expected.ToString(), home.QuerySelector($"#agreement-counts [data-status='{AgreementLabels.Slug(status)}'] strong")!.TextContent);
        }
        var ending = registry.Where(a => AgreementStatusRules.StatusOf(a, today, 90) == AgreementStatus.AkanBerakhir).OrderBy(a => a.EndsOn).ThenBy(a => a.Id).ToList();
        var inForce = registry.Count(a => AgreementStatusRules.StatusOf(a, today, 90) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir);
        Assert.Equal(inForce.ToString(), home.Text("#figure-in-force .figure-value"));
        Assert.Equal($"di antaranya {ending.Count} akan berakhir dalam 90 hari", home.Text("#figure-ending"));
        Assert.Equal(ending.Take(Sinergi.Features.Home.IndexModel.EndingShown).Select(a => a.Title), home.QuerySelectorAll("#ending-soon li a").Select(a => a.TextContent));
        var first = ending[0];
        Assert.Contains($"{first.EndsOn!.Value.DayNumber - today.DayNumber} hari lagi", home.QuerySelector("#ending-soon li")!.TextContent);
        Assert.Contains(first.Opds.First().ShortName, home.QuerySelector("#ending-soon li")!.TextContent);
    }

    [Fact]
    public async Task A_partner_region_counts_on_home_what_its_list_shows_including_what_it_is_party_to()
    {
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.PartnerRegion);
        var visible = await VisibleToAsync(Demo.PartnerRegion);
        Assert.Contains(visible, a => a.RegionCode != Demo.PartnerRegion);
        var browser = new Browser(app);
        var home = await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var list = await browser.GetAsync("/Agreements");

        foreach (var status in Enum.GetValues<AgreementStatus>())
        {
            var slug = AgreementLabels.Slug(status);
            var expected = visible.Count(a => AgreementStatusRules.StatusOf(a, today, 90) == status).ToString();
            Assert.Equal(expected, home.QuerySelector($"#agreement-counts [data-status='{slug}'] strong")!.TextContent);
            Assert.Equal(expected, list.QuerySelector($"[data-count-for='{slug}'] .badge")!.TextContent);
        }
        var inForce = visible.Count(a => AgreementStatusRules.StatusOf(a, today, 90) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir).ToString();
        Assert.Equal(inForce, home.Text("#figure-in-force .figure-value"));
        Assert.Equal(inForce, list.QuerySelector($"[data-count-for='masih-berlaku'] .badge")!.TextContent);
        var inForceList = await browser.GetAsync("/Agreements?status=masih-berlaku");
        Assert.Equal($"{inForce} kerja sama · halaman 1 dari 1", inForceList.Text("#result-summary"));
    }

    /// <summary>The agreements a region's list holds, counted from the tables themselves: its own and those shared with it.</summary>
    private Task<List<Agreement>> VisibleToAsync(string region) => app.WithDbAsync(db => db.Agreements.Include(a => a.Opds)
        .Where(a => a.RegionCode == region || db.AgreementShares.Any(s => s.AgreementId == a.Id && s.RegionCode == region)).ToListAsync());

    [Fact]
    public async Task Province_overseer_sees_its_kab_kota_and_nothing_of_other_provinces()
    {
        await app.WithDbAsync(async db =>
        {
            var urusan = await db.Urusan.SingleAsync(u => u.Code == "1.02");
            db.Opds.Add(new Opd { RegionCode = "63.71", Name = "Dinas Kesehatan", ShortName = "Dinkes", Urusan = [urusan] });
            await db.SaveChangesAsync();
        });

        var province = await new Browser(app).LoginAsync(Demo.Accounts.ProvinceOverseer);
        var provinceRows = province.QuerySelectorAll("#overseen-regions tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Contains(Demo.Home, provinceRows);
        Assert.Contains(Demo.PartnerRegion, provinceRows);
        Assert.Contains("62", provinceRows);
        Assert.DoesNotContain("63.71", provinceRows);
        Assert.Contains("Kalimantan Tengah", province.Text("#overseen-heading"));

        var national = await new Browser(app).LoginAsync(Demo.Accounts.NationalOverseer);
        var nationalRows = national.QuerySelectorAll("#overseen-regions tbody tr").Select(r => r.Children[0].TextContent).ToList();
        Assert.Contains("63.71", nationalRows);
        Assert.Contains(Demo.Home, nationalRows);
    }

    [Fact]
    public async Task Opd_operator_sees_neither_settings_nor_other_regions()
    {
        var home = await new Browser(app).LoginAsync(Demo.Accounts.DinkesOperator);
        Assert.Empty(home.QuerySelectorAll("#overseen-regions"));
        Assert.DoesNotContain("Pengaturan", home.Text("nav.main-nav"));
        Assert.Contains("Pemerintah Kota Palangkaraya", home.Text("h1"));
    }
}

public sealed class HomeTestsOnSqlite(SqliteApp app) : HomeTests<SqliteApp>(app);

public sealed class HomeTestsOnPostgres(PostgresApp app) : HomeTests<PostgresApp>(app);
