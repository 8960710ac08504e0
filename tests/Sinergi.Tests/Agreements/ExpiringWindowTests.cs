using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements;

public abstract class ExpiringWindowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task A_region_chooses_how_early_akan_berakhir_shows()
    {
        var today = RegionClock.Today(TimeProvider.System, Demo.Home);
        var registry = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home).ToListAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);

        var settings = await browser.GetAsync("/Settings/Registry");
        var refused = await browser.FollowAsync(await browser.SubmitAsync(settings, "main form", [new("ExpiringWindowDays", "1000")]));
        Assert.Equal("Isi antara 7 dan 730 hari.", refused.FieldError("ExpiringWindowDays"));
        await browser.FollowAsync(await browser.SubmitAsync(refused, "main form", [new("ExpiringWindowDays", "30")]));

        var list = await browser.GetAsync("/Agreements?status=akan-berakhir");
        var expected = registry.Where(a => AgreementStatusRules.StatusOf(a, today, 30) == AgreementStatus.AkanBerakhir).Select(a => a.Title).Order().ToList();
        var within90 = registry.Count(a => AgreementStatusRules.StatusOf(a, today, 90) == AgreementStatus.AkanBerakhir);
        Assert.True(expected.Count < within90, "the demo has agreements ending between 30 and 90 days from today");
        Assert.Equal(expected, list.QuerySelectorAll(".agreement-table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).Order().ToList());
    }
}

public sealed class ExpiringWindowTestsOnSqlite(SqliteApp app) : ExpiringWindowTests<SqliteApp>(app);

public sealed class ExpiringWindowTestsOnPostgres(PostgresApp app) : ExpiringWindowTests<PostgresApp>(app);
