using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements;

public abstract class AgreementsApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<HttpClient> ClientForAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.Title == title).Select(a => a.Id).SingleAsync());

    private Task<int> OpdIdAsync(string shortName) =>
        app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    private static object NewAgreement(string title, string number, params int[] opds) => new
    {
        kind = "Ksdpk", documentType = "PerjanjianKerjaSama", number, title, urusan = new[] { "2.17" },
        opdIds = opds, signedOn = "2026-06-01", durationYears = 2,
    };

    [Fact]
    public async Task List_filters_like_the_page_and_reports_total_and_counts()
    {
        var today = RegionClock.Today(TimeProvider.System, Demo.Home);
        var registry = await app.WithDbAsync(db => db.Agreements.Include(a => a.Opds).Where(a => a.RegionCode == Demo.Home).ToListAsync());
        var dinkes = await OpdIdAsync("Dinkes");
        var client = await ClientForAsync(Demo.Accounts.Admin);

        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/agreements?pageSize=10");
        Assert.Equal(registry.Count, all.GetProperty("total").GetInt32());
        Assert.Equal(10, all.GetProperty("items").GetArrayLength());
        Assert.Equal(registry.Count(a => AgreementStatusRules.StatusOf(a, today, 90) == AgreementStatus.Berlaku),
            all.GetProperty("counts").GetProperty("berlaku").GetInt32());

        var filtered = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements?status=berlaku&opd={dinkes}&kind=ksdpk");
        var expected = registry.Where(a => a.Kind == AgreementKind.Ksdpk && a.Opds.Any(o => o.Id == dinkes)
            && AgreementStatusRules.StatusOf(a, today, 90) == AgreementStatus.Berlaku).Select(a => a.Id).Order();
        Assert.Equal(expected, filtered.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order());
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i => Assert.Equal("berlaku", i.GetProperty("status").GetString()));

        var search = await client.GetFromJsonAsync<JsonElement>("/api/v1/agreements?q=stunting");
        Assert.Equal(Demo.Agreements.Stunting, Assert.Single(search.GetProperty("items").EnumerateArray()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Unknown_filter_values_are_a_validation_problem_naming_the_fields()
    {
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var response = await client.GetAsync("/api/v1/agreements?status=kedaluwarsa&kind=mou&pageSize=0");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("akan-berakhir", errors.GetProperty("status")[0].GetString());
        Assert.True(errors.TryGetProperty("kind", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }

    [Fact]
    public async Task Create_returns_its_address_and_etag_and_bad_input_saves_nothing()
    {
        var diskop = await OpdIdAsync("Diskop UKM");
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var created = await client.PostAsJsonAsync("/api/v1/agreements", NewAgreement("Pendampingan Sertifikasi Halal UMKM", "119/700/KS-PR/2026", diskop));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"/api/v1/agreements/{body.GetProperty("id").GetInt32()}", created.Headers.Location!.AbsolutePath);
        Assert.Equal("\"0\"", created.Headers.ETag!.Tag);
        Assert.Equal("2028-05-31", body.GetProperty("endsOn").GetString());
        Assert.Equal("berlaku", body.GetProperty("status").GetString());

        var before = await app.WithDbAsync(db => db.Agreements.CountAsync());
        var bad = await client.PostAsJsonAsync("/api/v1/agreements", new
        {
            kind = "Ksdpk", documentType = "PerjanjianKerjaSama", number = "119/700/KS-PR/2026", title = "", urusan = new[] { "0.00" },
            signedOn = "2026-06-01", startsOn = "2026-06-01", endsOn = "2026-01-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "title", "number", "urusan", "endsOn" })
            Assert.True(errors.TryGetProperty(field, out _), field);
        Assert.Equal(before, await app.WithDbAsync(db => db.Agreements.CountAsync()));
    }

    [Fact]
    public async Task Operators_write_only_for_their_opd_and_pimpinan_not_at_all()
    {
        var dinkes = await OpdIdAsync("Dinkes");
        var dlh = await OpdIdAsync("DLH");
        var operatorClient = await ClientForAsync(Demo.Accounts.DinkesOperator);
        var notOwn = await operatorClient.PostAsJsonAsync("/api/v1/agreements", NewAgreement("Skrining Kesehatan Pekerja", "119/701/KS-PR/2026", dlh));
        Assert.Equal(HttpStatusCode.BadRequest, notOwn.StatusCode);
        Assert.Contains("OPD Anda", (await notOwn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("opdIds")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, (await operatorClient.PostAsJsonAsync("/api/v1/agreements", NewAgreement("Skrining Kesehatan Pekerja", "119/701/KS-PR/2026", dinkes))).StatusCode);

        var pimpinan = await ClientForAsync(Demo.Accounts.Pimpinan);
        var refused = await pimpinan.PostAsJsonAsync("/api/v1/agreements", NewAgreement("Apa saja", "119/702/KS-PR/2026", dinkes));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Akses ditolak", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Update_needs_the_current_etag_and_then_lands_in_the_history()
    {
        var id = await IdOfAsync("Penerimaan Pajak Daerah dan Retribusi Daerah secara Elektronik");
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var read = await client.GetAsync($"/api/v1/agreements/{id}");
        var etag = read.Headers.ETag!.Tag;
        var current = await read.Content.ReadFromJsonAsync<JsonElement>();
        var change = new
        {
            kind = current.GetProperty("kind").GetString(), documentType = current.GetProperty("documentType").GetString(),
            number = current.GetProperty("number").GetString(), title = current.GetProperty("title").GetString(),
            scope = "Kanal QRIS, ATM, teller dan minimarket.", urusan = new[] { "5.02" },
            opdIds = current.GetProperty("opdIds").EnumerateArray().Select(o => o.GetInt32()).ToArray(),
            partnerIds = current.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToArray(),
            signedOn = current.GetProperty("signedOn").GetString(), startsOn = current.GetProperty("startsOn").GetString(),
            endsOn = current.GetProperty("endsOn").GetString(),
        };

        Assert.Equal((HttpStatusCode)428, (await client.PutAsJsonAsync($"/api/v1/agreements/{id}", change)).StatusCode);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/agreements/{id}") { Content = JsonContent.Create(change) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var updated = await client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(etag, updated.Headers.ETag!.Tag);

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/agreements/{id}") { Content = JsonContent.Create(change with { }) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{id}/history");
        var newest = history[0];
        Assert.Equal("Diubah", newest.GetProperty("action").GetString());
        Assert.Contains(newest.GetProperty("changes").EnumerateArray(), c => c.GetProperty("field").GetString() == "Ruang lingkup"
            && c.GetProperty("new").GetString() == "Kanal QRIS, ATM, teller dan minimarket.");
    }

    [Fact]
    public async Task Terminate_needs_if_match_a_date_and_a_reason_and_then_shows_diakhiri_in_status_and_history()
    {
        var dinkes = await OpdIdAsync(Demo.Opds.Dinkes);
        var admin = await ClientForAsync(Demo.Accounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/agreements", NewAgreement("Pemeriksaan Kesehatan Calon Pekerja Migran", "119/710/KS-PR/2026", dinkes));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var etag = created.Headers.ETag!;
        HttpRequestMessage Terminate(object body, EntityTagHeaderValue? ifMatch)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agreements/{id}/terminate") { Content = JsonContent.Create(body) };
            if (ifMatch is not null)
                request.Headers.IfMatch.Add(ifMatch);
            return request;
        }

        Assert.Equal((HttpStatusCode)428, (await admin.SendAsync(Terminate(new { terminatedOn = "2026-09-01", reason = "Program dialihkan." }, null))).StatusCode);
        var otherOpd = await ClientForAsync(Demo.Accounts.DisbudparOperator);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherOpd.SendAsync(Terminate(new { terminatedOn = "2026-09-01", reason = "Program dialihkan." }, etag))).StatusCode);
        var pimpinan = await ClientForAsync(Demo.Accounts.Pimpinan);
        Assert.Equal(HttpStatusCode.Forbidden, (await pimpinan.SendAsync(Terminate(new { terminatedOn = "2026-09-01", reason = "Program dialihkan." }, etag))).StatusCode);

        var bad = await admin.SendAsync(Terminate(new { terminatedOn = "2026-05-01", reason = " " }, etag));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("sebelum kerja sama mulai berlaku", errors.GetProperty("terminatedOn")[0].GetString());
        Assert.Contains("Alasan wajib diisi", errors.GetProperty("reason")[0].GetString());

        var ended = await admin.SendAsync(Terminate(new { terminatedOn = "2026-09-01", reason = "Program dialihkan ke APBN." }, etag));
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        var body = await ended.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("diakhiri", body.GetProperty("status").GetString());
        Assert.Equal("2026-09-01", body.GetProperty("terminatedOn").GetString());
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/agreements/{id}/history");
        Assert.Equal("Diakhiri", history[0].GetProperty("action").GetString());
        Assert.Contains(history[0].GetProperty("changes").EnumerateArray(), c => c.GetProperty("new").GetString() == "Program dialihkan ke APBN.");

        var again = await admin.SendAsync(Terminate(new { terminatedOn = "2026-09-02", reason = "Lagi." }, ended.Headers.ETag));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.True((await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lifecycle", out _));
    }

    [Fact]
    public async Task Delete_refuses_a_kb_with_pks_and_needs_if_match()
    {
        var kb = await IdOfAsync("Kerja Sama Pembangunan Wilayah Perbatasan Kota Palangka Raya dan Kabupaten Pulang Pisau");
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var etag = (await client.GetAsync($"/api/v1/agreements/{kb}")).Headers.ETag!;
        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/agreements/{kb}");
        delete.Headers.IfMatch.Add(etag);
        var response = await client.SendAsync(delete);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Pengelolaan Sampah Regional", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_kab_kota_gets_404_for_what_is_not_shared_with_it()
    {
        var unrelated = await IdOfAsync("Pelayanan Kesehatan Rujukan Antardaerah");
        var shared = await IdOfAsync("Penyediaan Air Bersih Lintas Wilayah");
        var pulangPisau = await ClientForAsync(Demo.Accounts.PartnerRegionAdmin);
        Assert.Equal(HttpStatusCode.NotFound, (await pulangPisau.GetAsync($"/api/v1/agreements/{unrelated}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pulangPisau.GetAsync($"/api/v1/agreements/{shared}")).StatusCode);
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/agreements/{shared}") { Content = JsonContent.Create(NewAgreement("Diambil alih", "X-1")) };
        put.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0\""));
        Assert.Equal(HttpStatusCode.NotFound, (await pulangPisau.SendAsync(put)).StatusCode);
    }

    [Fact]
    public async Task Partners_api_refuses_duplicates_and_merges()
    {
        var client = await ClientForAsync(Demo.Accounts.Admin);
        var duplicate = await client.PostAsJsonAsync("/api/v1/partners", new { type = "BumnBumd", name = "PT. PLN (Persero) UP3 Palangka Raya" });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains("sudah ada", (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("name")[0].GetString());

        var created = await client.PostAsJsonAsync("/api/v1/partners", new { type = "BumnBumd", name = "PLN Unit Pelaksana Pelayanan Pelanggan Palangka Raya" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var newId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var pln = (await client.GetFromJsonAsync<JsonElement>("/api/v1/partners?q=PLN%20UP3")).GetProperty("items")[0];
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/partners/{pln.GetProperty("id").GetInt32()}")).StatusCode);

        var merged = await client.PostAsJsonAsync($"/api/v1/partners/{pln.GetProperty("id").GetInt32()}/merge", new { keepId = newId });
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(pln.GetProperty("agreements").GetInt32(), (await merged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("agreementsMoved").GetInt32());
        Assert.Equal(pln.GetProperty("agreements").GetInt32(), (await client.GetFromJsonAsync<JsonElement>($"/api/v1/partners/{newId}")).GetProperty("agreements").GetInt32());
    }
}

public sealed class AgreementsApiTestsOnSqlite(SqliteApp app) : AgreementsApiTests<SqliteApp>(app);

public sealed class AgreementsApiTestsOnPostgres(PostgresApp app) : AgreementsApiTests<PostgresApp>(app);
