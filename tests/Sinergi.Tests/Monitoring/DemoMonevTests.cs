using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Monitoring;

public abstract class DemoMonevTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task A_sekda_sees_real_evaluation_work_reports_sent_and_overdue_ones_first()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var page = await browser.GetAsync("/Evaluations");
        Assert.True(int.Parse(page.Text("#count-submitted")) >= 10, page.Text("#monev-figures"));
        Assert.True(int.Parse(page.Text("#count-overdue")) >= Demo.Monev.MinimumOverdue, page.Text("#monev-figures"));
        Assert.NotNull(page.QuerySelector("#due-table tbody tr:first-child .overdue"));

        var submitted = await app.WithDbAsync(db => db.ImplementationReports.CountAsync(r => r.RegionCode == Demo.Home && r.SubmittedAt != null));
        Assert.True(submitted >= Demo.Monev.MinimumSubmitted, $"{submitted} submitted");
        var formalitas = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == Demo.Agreements.Formalitas).Select(a => a.Id).SingleAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.ImplementationReports.CountAsync(r => r.AgreementId == formalitas)));
        var details = await browser.GetAsync($"/Agreements/Details/{formalitas}");
        Assert.Contains("Terlambat", details.Text("#monev-periods"));
    }
}

public sealed class DemoMonevTestsOnSqlite(SqliteApp app) : DemoMonevTests<SqliteApp>(app);

public sealed class DemoMonevTestsOnPostgres(PostgresApp app) : DemoMonevTests<PostgresApp>(app);
