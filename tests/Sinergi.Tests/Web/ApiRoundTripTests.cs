using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Web;

/// <summary>
/// What a program reads with GET it can send straight back with PUT: for every resource with a
/// PUT, an unchanged body changes nothing (same data, same version, no history entry).
/// </summary>
public abstract class ApiRoundTripTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<HttpClient> ApiAsync()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        return client;
    }

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    private Task<int> HistoryCountAsync(string entity, int id) =>
        app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == entity && e.EntityId == id));

    private static async Task<(string Body, string ETag)> ReadAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync(), response.Headers.ETag!.Tag);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string url, string body, string ifMatch)
    {
        var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        put.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(put);
    }

    /// <summary>GET, PUT the same body back, GET again: the two reads are equal and nothing was written.</summary>
    private async Task AssertRoundTripIsANoOpAsync(HttpClient client, string url, string entity, int id)
    {
        var (before, etag) = await ReadAsync(client, url);
        var history = await HistoryCountAsync(entity, id);
        var put = await PutAsync(client, url, before, etag);
        Assert.True(put.StatusCode == HttpStatusCode.OK, $"{url}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
        Assert.Equal(etag, put.Headers.ETag!.Tag);
        var (after, etagAfter) = await ReadAsync(client, url);
        Assert.Equal(etag, etagAfter);
        Assert.Equal(before, after);
        Assert.Equal(history, await HistoryCountAsync(entity, id));
    }

    /// <summary>A signed agreement with <paramref name="partners"/> partners, a duration of 2 years 6 months, a value and DPRD approval.</summary>
    private async Task<int> NewAgreementAsync(HttpClient client, string title, int partners)
    {
        var partnerIds = await app.WithDbAsync(db => db.Partners.Where(p => p.RegionCode == Demo.Home).OrderBy(p => p.Id).Select(p => p.Id).Take(partners).ToListAsync());
        var opd = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Dinkes).Select(o => o.Id).SingleAsync());
        var created = await client.PostAsJsonAsync("/api/v1/agreements", new
        {
            kind = "Ksdpk", documentType = "PerjanjianKerjaSama", number = $"119/{title.Length}/KS-PR/2026", title,
            urusan = new[] { "1.02" }, opdIds = new[] { opd }, partnerIds, signedOn = "2026-02-10", startsOn = "2026-03-01",
            durationYears = 2, durationMonths = 6, value = 150_000_000, funding = "Apbd", dprdApprovalRequired = true, dprdApprovedOn = "2026-01-20",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task An_agreement_with_partners_and_a_duration_survives_get_then_put()
    {
        var client = await ApiAsync();
        var id = await NewAgreementAsync(client, "Layanan Kesehatan Bergerak", partners: 2);
        var partners = await app.WithDbAsync(db => db.Agreements.Where(a => a.Id == id).SelectMany(a => a.Partners).Select(p => p.Id).ToListAsync());
        var read = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{id}");
        Assert.Equal(30, read.GetProperty("durationMonths").GetInt32());
        Assert.Equal("2028-08-31", read.GetProperty("endsOn").GetString());
        Assert.Equal(partners.Order(), read.GetProperty("partnerIds").EnumerateArray().Select(p => p.GetInt32()));

        await AssertRoundTripIsANoOpAsync(client, $"/api/v1/agreements/{id}", "Agreement", id);
        Assert.Equal(2, await app.WithDbAsync(db => db.Agreements.Where(a => a.Id == id).SelectMany(a => a.Partners).CountAsync()));
    }

    [Fact]
    public async Task Demo_agreements_of_every_shape_survive_get_then_put()
    {
        var client = await ApiAsync();
        var shapes = await app.WithDbAsync(async db =>
        {
            var own = db.Agreements.Where(a => a.RegionCode == Demo.Home);
            return new[]
            {
                await own.Where(a => a.Lifecycle == AgreementLifecycle.Draf).Select(a => a.Id).FirstAsync(),
                await own.Where(a => a.Lifecycle == AgreementLifecycle.Diakhiri).Select(a => a.Id).FirstAsync(),
                await own.Where(a => a.ParentId != null).Select(a => a.Id).FirstAsync(),
                await own.Where(a => a.ExtendsId != null).Select(a => a.Id).FirstAsync(),
                await own.Where(a => a.Title == Demo.Agreements.SharedWaste).Select(a => a.Id).SingleAsync(),
            };
        });
        // The demo's agreements each name one partner; one with several is made here, so the test does not rest on another's.
        foreach (var id in shapes.Append(await NewAgreementAsync(client, "Kerja Sama Tiga Pihak Air Bersih", partners: 2)).Distinct())
            await AssertRoundTripIsANoOpAsync(client, $"/api/v1/agreements/{id}", "Agreement", id);
    }

    [Fact]
    public async Task Put_reads_the_shape_get_writes_and_still_takes_partner_ids()
    {
        var client = await ApiAsync();
        var id = await NewAgreementAsync(client, "Beasiswa Anak Nelayan", partners: 3);
        var (body, etag) = await ReadAsync(client, $"/api/v1/agreements/{id}");
        var partnerCount = JsonNode.Parse(body)!["partners"]!.AsArray().Count;
        Assert.Equal(3, partnerCount);

        // A program that knows only the read shape: partners as objects, no partnerIds.
        var onlyObjects = JsonNode.Parse(body)!.AsObject();
        onlyObjects.Remove("partnerIds");
        onlyObjects["scope"] = "Pendampingan keluarga berisiko stunting.";
        var changed = await PutAsync(client, $"/api/v1/agreements/{id}", onlyObjects.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var afterObjects = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(partnerCount, afterObjects.GetProperty("partners").GetArrayLength());
        Assert.Equal("Pendampingan keluarga berisiko stunting.", afterObjects.GetProperty("scope").GetString());

        // An older program: partnerIds only.
        var onlyIds = JsonNode.Parse(await changed.Content.ReadAsStringAsync())!.AsObject();
        onlyIds.Remove("partners");
        var ids = onlyIds["partnerIds"]!.AsArray();
        ids.RemoveAt(0);
        var trimmed = await PutAsync(client, $"/api/v1/agreements/{id}", onlyIds.ToJsonString(), changed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, trimmed.StatusCode);
        Assert.Equal(partnerCount - 1, (await trimmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("partners").GetArrayLength());

        // Both, saying different things: refused rather than guessed.
        var both = JsonNode.Parse(await trimmed.Content.ReadAsStringAsync())!.AsObject();
        both["partnerIds"] = new JsonArray();
        var refused = await PutAsync(client, $"/api/v1/agreements/{id}", both.ToJsonString(), trimmed.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("partners", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("partnerIds")[0].GetString());
    }

    [Fact]
    public async Task If_match_star_changes_whatever_version_is_current()
    {
        var client = await ApiAsync();
        var id = await IdOfAsync(Demo.Agreements.SharedWaste);
        var (body, _) = await ReadAsync(client, $"/api/v1/agreements/{id}");
        var changed = JsonNode.Parse(body)!.AsObject();
        changed["partnerNumber"] = "PP/77/2026";
        var put = await PutAsync(client, $"/api/v1/agreements/{id}", changed.ToJsonString(), "*");
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("PP/77/2026", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("partnerNumber").GetString());

        var partner = await app.WithDbAsync(db => db.Partners.Where(p => p.RegionCode == Demo.Home).Select(p => p.Id).FirstAsync());
        var partnerBody = JsonNode.Parse((await ReadAsync(client, $"/api/v1/partners/{partner}")).Body)!.AsObject();
        partnerBody["contactPhone"] = "0536 123456";
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(client, $"/api/v1/partners/{partner}", partnerBody.ToJsonString(), "*")).StatusCode);

        var opd = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Dlh).Select(o => o.Id).SingleAsync());
        var opdBody = JsonNode.Parse((await ReadAsync(client, $"/api/v1/opds/{opd}")).Body)!.AsObject();
        opdBody["headName"] = "Ir. Sri Wahyuni";
        var opdPut = await PutAsync(client, $"/api/v1/opds/{opd}", opdBody.ToJsonString(), "*");
        Assert.Equal(HttpStatusCode.OK, opdPut.StatusCode);
        Assert.Equal("Ir. Sri Wahyuni", (await opdPut.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headName").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await PutAsync(client, $"/api/v1/opds/{opd}", opdBody.ToJsonString(), "\"0\"")).StatusCode);
    }

    [Fact]
    public async Task A_partner_survives_get_then_put()
    {
        var client = await ApiAsync();
        var ids = await app.WithDbAsync(db => db.Partners.Where(p => p.RegionCode == Demo.Home)
            .GroupBy(p => p.Type).Select(g => g.Min(p => p.Id)).ToListAsync());
        Assert.True(ids.Count > 3);
        foreach (var id in ids)
            await AssertRoundTripIsANoOpAsync(client, $"/api/v1/partners/{id}", "Partner", id);
    }

    [Fact]
    public async Task An_opd_survives_get_then_put_and_takes_urusan_as_codes_too()
    {
        var client = await ApiAsync();
        var id = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.Urusan.Count > 1).Select(o => o.Id).FirstAsync());
        await AssertRoundTripIsANoOpAsync(client, $"/api/v1/opds/{id}", "Opd", id);

        var (body, etag) = await ReadAsync(client, $"/api/v1/opds/{id}");
        var codes = JsonNode.Parse(body)!.AsObject();
        codes["urusan"] = new JsonArray("1.02");
        var put = await PutAsync(client, $"/api/v1/opds/{id}", codes.ToJsonString(), etag);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("1.02", Assert.Single((await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("urusan").EnumerateArray()).GetProperty("code").GetString());
    }
}

public sealed class ApiRoundTripTestsOnSqlite(SqliteApp app) : ApiRoundTripTests<SqliteApp>(app);

public sealed class ApiRoundTripTestsOnPostgres(PostgresApp app) : ApiRoundTripTests<PostgresApp>(app);
