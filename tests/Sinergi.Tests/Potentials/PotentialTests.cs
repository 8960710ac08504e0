using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Proposals;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Potentials;

public abstract class PotentialTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static readonly Dictionary<string, int> AllThrees = new()
    {
        ["Nilai ekonomi"] = 3, ["Kesiapan"] = 3, ["Keselarasan dengan RPJMD"] = 3, ["Manfaat publik"] = 3, ["Minat mitra"] = 3,
    };

    private async Task<int> CreateAsync(string name, double? lat = -2.21, double? lng = 113.92, string? kecamatan = null)
    {
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var opd = await ProposalSteps.OpdAsync(app, Demo.Opds.Dinkes);
        var response = await admin.PostAsJsonAsync("/api/v1/potentials", new { name, sector = "Pertanian", urusan = "3.27", latitude = lat, longitude = lng, kecamatan, opdId = opd, state = "Teridentifikasi" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task A_potential_with_coordinates_outside_Indonesia_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var before = await app.WithDbAsync(db => db.Potentials.CountAsync());
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var opd = await ProposalSteps.OpdAsync(app, Demo.Opds.Dinkes);
        // Tokyo: a point typed from the wrong map.
        var response = await admin.PostAsJsonAsync("/api/v1/potentials", new { name = "Gula merah di luar negeri", sector = "Pertanian", urusan = "3.27", latitude = 35.68, longitude = 139.69, opdId = opd, state = "Teridentifikasi" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("di luar wilayah Indonesia", errors.GetProperty("latitude")[0].GetString());

        // The form says the same, keeps what was typed, and saves nothing either.
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var form = await browser.GetAsync("/Potentials/Edit");
        var page = await browser.FollowAsync(await browser.SubmitAsync(form, "#potential-form", [
            new("Input.Name", "Wisata di Sydney"), new("Input.Sector", "Pariwisata"), new("Input.UrusanCode", "3.26"),
            new("Input.Latitude", "-33,86"), new("Input.Longitude", "151,2"), new("Input.OpdId", opd.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Contains("di luar wilayah Indonesia", page.QuerySelector("#error-summary")!.TextContent);
        Assert.Equal("Wisata di Sydney", page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Name")!.Value);
        Assert.Equal(before, await app.WithDbAsync(db => db.Potentials.CountAsync()));

        // A potential in Indonesia known only by its kecamatan is fine.
        Assert.True(await CreateAsync("Gula merah Bukit Batu", null, null, "Bukit Batu") > 0);
    }

    [Fact]
    public async Task A_member_scoring_twice_is_refused_and_the_first_score_stays()
    {
        var id = await CreateAsync("Gula merah untuk dinilai");
        var tkksd = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        var first = await tkksd.PostAsJsonAsync($"/api/v1/potentials/{id}/scores", new { scores = AllThrees });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var again = await tkksd.PostAsJsonAsync($"/api/v1/potentials/{id}/scores", new { scores = AllThrees.ToDictionary(s => s.Key, _ => 5) });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("setiap anggota TKKSD menilai satu kali", await again.Content.ReadAsStringAsync());
        var scores = await app.WithDbAsync(db => db.PotentialScores.Where(s => s.PotentialId == id).ToListAsync());
        Assert.Equal(60m, Assert.Single(scores).WeightedScore);

        // On the page the form is gone and says why; an admin may not score at all.
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Tkksd);
        var page = await browser.GetAsync($"/Potentials/Details/{id}");
        Assert.Null(page.QuerySelector("#score-form"));
        Assert.NotNull(page.QuerySelector("#already-scored"));
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync($"/api/v1/potentials/{id}/scores", new { scores = AllThrees })).StatusCode);
    }

    [Fact]
    public async Task The_ranked_list_puts_the_best_scored_potential_first_with_its_score_count_and_criterion_means()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var page = await browser.GetAsync("/Potentials/Ranking");
        var first = page.QuerySelectorAll("#ranking-table tbody tr").First();
        Assert.Contains(Demo.Potentials.Best, first.TextContent);
        Assert.Contains(Demo.Potentials.BestScore, first.QuerySelector(".ranking-score")!.TextContent);
        Assert.Contains("1 dari", first.TextContent);
        // Each criterion's mean, in Indonesian notation: "Nilai ekonomi" was scored 5.
        Assert.Contains("5,0", first.TextContent);
        var api = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var ranking = await api.GetFromJsonAsync<JsonElement>("/api/v1/potentials/ranking");
        Assert.Equal(Demo.Potentials.Best, ranking[0].GetProperty("name").GetString());
        Assert.True(ranking.GetArrayLength() >= 12);
    }

    [Fact]
    public async Task The_province_sees_the_potentials_of_its_kab_kota_in_one_list_and_a_kab_kota_only_its_own()
    {
        var overseer = new Browser(app);
        await overseer.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var list = (await overseer.GetAsync("/Potentials")).QuerySelector("#potential-table")!.TextContent;
        Assert.Contains(Demo.Potentials.Best, list);
        Assert.Contains(Demo.Potentials.PulangPisau, list);
        var provinceAdmin = await ProposalSteps.ApiAsync(app, Demo.Accounts.ProvinceAdmin);
        var names = (await provinceAdmin.GetFromJsonAsync<JsonElement>("/api/v1/potentials")).EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains(Demo.Potentials.Best, names);
        Assert.Contains(Demo.Potentials.PulangPisau, names);

        var neighbour = await ProposalSteps.ApiAsync(app, Demo.Accounts.PartnerRegionAdmin);
        var own = (await neighbour.GetFromJsonAsync<JsonElement>("/api/v1/potentials")).EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains(Demo.Potentials.PulangPisau, own);
        Assert.DoesNotContain(Demo.Potentials.Best, own);
        var best = await app.WithDbAsync(db => db.Potentials.Where(p => p.Name == Demo.Potentials.Best).Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await neighbour.GetAsync($"/api/v1/potentials/{best}")).StatusCode);
        var markers = await provinceAdmin.GetFromJsonAsync<JsonElement>("/api/v1/potentials/map");
        Assert.Contains(markers.EnumerateArray(), m => m.GetProperty("name").GetString() == Demo.Potentials.PulangPisau);
    }

    [Fact]
    public async Task Suggested_partners_name_their_reasons_a_neighbour_with_the_same_urusan_first()
    {
        var id = await app.WithDbAsync(db => db.Potentials.Where(p => p.Name == Demo.Potentials.GulaMerah).Select(p => p.Id).SingleAsync());
        var api = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        var suggestions = await api.GetFromJsonAsync<JsonElement>($"/api/v1/potentials/{id}/partners");
        var pulangPisau = suggestions.EnumerateArray().First(s => s.GetProperty("name").GetString() == "Kabupaten Pulang Pisau");
        var reasons = pulangPisau.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("daerah tetangga", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains("potensi urusan", StringComparison.Ordinal));
        Assert.Equal("Kabupaten Pulang Pisau", suggestions[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_proposal_started_from_a_potential_carries_it_and_the_potential_lists_it()
    {
        var id = await CreateAsync("Madu kelulut untuk diusulkan");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var potential = await browser.GetAsync($"/Potentials/Details/{id}");
        var start = potential.QuerySelector<AngleSharp.Html.Dom.IHtmlAnchorElement>("#propose-from-potential")!;
        Assert.Equal("Buat usulan dari potensi ini", start.TextContent.Trim());
        var form = await browser.GetAsync(start.GetAttribute("href")!);
        Assert.Equal("Madu kelulut untuk diusulkan", form.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value);
        var partner = await ProposalSteps.PartnerAsync(app);
        var created = await browser.FollowAsync(await browser.SubmitAsync(form, "#proposal-form",
            // The test partner has other tests' open proposals on the same urusan: the overlap check asks for a reason.
            [new("Input.Kind", "Ksdpk"), new("Input.PartnerIds", partner.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("Input.OverlapReason", "Potensi baru yang belum pernah diusulkan.")]));
        Assert.Contains("/Proposals/Details/", created.Url);
        Assert.Contains("Madu kelulut untuk diusulkan", created.QuerySelector("#proposal-potential")!.TextContent);
        var after = await browser.GetAsync($"/Potentials/Details/{id}");
        Assert.Contains("Madu kelulut untuk diusulkan", after.QuerySelector("#potential-proposals")!.TextContent);
        Assert.Equal("Ditawarkan", after.QuerySelector("#potential-state")!.TextContent.Trim());
        var urusan = await app.WithDbAsync(db => db.Proposals.Where(p => p.Title == "Madu kelulut untuk diusulkan").SelectMany(p => p.Urusan).Select(u => u.Code).ToListAsync());
        Assert.Equal(["3.27"], urusan);
    }

    [Fact]
    public async Task Criteria_weights_must_add_up_to_one_hundred_and_a_refused_change_keeps_the_old_ones()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var form = await browser.GetAsync("/Potentials/Settings");
        var page = await browser.FollowAsync(await browser.SubmitAsync(form, "#criteria-form", [new("Weights[0]", "90")]));
        Assert.Contains("Jumlah bobot harus 100; sekarang 165", page.QuerySelector("#error-summary")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.PotentialSettings.AnyAsync(s => s.RegionCode == Demo.Home)));
    }
}

public sealed class PotentialTestsOnSqlite(SqliteApp app) : PotentialTests<SqliteApp>(app);

public sealed class PotentialTestsOnPostgres(PostgresApp app) : PotentialTests<PostgresApp>(app);
