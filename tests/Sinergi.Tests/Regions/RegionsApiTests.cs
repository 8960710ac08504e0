using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Regions;

public abstract class RegionsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<HttpClient> ClientAsync()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        return client;
    }

    [Fact]
    public async Task Region_list_reports_all_552_provinces_and_kab_kota()
    {
        var client = await ClientAsync();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions?pageSize=10");
        Assert.Equal(552, page.GetProperty("total").GetInt32());
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        Assert.Equal("11", page.GetProperty("items")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Search_finds_palangka_raya_however_it_is_spelled()
    {
        var client = await ClientAsync();
        foreach (var q in new[] { "palangka raya", "PALANGKARAYA", Demo.Home })
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/regions?q={Uri.EscapeDataString(q)}");
            var codes = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("code").GetString()).ToList();
            Assert.Contains(Demo.Home, codes);
        }
    }

    [Fact]
    public async Task Province_filter_lists_the_kab_kota_of_kalimantan_tengah()
    {
        var client = await ClientAsync();
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions?province=62&level=kota");
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal(Demo.Home, item.GetProperty("code").GetString());
        Assert.Equal("Kota", item.GetProperty("level").GetString());

        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions?province=62");
        Assert.Equal(15, all.GetProperty("total").GetInt32()); // the province and its 13 kabupaten and 1 kota
    }

    [Fact]
    public async Task Paging_beyond_the_limit_is_a_validation_problem_naming_the_field()
    {
        var client = await ClientAsync();
        var response = await client.GetAsync("/api/v1/regions?pageSize=1000&page=0&level=desa");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("200", errors.GetProperty("pageSize")[0].GetString());
        Assert.True(errors.TryGetProperty("page", out _));
        Assert.Contains("Kabupaten", errors.GetProperty("level")[0].GetString());
    }

    [Fact]
    public async Task Unknown_region_code_is_not_found_as_problem_details()
    {
        var client = await ClientAsync();
        var response = await client.GetAsync("/api/v1/regions/99.99");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Tidak ditemukan", problem.GetProperty("title").GetString());
    }
}

public sealed class RegionsApiTestsOnSqlite(SqliteApp app) : RegionsApiTests<SqliteApp>(app);

public sealed class RegionsApiTestsOnPostgres(PostgresApp app) : RegionsApiTests<PostgresApp>(app);
