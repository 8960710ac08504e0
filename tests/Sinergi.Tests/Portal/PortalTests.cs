using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Portal;

public abstract class PortalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task No_public_route_shows_what_is_not_public_a_draft_or_an_internal_field()
    {
        // An agreement marked not public, through its page, by the admin who may edit it.
        var hidden = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.RegionCode == Demo.Home && a.Title == Demo.Agreements.Formalitas));
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var form = await admin.GetAsync($"/Agreements/Publication/{hidden.Id}");
        var refused = await admin.SubmitAsync(form, "#publication-form", [new("Input.IsPublic", "false"), new("Input.NotPublicReason", "")]);
        Assert.Contains("Alasan wajib diisi", await refused.Content.ReadAsStringAsync());
        var saved = await admin.SubmitAsync(form, "#publication-form", [new("Input.IsPublic", "false"), new("Input.NotPublicReason", "Dikecualikan: penegakan hukum")]);
        Assert.True(saved.IsSuccessStatusCode || saved.StatusCode == HttpStatusCode.Redirect);
        var history = await admin.GetAsync($"/Agreements/Details/{hidden.Id}");
        Assert.Contains("Dikecualikan: penegakan hukum", history.Text("main"));

        var draft = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.Title == Demo.Agreements.SharedDraft));
        Assert.Equal(AgreementLifecycle.Draf, draft.Lifecycle);
        var (contacts, values, monevTexts) = await app.WithDbAsync(async db => (
            await db.Partners.IgnoreQueryFilters().Where(p => p.RegionCode == Demo.Home && p.ContactName != null && p.ContactName.Length > 5).Select(p => p.ContactName!).ToListAsync(),
            await db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == Demo.Home && a.Value != null && a.Value > 1000).Select(a => a.Value!.Value).ToListAsync(),
            await db.ImplementationReports.IgnoreQueryFilters().Where(r => r.RegionCode == Demo.Home && r.Outputs != null && r.Outputs.Length > 20).Select(r => r.Outputs!).ToListAsync()));
        Assert.NotEmpty(contacts);
        Assert.NotEmpty(values);
        Assert.NotEmpty(monevTexts);
        var visible = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().FirstAsync(a => a.RegionCode == Demo.Home && a.Lifecycle == AgreementLifecycle.Aktif && a.Id != hidden.Id));

        var anonymous = new Browser(app);
        var pages = new List<string>();
        async Task Read(string url, HttpStatusCode expected = HttpStatusCode.OK)
        {
            var response = await anonymous.Http.GetAsync(url);
            Assert.Equal(expected, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            pages.Add(url.Contains("xlsx", StringComparison.Ordinal) ? XlsxText(bytes) : System.Text.Encoding.UTF8.GetString(bytes));
        }
        foreach (var region in new[] { "", "/" + Demo.Home, "/" + Demo.PartnerRegion })
        {
            await Read($"/publik{region}");
            await Read($"/publik{region}?status=berlaku");
            await Read($"/publik{region}?status=berakhir&kind=pks");
            await Read($"/publik{region}?q=narkotika");
        }
        for (var page = 1; page <= 5; page++)
            await Read($"/api/v1/publik/agreements?region={Demo.Home}&page={page}");
        await Read("/api/v1/publik/agreements?q=narkotika");
        await Read($"/publik/unduh/csv?region={Demo.Home}");
        await Read($"/publik/unduh/xlsx?region={Demo.Home}");
        await Read("/publik/unduh/csv");
        await Read($"/publik/kerja-sama/{visible.Id}");
        await Read($"/api/v1/publik/agreements/{visible.Id}");
        await Read($"/publik/kerja-sama/{hidden.Id}", HttpStatusCode.NotFound);
        await Read($"/api/v1/publik/agreements/{hidden.Id}", HttpStatusCode.NotFound);
        await Read($"/publik/kerja-sama/{draft.Id}", HttpStatusCode.NotFound);
        await Read($"/api/v1/publik/agreements/{draft.Id}", HttpStatusCode.NotFound);

        var all = string.Join("\n", pages);
        Assert.Contains(visible.Title, all);
        Assert.DoesNotContain(hidden.Title, all);
        Assert.DoesNotContain(draft.Title, all);
        Assert.DoesNotContain("penegakan hukum", all);
        foreach (var contact in contacts)
            Assert.DoesNotContain(contact, all);
        foreach (var value in values)
            Assert.DoesNotContain(Sinergi.Web.Indonesian.Rupiah(value), all);
        foreach (var text in monevTexts)
            Assert.DoesNotContain(text[..20], all);
    }

    [Fact]
    public async Task The_portal_counts_a_regions_published_agreements_and_is_cacheable()
    {
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.PartnerRegion);
        var published = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters()
            .Where(a => a.Lifecycle != AgreementLifecycle.Draf && a.SignedOn != null && a.NotPublicReason == null
                && (a.RegionCode == Demo.PartnerRegion || db.AgreementShares.Any(s => s.AgreementId == a.Id && s.RegionCode == Demo.PartnerRegion)))
            .ToListAsync());
        Assert.NotEmpty(published);
        var inForce = published.Count(a => AgreementStatusRules.StatusOf(a, today, 90) is AgreementStatus.Berlaku or AgreementStatus.AkanBerakhir);

        var anonymous = new Browser(app);
        var page = await anonymous.GetAsync($"/publik/{Demo.PartnerRegion}");
        Assert.Equal(inForce.ToString(), page.Text("#portal-in-force .figure-value"));
        Assert.StartsWith($"{published.Count} kerja sama", page.Text("#portal-summary"));
        Assert.Contains("public", anonymous.Last!.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync("/publik/99.99")).StatusCode);
        var json = await anonymous.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/publik/agreements?region={Demo.PartnerRegion}");
        Assert.Equal(published.Count, json.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.Http.GetAsync("/api/v1/publik/agreements?region=x")).StatusCode);
    }

    private static string XlsxText(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes));
        return string.Join("\n", zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}

public sealed class PortalTestsOnSqlite(SqliteApp app) : PortalTests<SqliteApp>(app);

public sealed class PortalTestsOnPostgres(PostgresApp app) : PortalTests<PostgresApp>(app);
