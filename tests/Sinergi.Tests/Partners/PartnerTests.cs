using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Partners;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Partners;

public abstract class PartnerTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Admin = Demo.Accounts.Admin;

    private Task<int> PartnerIdAsync(string name) =>
        app.WithDbAsync(db => db.Partners.Where(p => p.RegionCode == Demo.Home && p.Name == name).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task A_partner_under_another_spelling_is_caught_as_a_duplicate_of_its_type()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var duplicate = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Partners/Edit"), "#partner-form",
            [new("Input.Type", "BumnBumd"), new("Input.Name", "Bank Pembangunan Daerah Kalimantan Tengah, PT.")]));
        Assert.Contains("sudah ada di direktori: \"PT Bank Pembangunan Daerah Kalimantan Tengah\"", duplicate.FieldError("Input.Name"));

        var otherType = await browser.FollowAsync(await browser.SubmitAsync(duplicate, "#partner-form",
            [new("Input.Type", "Ormas"), new("Input.Name", "Bank Pembangunan Daerah Kalimantan Tengah"), new("Input.Latitude", "-2,2136"), new("Input.Longitude", "113.9108")]));
        Assert.Contains("ditambahkan", otherType.Text("[role=status]"));
        var saved = await app.WithDbAsync(db => db.Partners.SingleAsync(p => p.Type == PartnerType.Ormas && p.Name == "Bank Pembangunan Daerah Kalimantan Tengah"));
        Assert.Equal(-2.2136, saved.Latitude);
        Assert.Equal(113.9108, saved.Longitude);
    }

    [Fact]
    public async Task A_regional_government_partner_takes_its_name_from_the_region_list()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var missing = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Partners/Edit"), "#partner-form",
            [new("Input.Type", "PemerintahDaerah")]));
        Assert.Contains("Pilih pemerintah daerah", missing.FieldError("Input.LinkedRegionCode"));

        await browser.FollowAsync(await browser.SubmitAsync(missing, "#partner-form", [new("Input.LinkedRegionCode", "62.01")]));
        var partner = await app.WithDbAsync(db => db.Partners.SingleAsync(p => p.LinkedRegionCode == "62.01"));
        Assert.Equal("Pemerintah Kabupaten Kotawaringin Barat", partner.Name);
        Assert.NotNull(partner.Latitude);
    }

    [Fact]
    public async Task Partner_with_agreements_cannot_be_deleted_and_says_which()
    {
        var id = await PartnerIdAsync("PT Telkom Indonesia (Persero) Tbk Witel Kalteng");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var page = await browser.GetAsync($"/Partners/Delete/{id}");
        Assert.Contains("Pengembangan Kota Cerdas dan Jaringan Internet Publik", page.Text("#delete-blocked"));
        Assert.Contains("Layanan Aplikasi Pelayanan Publik Terintegrasi", page.Text("#delete-blocked"));
        Assert.Empty(page.QuerySelectorAll("main form"));
    }

    [Fact]
    public async Task Merging_moves_every_agreement_and_says_so_in_their_history()
    {
        var keep = await PartnerIdAsync("Universitas Palangka Raya");
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Partners/Edit"), "#partner-form",
            [new("Input.Type", "PerguruanTinggi"), new("Input.Name", "UPR (Universitas Negeri Palangka Raya)")]));
        var duplicate = await PartnerIdAsync("UPR (Universitas Negeri Palangka Raya)");
        var agreement = await app.WithDbAsync(async db =>
        {
            var a = await db.Agreements.Include(x => x.Partners).FirstAsync(x => x.Title == "Pelaksanaan Tridharma Perguruan Tinggi untuk Pembangunan Daerah");
            a.Partners.Clear();
            a.Partners.Add(await db.Partners.SingleAsync(p => p.Id == duplicate));
            await db.SaveChangesAsync();
            return a.Id;
        });

        var merge = await browser.GetAsync($"/Partners/Merge/{duplicate}");
        Assert.Contains("kemungkinan sama", merge.QuerySelector($"#keep option[value='{keep}']")!.TextContent);
        var list = await browser.FollowAsync(await browser.SubmitAsync(merge, "main form", [new("keepId", keep.ToString())]));
        Assert.Contains("1 kerja sama dipindahkan", list.Text("[role=status]"));

        var details = await browser.GetAsync($"/Agreements/Details/{agreement}");
        Assert.Contains("Universitas Palangka Raya", details.Text("#partners"));
        Assert.Contains("Mitra digabung", details.Text("#history li:first-child"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Partners.CountAsync(p => p.Id == duplicate)));
    }

    [Fact]
    public async Task Merging_fills_the_kept_entry_from_the_removed_one_and_replaces_only_what_is_ticked()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Partners/Edit"), "#partner-form",
            [new("Input.Type", "Swasta"), new("Input.Name", "CV Borneo Kreatif Digital"), new("Input.Address", "Jl. Lama 1")]));
        await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Partners/Edit"), "#partner-form",
        [
            new("Input.Type", "Swasta"), new("Input.Name", "Borneo Kreatif Digitalindo"), new("Input.Address", "Jl. G. Obos 12"),
            new("Input.ContactName", "Siti Rahmah"), new("Input.ContactPhone", "0812 5000 1000"),
        ]));
        var keep = await PartnerIdAsync("CV Borneo Kreatif Digital");
        var duplicate = await PartnerIdAsync("Borneo Kreatif Digitalindo");

        var merge = await browser.GetAsync($"/Partners/Merge/{duplicate}");
        Assert.Contains("Jl. G. Obos 12", merge.Text("#carry-over"));
        Assert.Contains("Siti Rahmah · 0812 5000 1000", merge.Text("#carry-over"));
        await browser.FollowAsync(await browser.SubmitAsync(merge, "main form", [new("keepId", keep.ToString())]));

        var kept = await app.WithDbAsync(db => db.Partners.SingleAsync(p => p.Id == keep));
        Assert.Equal("Jl. Lama 1", kept.Address);
        Assert.Equal(("Siti Rahmah", "0812 5000 1000"), (kept.ContactName, kept.ContactPhone));

        // Ticked, the removed entry's address replaces the kept one's.
        await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync("/Partners/Edit"), "#partner-form",
            [new("Input.Type", "Swasta"), new("Input.Name", "Borneo Kreatif Digital Nusantara"), new("Input.Address", "Jl. Tjilik Riwut Km 5")]));
        var second = await PartnerIdAsync("Borneo Kreatif Digital Nusantara");
        var again = await browser.GetAsync($"/Partners/Merge/{second}");
        await browser.FollowAsync(await browser.SubmitAsync(again, "main form", [new("keepId", keep.ToString()), new("replaceAddress", "true")]));
        Assert.Equal("Jl. Tjilik Riwut Km 5", await app.WithDbAsync(db => db.Partners.Where(p => p.Id == keep).Select(p => p.Address).SingleAsync()));
    }

    [Theory]
    [InlineData("palangkaraya")]
    [InlineData("Palangka Raya")]
    [InlineData("PALANGKA-RAYA")]
    public async Task The_directory_finds_a_name_written_with_or_without_its_spaces(string query)
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Admin);
        var page = await browser.GetAsync($"/Partners?q={Uri.EscapeDataString(query)}");
        Assert.Contains("Universitas Palangka Raya", page.Text("#partner-table"));
        Assert.Contains("Universitas Muhammadiyah Palangkaraya", page.Text("#partner-table"));
    }

    [Fact]
    public async Task Opd_operator_adds_partners_but_cannot_delete_or_merge()
    {
        var id = await PartnerIdAsync("Yayasan WWF Indonesia");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var list = await browser.GetAsync("/Partners");
        Assert.NotNull(list.QuerySelector("a[href='/Partners/Edit']"));
        Assert.Empty(list.QuerySelectorAll("a[href^='/Partners/Delete']"));
        await browser.GetAsync($"/Partners/Delete/{id}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, browser.Last!.StatusCode);
    }

    [Theory]
    [InlineData("PT. Bank Kalteng (Perseroda)", "bank kalteng")]
    [InlineData("Pemerintah Kabupaten Pulang Pisau", "kabupaten pulang pisau")]
    [InlineData("Universitas  Palangka-Raya", "universitas palangka raya")]
    [InlineData("Yayasan Konservasi Borneo, Tbk.", "konservasi borneo")]
    public void Names_are_compared_without_legal_forms_punctuation_or_case(string name, string normalized) =>
        Assert.Equal(normalized, Partner.NormalizeName(name));
}

public sealed class PartnerTestsOnSqlite(SqliteApp app) : PartnerTests<SqliteApp>(app);

public sealed class PartnerTestsOnPostgres(PostgresApp app) : PartnerTests<PostgresApp>(app);
