using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Monitoring;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Rollup;

/// <summary>The roll-up's summary rows: moved by the save that moves a figure, reckoned again when the calendar overtakes them.</summary>
public abstract class RollupSummaryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task A_save_moves_the_region_row_in_its_own_transaction_and_the_roll_up_agrees_with_the_registry_list()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var before = await FiguresAsync(browser);
        var listed = await browser.GetAsync($"/Agreements?status=masih-berlaku&region={Demo.Home}");
        Assert.StartsWith($"{before.InForce} kerja sama", listed.Text("#result-summary"));

        var today = Sinergi.Tenancy.RegionClock.Today(app.Clock, Demo.Home);
        // A change rolled back leaves the row as it was.
        await app.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Obstacles.Add(Obstacle(await InForceIdAsync(db, today), today));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        });
        Assert.Equal(before.Obstacles, await app.WithDbAsync(db => db.RollupSummaries.Where(s => s.RegionCode == Demo.Home).Select(s => s.OpenObstacles).SingleAsync()));

        // Ending one agreement and raising one kendala: the row holds both as soon as the save returns, before anyone reads the roll-up.
        await app.WithDbAsync(async db =>
        {
            var id = await InForceIdAsync(db, today);
            var agreement = await db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.Id == id);
            agreement.Lifecycle = AgreementLifecycle.Diakhiri;
            db.Obstacles.Add(Obstacle(agreement.Id, today));
            await db.SaveChangesAsync();
        });
        var row = await app.WithDbAsync(db => db.RollupSummaries.AsNoTracking().SingleAsync(s => s.RegionCode == Demo.Home));
        Assert.Equal((before.InForce - 1, before.Obstacles + 1), (row.InForce, row.OpenObstacles));

        var after = await FiguresAsync(browser);
        Assert.Equal((before.InForce - 1, before.Obstacles + 1), (after.InForce, after.Obstacles));
        listed = await browser.GetAsync($"/Agreements?status=masih-berlaku&region={Demo.Home}");
        Assert.StartsWith($"{after.InForce} kerja sama", listed.Text("#result-summary"));
    }

    [Fact]
    public async Task A_row_the_calendar_has_overtaken_is_reckoned_again_for_the_new_day()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.ProvinceOverseer);
        await browser.GetAsync("/Rollup");
        var row = await app.WithDbAsync(db => db.RollupSummaries.AsNoTracking().SingleAsync(s => s.RegionCode == Demo.Home));
        Assert.NotNull(row.FreshUntil);

        // The first day an agreement starts, enters its window or ends: the figures read that day are that day's.
        app.Clock.Advance(TimeSpan.FromDays(row.FreshUntil!.Value.DayNumber - row.ComputedOn!.Value.DayNumber));
        var today = Sinergi.Tenancy.RegionClock.Today(app.Clock, Demo.Home);
        var own = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == Demo.Home).ToListAsync());
        var inForce = own.Count(a => AgreementStatusRules.StatusOf(a, today, 90) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir);
        var ending = own.Count(a => AgreementStatusRules.StatusOf(a, today, 90) == AgreementStatus.AkanBerakhir);

        // A new sign-in: the session of the first has aged with the clock.
        browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var figures = await FiguresAsync(browser);
        Assert.Equal((inForce, ending), (figures.InForce, figures.Ending));
        var listed = await browser.GetAsync($"/Agreements?status=akan-berakhir&region={Demo.Home}");
        Assert.StartsWith($"{ending} kerja sama", listed.Text("#result-summary"));
    }

    [Fact]
    public async Task The_kendala_figure_an_overseer_reads_on_a_region_dashboard_opens_that_regions_list_and_follows_a_new_kendala()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var first = await browser.GetAsync($"/Rollup/Region/{Demo.Home}");
        var figure = int.Parse(first.Text("[data-attention='obstacles-past-due'] strong"));
        Assert.NotEqual(0, figure);
        var list = await browser.GetAsync(first.QuerySelector("[data-attention='obstacles-past-due'] a")!.GetAttribute("href")!);
        Assert.Equal(figure, list.QuerySelectorAll(".obstacle-table tbody tr").Length);

        var today = Sinergi.Tenancy.RegionClock.Today(app.Clock, Demo.Home);
        await app.WithDbAsync(async db =>
        {
            db.Obstacles.Add(Obstacle(await InForceIdAsync(db, today), today));
            await db.SaveChangesAsync();
        });
        var again = await browser.GetAsync($"/Rollup/Region/{Demo.Home}");
        Assert.Equal((figure + 1).ToString(), again.Text("[data-attention='obstacles-past-due'] strong"));
    }

    private static Obstacle Obstacle(int agreementId, DateOnly today) => new()
    {
        RegionCode = Demo.Home, AgreementId = agreementId, Description = "Kendala uji ringkasan", Since = today.AddDays(-20), DueOn = today.AddDays(-1),
        Status = ObstacleStatus.Terbuka, CreatedByName = "Uji",
    };

    private static async Task<int> InForceIdAsync(Sinergi.Data.AppDbContext db, DateOnly today) =>
        await db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == Demo.Home).WhereInForce(today).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();

    private static async Task<(int InForce, int Ending, int Obstacles)> FiguresAsync(Browser browser)
    {
        var page = await browser.GetAsync("/Rollup");
        var home = page.QuerySelector($"#rollup tbody tr[data-region='{Demo.Home}']")!;
        int Cell(int i) => int.Parse(home.Children[i].TextContent.Trim(), System.Globalization.CultureInfo.GetCultureInfo("id-ID"));
        return (Cell(1), Cell(2), Cell(6));
    }
}

public sealed class RollupSummaryTestsOnSqlite(SqliteApp app) : RollupSummaryTests<SqliteApp>(app);

public sealed class RollupSummaryTestsOnPostgres(PostgresApp app) : RollupSummaryTests<PostgresApp>(app);
