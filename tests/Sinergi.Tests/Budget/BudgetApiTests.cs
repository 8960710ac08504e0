using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Budget;

public abstract class BudgetApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static readonly int ThisYear = RegionClock.Today(TimeProvider.System, Demo.Home).Year;

    private async Task<HttpClient> ClientForAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Title == title).Select(a => a.Id).SingleAsync());

    private Task<int> DisbudparAsync() =>
        app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Disbudpar).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task Lines_are_added_read_changed_with_if_match_and_deleted()
    {
        var id = await IdOfAsync(Demo.Agreements.NoBudget);
        var client = await ClientForAsync(Demo.Accounts.DisbudparOperator);
        var body = new
        {
            fiscalYear = ThisYear, source = "Apbd", opdId = await DisbudparAsync(), programCode = "3.26.02", kegiatanCode = "3.26.02.2.01",
            subKegiatanCode = "3.26.02.2.01.0003", document = "Renja", documentNumber = "Renja/2026", planned = 420_000_000, realised = 0,
        };
        var badDocument = await client.PostAsJsonAsync($"/api/v1/agreements/{id}/budget-lines", body);
        Assert.Equal(HttpStatusCode.BadRequest, badDocument.StatusCode);

        var created = await client.PostAsJsonAsync($"/api/v1/agreements/{id}/budget-lines", body with { document = "RenjaOpd" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var line = await created.Content.ReadFromJsonAsync<JsonElement>();
        var lineId = line.GetProperty("id").GetInt32();
        Assert.Equal("3.26.02.2.01.0003", line.GetProperty("subKegiatanCode").GetString());

        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{id}/budget-lines");
        var year = Assert.Single(list.GetProperty("years").EnumerateArray());
        Assert.Equal(ThisYear, year.GetProperty("year").GetInt32());
        Assert.Equal(420_000_000m, year.GetProperty("planned").GetDecimal());

        var change = new { fiscalYear = ThisYear, source = "Apbd", opdId = body.opdId, programCode = "3.26.02", planned = 420_000_000, realised = 210_000_000 };
        Assert.Equal((HttpStatusCode)428, (await client.PutAsJsonAsync($"/api/v1/budget-lines/{lineId}", change)).StatusCode);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/budget-lines/{lineId}") { Content = JsonContent.Create(change) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        var changed = await client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(210_000_000m, (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("realised").GetDecimal());

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/budget-lines/{lineId}");
        delete.Headers.IfMatch.Add(changed.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.BudgetLines.CountAsync(l => l.AgreementId == id)));
    }

    [Fact]
    public async Task Bad_lines_answer_field_errors_by_their_json_names_and_save_nothing()
    {
        var id = await IdOfAsync(Demo.Agreements.NoBudgetToo);
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var response = await client.PostAsJsonAsync($"/api/v1/agreements/{id}/budget-lines", new
        {
            fiscalYear = ThisYear + 10, source = "Apbd", programCode = "2.07.02", kegiatanCode = "2.08.02.2.01", subKegiatanCode = "2.07.02.2.01.1",
            planned = -1, breakdown = "Quarterly", parts = new[] { 1, 2 },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("masa berlaku", errors.GetProperty("fiscalYear")[0].GetString());
        Assert.Contains("OPD pelaksana", errors.GetProperty("opdId")[0].GetString());
        Assert.Contains("tidak berada di bawah program 2.07.02", errors.GetProperty("kegiatanCode")[0].GetString());
        Assert.Contains("X.XX.XX.X.XX.XX", errors.GetProperty("subKegiatanCode")[0].GetString());
        Assert.Contains("tidak boleh negatif", errors.GetProperty("planned")[0].GetString());
        Assert.Contains("4 nilai", errors.GetProperty("parts")[0].GetString());
        Assert.Equal(0, await app.WithDbAsync(db => db.BudgetLines.CountAsync(l => l.AgreementId == id)));
    }

    [Fact]
    public async Task An_opd_operator_is_refused_another_opds_agreement()
    {
        var id = await IdOfAsync(Demo.Agreements.NoBudget);
        var client = await ClientForAsync(Demo.Accounts.DinkesOperator);
        var response = await client.PostAsJsonAsync($"/api/v1/agreements/{id}/budget-lines", new { fiscalYear = ThisYear, source = "Apbn", planned = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.BudgetLines.CountAsync(l => l.AgreementId == id)));
    }
}

public sealed class BudgetApiTestsOnSqlite(SqliteApp app) : BudgetApiTests<SqliteApp>(app);

public sealed class BudgetApiTestsOnPostgres(PostgresApp app) : BudgetApiTests<PostgresApp>(app);
