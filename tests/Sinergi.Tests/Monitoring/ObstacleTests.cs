using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Monitoring;
using Sinergi.Tests.Testing;
using Sinergi.Web;

namespace Sinergi.Tests.Monitoring;

public abstract class ObstacleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task A_kendala_raised_from_a_report_is_on_the_agreement_and_escalated_to_the_tkksd_when_its_due_date_passes()
    {
        var id = await MonevSteps.AgreementAsync(app, "Monev kendala", MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300));
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var form = await browser.GetAsync($"/Evaluations/Obstacles/Edit?agreement={id}");
        var missing = await browser.FollowAsync(await browser.SubmitAsync(form, "#obstacle-form", [new("Input.Description", ""), new("Input.Status", "Ditindaklanjuti")]));
        Assert.Contains("Uraikan kendalanya", missing.FieldError("Input.Description"));
        Assert.Contains("Tuliskan tindak lanjut", missing.FieldError("Input.Action"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Obstacles.CountAsync(o => o.AgreementId == id)));

        var saved = await browser.FollowAsync(await browser.SubmitAsync(form, "#obstacle-form", [
            new("Input.Description", "Mitra belum menyediakan tenaga pendamping"), new("Input.Since", Indonesian.Date(MonevSteps.Today.AddDays(-30))),
            new("Input.Action", "Surat kepada rektor"), new("Input.Owner", "Kabid Kesmas"), new("Input.DueOn", Indonesian.Date(MonevSteps.Today.AddDays(-1)))]));
        Assert.Contains("Mitra belum menyediakan tenaga pendamping", saved.Text("#agreement-obstacles"));
        Assert.Contains("Dieskalasi ke TKKSD", saved.Text("#agreement-obstacles"));

        var tkksd = new Browser(app);
        await tkksd.LoginAsync(Demo.Accounts.Tkksd);
        var list = await tkksd.GetAsync("/Evaluations/Obstacles?overdue=true");
        var rows = list.QuerySelectorAll(".obstacle-table tbody tr").ToList();
        Assert.Contains(rows, r => r.TextContent.Contains("tenaga pendamping") && r.QuerySelector(".escalated") is not null);
        Assert.All(rows, r => Assert.NotNull(r.QuerySelector(".escalated")));
        var dinkes = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Disbudpar).Select(o => o.Id).SingleAsync());
        Assert.DoesNotContain("tenaga pendamping", (await tkksd.GetAsync($"/Evaluations/Obstacles?opd={dinkes}")).Text("body"));
    }

    [Fact]
    public async Task Api_refuses_a_kendala_for_another_opds_agreement_and_a_due_date_before_it_began()
    {
        var id = await MonevSteps.AgreementAsync(app, "Monev kendala API", MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300));
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.DinkesOperator));
        var since = MonevSteps.Today.AddDays(-10);
        var early = await api.PostAsJsonAsync("/api/v1/obstacles", new { agreementId = id, description = "Anggaran belum cair", since, dueOn = since.AddDays(-1) });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("dueOn", await early.Content.ReadAsStringAsync());
        var ok = await api.PostAsJsonAsync("/api/v1/obstacles", new { agreementId = id, description = "Anggaran belum cair", since });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        var other = app.CreateClient();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.DisbudparOperator));
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/v1/obstacles", new { agreementId = id, description = "x", since })).StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Obstacles.CountAsync(o => o.AgreementId == id)));
    }

    [Fact]
    public async Task The_demo_has_open_kendala_and_one_escalated()
    {
        var today = MonevSteps.Today;
        var (open, escalated) = await app.WithDbAsync(async db => (
            await db.Obstacles.CountAsync(o => o.RegionCode == Demo.Home && o.Status != ObstacleStatus.Selesai),
            await db.Obstacles.CountAsync(o => o.RegionCode == Demo.Home && o.CreatedByName == "Data demo" && o.Status != ObstacleStatus.Selesai && o.DueOn < today)));
        Assert.True(open >= 2, $"{open} open");
        Assert.Equal(1, escalated);
    }
}

public sealed class ObstacleTestsOnSqlite(SqliteApp app) : ObstacleTests<SqliteApp>(app);

public sealed class ObstacleTestsOnPostgres(PostgresApp app) : ObstacleTests<PostgresApp>(app);
