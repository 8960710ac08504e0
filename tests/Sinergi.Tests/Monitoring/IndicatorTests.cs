using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Monitoring;

public abstract class IndicatorTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private Task<int> IkuAsync(string code) => app.WithDbAsync(db => db.PerformanceIndicators.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());

    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    [Fact]
    public async Task Operator_adds_an_indicator_linked_to_its_opds_iku_and_the_agreement_shows_target_against_realisation()
    {
        var id = await MonevSteps.AgreementAsync(app, "Monev indikator", MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300));
        var period = await MonevSteps.DuePeriodAsync(app, id);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var page = await browser.GetAsync($"/Evaluations/Indicators/{id}");
        var wrongIku = await browser.FollowAsync(await browser.SubmitAsync(page, "#indicator-form", [
            new("Add.Name", "Balita didampingi"), new("Add.Unit", "orang"), new("Add.PerformanceIndicatorId", (await IkuAsync("IKU-DLH-01")).ToString())]));
        Assert.Contains("IKU/IKD salah satu OPD penanggung jawab", wrongIku.FieldError("Add.PerformanceIndicatorId"));
        var added = await browser.FollowAsync(await browser.SubmitAsync(page, "#indicator-form", [
            new("Add.Name", "Balita didampingi"), new("Add.Unit", "orang"), new("Add.Baseline", "120"),
            new("Add.PerformanceIndicatorId", (await IkuAsync("IKU-DINKES-01")).ToString())]));
        Assert.Contains("Mendukung IKU-DINKES-01", added.Text(".indicator .iku-link"));

        var farAbove = await browser.FollowAsync(await browser.SubmitAsync(added, "#record-form", [
            new("Record.Period", period.Code), new("Record.Target", "10"), new("Record.Realisation", "25")]));
        Assert.Contains("jauh di atas target", farAbove.FieldError("Record.Note"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Indicators.Where(i => i.AgreementId == id).SelectMany(i => i.Values).CountAsync()));
        await browser.FollowAsync(await browser.SubmitAsync(added, "#record-form", [
            new("Record.Period", period.Code), new("Record.Target", "10"), new("Record.Realisation", "8")]));

        var details = await browser.GetAsync($"/Agreements/Details/{id}");
        var row = details.QuerySelector($"#monev .indicator-table tr[data-period='{period.Code}']")!;
        Assert.Equal(("10", "8"), (row.GetAttribute("data-target"), row.GetAttribute("data-realisation")));
        Assert.Contains("Belum tercapai", row.TextContent);
        Assert.NotNull(details.QuerySelector("#monev canvas.indicator-chart[data-chart-table]"));
        Assert.NotNull(details.QuerySelector("script[src^='/js/indicator-chart.js']"));
    }

    [Fact]
    public async Task Api_records_realisations_for_the_responsible_opd_only_and_in_periods_the_agreement_ran()
    {
        var id = await MonevSteps.AgreementAsync(app, "Monev indikator API", MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300));
        var period = await MonevSteps.DuePeriodAsync(app, id);
        var api = await ApiAsync(Demo.Accounts.DinkesOperator);
        var created = await api.PostAsJsonAsync($"/api/v1/agreements/{id}/indicators", new { name = "Kader terlatih", unit = "orang", baseline = 0 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var indicatorId = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetInt32();

        var outside = await api.PutAsJsonAsync($"/api/v1/agreements/{id}/indicators/{indicatorId}/periods/{MonevSteps.Today.Year - 4}-s1", new { target = 5, realisation = 5 });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("tidak berlaku pada periode", await outside.Content.ReadAsStringAsync());
        var noted = await api.PutAsJsonAsync($"/api/v1/agreements/{id}/indicators/{indicatorId}/periods/{period.Code}",
            new { target = 5, realisation = 30, note = "Pelatihan digabung dengan program provinsi" });
        Assert.Equal(HttpStatusCode.OK, noted.StatusCode);
        Assert.Contains("\"achieved\":true", await noted.Content.ReadAsStringAsync());

        var other = await ApiAsync(Demo.Accounts.DisbudparOperator);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/agreements/{id}/indicators", new { name = "x", unit = "y" })).StatusCode);
    }

    [Fact]
    public async Task Admin_keeps_the_opds_iku_list_and_a_code_used_twice_in_a_year_is_refused()
    {
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var page = await admin.GetAsync("/Settings/Iku");
        Assert.Contains("IKU-DINKES-01", page.Text("#iku-table"));
        var dinkes = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Dinkes).Select(o => o.Id).SingleAsync());
        var fields = new KeyValuePair<string, string>[]
        {
            new("Input.OpdId", dinkes.ToString()), new("Input.Code", "IKU-DINKES-02"), new("Input.Name", "Cakupan imunisasi dasar lengkap"),
            new("Input.Unit", "persen"), new("Input.Year", MonevSteps.Today.Year.ToString()), new("Input.Target", "95"),
        };
        var saved = await admin.FollowAsync(await admin.SubmitAsync(page, "#iku-form", fields));
        Assert.Contains("Cakupan imunisasi dasar lengkap", saved.Text("#iku-table"));
        var twice = await admin.FollowAsync(await admin.SubmitAsync(page, "#iku-form", fields));
        Assert.Contains("sudah dipakai", twice.FieldError("Input.Code"));
        Assert.Equal(1, await app.WithDbAsync(db => db.PerformanceIndicators.CountAsync(p => p.Code == "IKU-DINKES-02")));
    }
}

public sealed class IndicatorTestsOnSqlite(SqliteApp app) : IndicatorTests<SqliteApp>(app);

public sealed class IndicatorTestsOnPostgres(PostgresApp app) : IndicatorTests<PostgresApp>(app);
