using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Proposals;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.WorkPlans;

public abstract class WorkPlanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private int Year => Sinergi.Tenancy.RegionClock.Today(app.Clock, Demo.Home).Year;

    [Fact]
    public async Task This_years_plan_shows_each_activity_against_the_calendar_with_the_late_one_marked_and_a_pdf_report()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var page = await browser.GetAsync("/WorkPlans");
        var rows = page.QuerySelectorAll("#workplan-grid tbody tr").ToList();
        Assert.True(rows.Count >= 8, $"{rows.Count} activities");
        // Every planned month is a marked cell with words for screen readers; a late activity says so in words.
        Assert.All(rows, r => Assert.NotEmpty(r.QuerySelectorAll("td.workplan-planned")));
        var late = Assert.Single(rows, r => r.ClassList.Contains("workplan-late"));
        Assert.Contains("Evaluasi kerja sama semester I", late.TextContent);
        Assert.Contains("Terlambat", late.TextContent);
        Assert.Contains("4 selesai", page.QuerySelector("#workplan-summary")!.TextContent);
        Assert.Null(page.QuerySelector("#new-activity"));

        var report = await browser.Http.GetAsync(page.QuerySelector("#workplan-report")!.GetAttribute("href"));
        Assert.Equal("application/pdf", report.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await report.Content.ReadAsByteArrayAsync())[..4]);
    }

    [Fact]
    public async Task An_activity_is_planned_and_its_progress_reported_and_bad_input_changes_nothing()
    {
        var tkksd = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        var opd = await ProposalSteps.OpdAsync(app, Demo.Opds.Dinkes);
        var refused = await tkksd.PostAsJsonAsync("/api/v1/workplans/activities", new { year = Year, title = "Tanpa bulan", ownerOpdId = opd, startMonth = 9, endMonth = 3, target = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Bulan selesai tidak boleh sebelum bulan mulai", await refused.Content.ReadAsStringAsync());

        var created = await tkksd.PostAsJsonAsync("/api/v1/workplans/activities", new { year = Year, title = "Sosialisasi kerja sama kesehatan", ownerOpdId = opd, startMonth = 1, endMonth = 12, target = "Dua kali sosialisasi" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // The owning OPD reports its progress; more than 100 % is refused and the old figure stays.
        var dinkes = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        var tooMuch = await dinkes.PutAsJsonAsync($"/api/v1/workplans/activities/{id}/progress", new { progress = 140, note = "lebih" });
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
        Assert.Contains("0 sampai 100 persen", await tooMuch.Content.ReadAsStringAsync());
        var ok = await dinkes.PutAsJsonAsync($"/api/v1/workplans/activities/{id}/progress", new { progress = 50, note = "Sosialisasi pertama selesai" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(50, await app.WithDbAsync(db => db.WorkPlanActivities.Where(a => a.Id == id).Select(a => a.Progress).SingleAsync()));
        // Another OPD's operator and another region do not reach it.
        var disbudpar = await ProposalSteps.ApiAsync(app, Demo.Accounts.DisbudparOperator);
        Assert.Equal(HttpStatusCode.Forbidden, (await disbudpar.PutAsJsonAsync($"/api/v1/workplans/activities/{id}/progress", new { progress = 90 })).StatusCode);
        var neighbour = await ProposalSteps.ApiAsync(app, Demo.Accounts.PartnerRegionAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.PutAsJsonAsync($"/api/v1/workplans/activities/{id}/progress", new { progress = 90 })).StatusCode);

        var plan = await tkksd.GetFromJsonAsync<JsonElement>($"/api/v1/workplans/{Year}");
        Assert.Contains(plan.EnumerateArray(), a => a.GetProperty("title").GetString() == "Sosialisasi kerja sama kesehatan" && a.GetProperty("progress").GetInt32() == 50);
    }
}

public sealed class WorkPlanTestsOnSqlite(SqliteApp app) : WorkPlanTests<SqliteApp>(app);

public sealed class WorkPlanTestsOnPostgres(PostgresApp app) : WorkPlanTests<PostgresApp>(app);
