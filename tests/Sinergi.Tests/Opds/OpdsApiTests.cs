using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Opds;

public abstract class OpdsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<HttpClient> ClientForAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    private Task<int> OpdIdAsync(string region, string shortName) =>
        app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == region && o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    [Fact]
    public async Task Caller_lists_the_opds_of_their_own_region_only()
    {
        var client = await ClientForAsync(Demo.Accounts.PartnerRegionAdmin);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/opds?pageSize=200");
        var regions = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("regionCode").GetString()).Distinct();
        Assert.Equal([Demo.PartnerRegion], regions);
        Assert.Equal(page.GetProperty("items").GetArrayLength(), page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Token_of_another_kab_kota_gets_404_for_a_palangka_raya_opd()
    {
        var dinkes = await OpdIdAsync(Demo.Home, "Dinkes");
        var own = await ClientForAsync(Demo.Accounts.Admin);
        var other = await ClientForAsync(Demo.Accounts.PartnerRegionAdmin);

        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/api/v1/opds/{dinkes}")).StatusCode);
        var response = await other.GetAsync($"/api/v1/opds/{dinkes}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/v1/opds/{dinkes}", new { name = "X", shortName = "X", urusan = new[] { "1.02" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/opds/{dinkes}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/opds?region=62.71")).StatusCode);
    }

    [Fact]
    public async Task Province_overseer_reads_its_kab_kota_but_not_another_province()
    {
        var dinkes = await OpdIdAsync(Demo.Home, "Dinkes");
        var overseer = await ClientForAsync(Demo.Accounts.ProvinceOverseer);

        var opd = await overseer.GetFromJsonAsync<JsonElement>($"/api/v1/opds/{dinkes}");
        Assert.Equal("Dinas Kesehatan", opd.GetProperty("name").GetString());
        var list = await overseer.GetFromJsonAsync<JsonElement>("/api/v1/opds?region=62.71&q=dinas%20kes");
        Assert.Equal("Dinkes", Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("shortName").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await overseer.GetAsync("/api/v1/opds?region=63.71")).StatusCode);

        var national = await ClientForAsync(Demo.Accounts.NationalOverseer);
        Assert.Equal(HttpStatusCode.OK, (await national.GetAsync($"/api/v1/opds/{dinkes}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await national.GetAsync("/api/v1/opds")).StatusCode);
    }

    [Fact]
    public async Task Admin_creates_an_opd_and_gets_its_address_and_etag()
    {
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var response = await client.PostAsJsonAsync("/api/v1/opds", new
        {
            name = "Unit Layanan Pengadaan",
            shortName = "ULP",
            headName = "Fransiska Dewi",
            urusan = new[] { "4.01" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/opds/{created.GetProperty("id").GetInt32()}", response.Headers.Location!.AbsolutePath);
        Assert.Equal("\"0\"", response.Headers.ETag!.Tag);
        Assert.Equal(Demo.Home, created.GetProperty("regionCode").GetString());
        Assert.Equal("Sekretariat Daerah", created.GetProperty("urusan")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Invalid_opd_is_a_validation_problem_with_field_names_and_nothing_saved()
    {
        var before = await app.WithDbAsync(db => db.Opds.CountAsync());
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var response = await client.PostAsJsonAsync("/api/v1/opds", new { name = "", shortName = "Dinkes", headNip = "abc", urusan = new[] { "0.00" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal("Nama OPD wajib diisi.", errors.GetProperty("name")[0].GetString());
        Assert.Contains("sudah dipakai", errors.GetProperty("shortName")[0].GetString());
        Assert.Contains("18 angka", errors.GetProperty("headNip")[0].GetString());
        Assert.Contains("tidak dikenal", errors.GetProperty("urusan")[0].GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Opds.CountAsync()));
    }

    [Fact]
    public async Task Opd_operator_and_pimpinan_may_read_but_not_write()
    {
        var operatorClient = await ClientForAsync(Demo.Accounts.DinkesOperator);
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/v1/opds")).StatusCode);
        var response = await operatorClient.PostAsJsonAsync("/api/v1/opds", new { name = "Dinas Baru", shortName = "DB", urusan = new[] { "1.02" } });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Akses ditolak", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Update_with_a_stale_etag_is_refused_and_keeps_the_newer_change()
    {
        var id = await OpdIdAsync(Demo.Home, "Dishub");
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var read = await client.GetAsync($"/api/v1/opds/{id}");
        var etag = read.Headers.ETag!.Tag;

        var first = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/opds/{id}")
        {
            Content = JsonContent.Create(new { name = "Dinas Perhubungan", shortName = "Dishub", headName = "Perubahan Pertama", urusan = new[] { "2.15" } }),
        };
        first.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var firstResponse = await client.SendAsync(first);
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        Assert.NotEqual(etag, firstResponse.Headers.ETag!.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/opds/{id}")
        {
            Content = JsonContent.Create(new { name = "Dinas Perhubungan", shortName = "Dishub", headName = "Perubahan Basi", urusan = new[] { "2.15" } }),
        };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var staleResponse = await client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, staleResponse.StatusCode);
        Assert.Equal("Perubahan Pertama", await app.WithDbAsync(db => db.Opds.Where(o => o.Id == id).Select(o => o.HeadName).SingleAsync()));
    }

    [Fact]
    public async Task Deleting_an_opd_in_use_is_a_conflict_listing_what_uses_it()
    {
        var dinkes = await OpdIdAsync(Demo.Home, "Dinkes");
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var response = await client.DeleteAsync($"/api/v1/opds/{dinkes}");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Maria Simanjuntak", problem.GetProperty("blockers")[0].GetString());

        var unused = await OpdIdAsync(Demo.Home, "Kec. Pahandut");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/opds/{unused}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/opds/{unused}")).StatusCode);
    }
}

public sealed class OpdsApiTestsOnSqlite(SqliteApp app) : OpdsApiTests<SqliteApp>(app);

public sealed class OpdsApiTestsOnPostgres(PostgresApp app) : OpdsApiTests<PostgresApp>(app);
