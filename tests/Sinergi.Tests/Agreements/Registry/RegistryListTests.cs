using System.Net;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements.Registry;

public abstract class RegistryListTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private static DateOnly Today => RegionClock.Today(TimeProvider.System, Demo.Home);

    private Task<List<Agreement>> RegistryAsync() =>
        app.WithDbAsync(db => db.Agreements.Include(a => a.Opds).Include(a => a.Partners).Include(a => a.Urusan)
            .Where(a => a.RegionCode == Demo.Home).ToListAsync());

    private static List<string> Titles(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".agreement-table tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_registry_tabs_mark_where_the_admin_is_and_the_year_filter_spans_the_signings()
    {
        var registry = await RegistryAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        foreach (var (path, tab) in new[] { ("/Agreements", "Daftar kerja sama"), ("/Partners", "Mitra"), ("/Import", "Impor") })
        {
            var page = await browser.GetAsync(path);
            var active = page.QuerySelectorAll(".nav-tabs .nav-link.active");
            Assert.Equal([tab], active.Select(a => a.TextContent.Trim()));
            Assert.Equal("page", active[0].GetAttribute("aria-current"));
        }

        var list = await browser.GetAsync("/Agreements");
        var years = list.QuerySelectorAll("select[name='year'] option").Select(o => o.GetAttribute("value")).Where(v => !string.IsNullOrEmpty(v)).ToList();
        var signed = registry.Where(a => a.SignedOn is not null).Select(a => a.SignedOn!.Value.Year).ToList();
        Assert.Equal(Enumerable.Range(signed.Min(), signed.Max() - signed.Min() + 1).Reverse().Select(y => y.ToString()), years);
    }

    private static IEnumerable<int> Ids(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll(".agreement-table tbody tr td:first-child a").Select(a => int.Parse(a.GetAttribute("href")!.Split('/')[^1]));

    [Fact]
    public async Task The_registry_opens_newest_first_with_undated_drafts_last_across_pages()
    {
        static List<int> NewestFirst(IEnumerable<Agreement> agreements) =>
            agreements.OrderBy(a => a.SignedOn is null).ThenByDescending(a => a.SignedOn).ThenByDescending(a => a.Id).Select(a => a.Id).ToList();
        var registry = await RegistryAsync();
        Assert.Contains(registry, a => a.SignedOn is null);
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var shown = new List<int>();
        for (var page = 1; page <= (registry.Count + 24) / 25; page++)
            shown.AddRange(Ids(await browser.GetAsync($"/Agreements?p={page}")));
        Assert.Equal(NewestFirst(registry), shown);

        // A partner region's registry: the agreements shared with it, in the same order.
        var shared = await app.WithDbAsync(db => db.Agreements.Where(a => a.SharedWith.Any(s => s.RegionCode == Demo.PartnerRegion) || a.RegionCode == Demo.PartnerRegion).ToListAsync());
        var partner = new Browser(app);
        await partner.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        Assert.Equal(NewestFirst(shared), Ids(await partner.GetAsync("/Agreements")));
    }

    [Fact]
    public async Task Counts_per_status_follow_the_dates_of_every_agreement()
    {
        var registry = await RegistryAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var page = await browser.GetAsync("/Agreements");

        foreach (var status in Enum.GetValues<AgreementStatus>())
        {
            var expected = registry.Count(a => AgreementStatusRules.StatusOf(a, Today, 90) == status);
            var shown = page.QuerySelector($"[data-count-for='{AgreementLabels.Slug(status)}'] .badge")!.TextContent;
            Assert.Equal(expected.ToString(), shown);
        }
        Assert.Contains($"{registry.Count} kerja sama", page.Text("#result-summary"));
        // The demo holds at least one of each: ended, ending soon, not started, ended early, draft.
        Assert.All(Enum.GetValues<AgreementStatus>(), s => Assert.Contains(registry, a => AgreementStatusRules.StatusOf(a, Today, 90) == s));
    }

    [Fact]
    public async Task Akan_berakhir_shows_exactly_the_agreements_ending_within_90_days()
    {
        var expected = (await RegistryAsync())
            .Where(a => a.Lifecycle == AgreementLifecycle.Aktif && a.EndsOn >= Today && a.EndsOn <= Today.AddDays(90))
            .Select(a => a.Title).Order().ToList();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var page = await browser.GetAsync("/Agreements?status=akan-berakhir");

        Assert.Equal(expected, Titles(page).Order().ToList());
        Assert.All(page.QuerySelectorAll(".agreement-table .status-badge"), b => Assert.Equal("Akan berakhir", b.TextContent));
        Assert.Equal("akan-berakhir", page.QuerySelector("#status option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Filters_combine_and_stay_in_the_address()
    {
        var registry = await RegistryAsync();
        var dlh = registry.SelectMany(a => a.Opds).First(o => o.ShortName == "DLH").Id;
        var expected = registry.Where(a => a.Kind == AgreementKind.Ksdd && a.Opds.Any(o => o.Id == dlh)).Select(a => a.Title).Order().ToList();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var page = await browser.GetAsync($"/Agreements?kind=ksdd&opd={dlh}");

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Titles(page).Order().ToList());
        var berlakuLink = page.QuerySelector("[data-count-for='berlaku']")!.GetAttribute("href")!;
        Assert.Contains("kind=ksdd", berlakuLink);
        Assert.Contains($"opd={dlh}", berlakuLink);
        Assert.Contains("status=berlaku", berlakuLink);
    }

    [Fact]
    public async Task Partner_type_urusan_and_year_narrow_the_list()
    {
        var registry = await RegistryAsync();
        var universities = registry.Where(a => a.Partners.Any(p => p.Type == PartnerType.PerguruanTinggi)).Select(a => a.Title).Order().ToList();
        var health = registry.Where(a => a.Urusan.Any(u => u.Code == "1.02")).Select(a => a.Title).Order().ToList();
        var year = registry.Where(a => a.SignedOn is not null).Select(a => a.SignedOn!.Value.Year).Max();
        var ofYear = registry.Where(a => a.SignedOn?.Year == year).Select(a => a.Title).Order().ToList();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);

        Assert.Equal(universities, Titles(await browser.GetAsync("/Agreements?partnerType=pt")).Order().ToList());
        Assert.Equal(health, Titles(await browser.GetAsync("/Agreements?urusan=1.02")).Order().ToList());
        Assert.Equal(ofYear, Titles(await browser.GetAsync($"/Agreements?year={year}")).Order().ToList());
    }

    [Fact]
    public async Task Sorting_by_end_puts_upcoming_ends_first_then_the_ended_latest_first_and_pages_hold_25()
    {
        var registry = await RegistryAsync();
        var today = Sinergi.Tenancy.RegionClock.Today(TimeProvider.System, Demo.Home);
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var first = await browser.GetAsync("/Agreements?sort=berakhir");
        var second = await browser.GetAsync("/Agreements?sort=berakhir&p=2");

        var running = registry.Where(a => a.Lifecycle == AgreementLifecycle.Aktif && a.EndsOn >= today).OrderBy(a => a.EndsOn).ThenBy(a => a.Id);
        var ended = registry.Except(running).Where(a => a.Lifecycle != AgreementLifecycle.Draf && a.EndsOn is not null)
            .OrderByDescending(a => a.EndsOn).ThenBy(a => a.Id);
        var rest = registry.Except(running).Except(ended).OrderByDescending(a => a.EndsOn).ThenBy(a => a.Id);
        var expected = running.Concat(ended).Concat(rest).Select(a => a.Title).ToList();
        Assert.Equal(expected.Take(25), Titles(first));
        Assert.Equal(expected.Skip(25), Titles(second));
        Assert.Equal("ascending", first.QuerySelector("th[aria-sort] a[href*='sort=berakhir']")!.ParentElement!.GetAttribute("aria-sort"));
        Assert.Equal("none", first.QuerySelector("th a[href*='sort=judul']")!.ParentElement!.GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Free_text_finds_by_number_title_word_and_partner_name()
    {
        var registry = await RegistryAsync();
        var target = registry.First(a => a.Number is not null && a.Partners.Any(p => p.Type == PartnerType.BumnBumd));
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);

        Assert.Contains(target.Title, Titles(await browser.GetAsync($"/Agreements?q={Uri.EscapeDataString(target.Number!)}")));
        var byPartner = Titles(await browser.GetAsync("/Agreements?q=bank%20pembangunan%20daerah"));
        Assert.Equal(registry.Where(a => a.Partners.Any(p => p.Name.Contains("Bank Pembangunan Daerah"))).Select(a => a.Title).Order(), byPartner.Order());
        var byPrefix = Titles(await browser.GetAsync("/Agreements?q=samp"));
        Assert.Contains(Demo.Agreements.SharedWaste, byPrefix);
        Assert.Empty(Titles(await browser.GetAsync("/Agreements?q=%22%29%28*%20OR%20tidakadakatasepertiini")));
    }

    [Fact]
    public async Task Search_as_you_type_answers_htmx_with_the_registry_fragment()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var request = new HttpRequestMessage(HttpMethod.Get, "/Agreements?q=stunting");
        request.Headers.Add("HX-Request", "true");
        var response = await browser.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("HX-Request", response.Headers.Vary);
        Assert.DoesNotContain("<html", html);
        Assert.Contains(Demo.Agreements.Stunting, html);
        Assert.DoesNotContain("Layanan Kas Daerah", html);
    }

    [Fact]
    public async Task Partner_region_sees_the_agreements_it_is_party_to_and_nothing_else()
    {
        var registry = await RegistryAsync();
        // Drafts are the owner's own until they are signed.
        var shared = registry.Where(a => a.Partners.Any(p => p.LinkedRegionCode == Demo.PartnerRegion) && a.Lifecycle != AgreementLifecycle.Draf).ToList();
        var unrelated = registry.First(a => a.Partners.All(p => p.LinkedRegionCode != Demo.PartnerRegion));
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);

        var list = await browser.GetAsync("/Agreements");
        Assert.Equal(shared.Select(a => a.Title).Order(), Titles(list).Order());
        var detail = await browser.GetAsync($"/Agreements/Details/{shared[0].Id}");
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        Assert.Contains("dicatat oleh Kota Palangkaraya", detail.Text("[role=status]"));
        Assert.Empty(detail.QuerySelectorAll("a[href^='/Agreements/Edit']"));
        await browser.GetAsync($"/Agreements/Details/{unrelated.Id}");
        Assert.Equal(HttpStatusCode.NotFound, browser.Last!.StatusCode);
        await browser.GetAsync($"/Agreements/Edit/{shared[0].Id}");
        Assert.Equal(HttpStatusCode.NotFound, browser.Last!.StatusCode);
    }

    [Fact]
    public async Task Province_overseer_reads_a_kab_kota_registry_but_cannot_change_it()
    {
        var registry = await RegistryAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.ProvinceOverseer);
        var list = await browser.GetAsync("/Agreements?region=62.71");
        Assert.Equal(Math.Min(25, registry.Count), Titles(list).Count);
        Assert.Contains($"{registry.Count} kerja sama", list.Text("#result-summary"));
        Assert.Empty(list.QuerySelectorAll("a[href='/Agreements/Edit']"));

        await browser.GetAsync($"/Agreements/Details/{registry[0].Id}");
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        await browser.GetAsync($"/Agreements/Edit/{registry[0].Id}");
        Assert.Equal(HttpStatusCode.NotFound, browser.Last!.StatusCode);

        var otherProvince = await browser.GetAsync("/Agreements?region=63.71");
        Assert.DoesNotContain("Kota Banjarmasin", otherProvince.Text("h1 + p"));
    }

    [Fact]
    public async Task A_partner_region_reads_who_recorded_a_shared_agreement_and_filters_by_the_opds_that_run_it()
    {
        var shared = await app.WithDbAsync(db => db.Agreements.Include(a => a.Opds).Include(a => a.Partners)
            .Where(a => a.RegionCode == Demo.Home && db.AgreementShares.Any(s => s.AgreementId == a.Id && s.RegionCode == Demo.PartnerRegion))
            .OrderBy(a => a.Id).ToListAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var list = await browser.GetAsync("/Agreements");

        var row = list.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("a")!.TextContent == shared[0].Title);
        var partners = row.Children[2].TextContent;
        Assert.Contains("Pemerintah Kota Palangkaraya", row.QuerySelector(".recorded-by")!.TextContent);
        Assert.DoesNotContain("Pulang Pisau", partners);

        // The filter offers the OPDs that run the agreements Pulang Pisau reads, named with their region.
        var options = list.QuerySelectorAll("#opd option").Skip(1).Select(o => o.TextContent).ToList();
        var running = shared.SelectMany(a => a.Opds).Select(o => o.ShortName).Distinct();
        Assert.All(running, opd => Assert.Contains(options, o => o.StartsWith(opd + " · ") && o.EndsWith("(Kota Palangkaraya)")));
        var dlh = shared.SelectMany(a => a.Opds).First();
        var filtered = await browser.GetAsync($"/Agreements?opd={dlh.Id}");
        Assert.Equal(shared.Where(a => a.Opds.Any(o => o.Id == dlh.Id)).Select(a => a.Title).Order(), Titles(filtered).Order());
    }

    [Fact]
    public async Task Searching_a_name_without_its_space_finds_it_written_with_one()
    {
        var registry = await RegistryAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var expected = registry.Where(a => a.Partners.Any(p => p.Name.Contains("Universitas Palangka Raya"))).Select(a => a.Title).Order().ToList();
        Assert.NotEmpty(expected);
        var found = Titles(await browser.GetAsync("/Agreements?q=universitas+palangkaraya"));
        Assert.Subset(found.ToHashSet(), expected.ToHashSet());
    }

    [Fact]
    public async Task Pimpinan_reads_but_records_nothing()
    {
        var registry = await RegistryAsync();
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Pimpinan);
        var list = await browser.GetAsync("/Agreements");
        Assert.NotEmpty(Titles(list));
        Assert.Empty(list.QuerySelectorAll("a[href='/Agreements/Edit']"));
        await browser.GetAsync("/Agreements/Edit");
        Assert.Equal(HttpStatusCode.Forbidden, browser.Last!.StatusCode);
        await browser.GetAsync($"/Agreements/Edit/{registry[0].Id}");
        Assert.Equal(HttpStatusCode.Forbidden, browser.Last!.StatusCode);
    }
}

public sealed class RegistryListTestsOnSqlite(SqliteApp app) : RegistryListTests<SqliteApp>(app);

public sealed class RegistryListTestsOnPostgres(PostgresApp app) : RegistryListTests<PostgresApp>(app);
