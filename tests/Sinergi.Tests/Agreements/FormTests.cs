using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Agreements;

/// <summary>The agreement form as a newcomer meets it: dates, the error summary, the partner picker, htmx.</summary>
public abstract class FormTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<(Browser Browser, IDocument Form)> NewFormAsync(string email = Demo.Accounts.Admin)
    {
        var browser = new Browser(app);
        await browser.LoginAsync(email);
        return (browser, await browser.GetAsync("/Agreements/Edit"));
    }

    [Fact]
    public async Task A_date_that_does_not_exist_is_refused_by_its_label_and_a_written_date_is_read()
    {
        var (browser, form) = await NewFormAsync();
        var refused = await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form",
            [new("Input.Title", "Uji Tanggal"), new("Input.SignedOn", "31/02/2026"), new("Input.Save", "final")]));

        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        var message = refused.FieldError("Input.SignedOn");
        Assert.StartsWith("Tanggal penandatanganan:", message);
        Assert.Contains("tidak ada", message);
        Assert.DoesNotContain("SignedOn", refused.Body!.TextContent);
        // One message for one problem: not also "wajib diisi" for the date it could not read.
        Assert.Single(refused.QuerySelectorAll("#error-summary a[href='#Input_SignedOn']"));
        // What was typed stays, so the person can correct it.
        Assert.Equal("31/02/2026", refused.QuerySelector("#Input_SignedOn")!.GetAttribute("value"));

        var saved = await browser.FollowAsync(await browser.SubmitAsync(refused, "#agreement-form",
        [
            new("Input.Kind", "Ksdpk"), new("Input.DocumentType", "PerjanjianKerjaSama"), new("Input.Title", "Uji Tanggal"),
            new("Input.SignedOn", "15 Januari 2025"), new("Input.EndsOn", "14/01/2027"), new("Input.Save", "final"),
        ]));
        Assert.Contains("Kerja sama dicatat", saved.Text("[role=status]"));
        var agreement = await app.WithDbAsync(db => db.Agreements.SingleAsync(a => a.Title == "Uji Tanggal"));
        Assert.Equal((new DateOnly(2025, 1, 15), new DateOnly(2027, 1, 14)), (agreement.SignedOn, agreement.EndsOn));

        var edit = await browser.GetAsync($"/Agreements/Edit/{agreement.Id}");
        Assert.Equal("15 Januari 2025", edit.QuerySelector("#Input_SignedOn")!.GetAttribute("value"));
        Assert.Equal("text", edit.QuerySelector("#Input_SignedOn")!.GetAttribute("type"));
        Assert.Contains("mis. 15 Januari 2025 atau 15/01/2025", edit.Text("#Input_SignedOn-hint"));
        Assert.NotNull(edit.QuerySelector("button.date-pick[data-date-for='Input_SignedOn']"));
    }

    [Fact]
    public async Task A_refused_form_lists_its_problems_at_the_top_as_links_to_the_fields()
    {
        var (browser, form) = await NewFormAsync();
        var refused = await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form",
            [new("Input.Title", ""), new("Input.Kind", ""), new("Input.Save", "final")], cleared: ["Input.Kind"]));

        var summary = refused.QuerySelector("#agreement-form #error-summary")!;
        Assert.Equal("alert", summary.GetAttribute("role"));
        var links = summary.QuerySelectorAll("a").ToDictionary(a => a.GetAttribute("href")!, a => a.TextContent);
        Assert.Contains("Judul (tentang) wajib diisi", links["#Input_Title"]);
        Assert.Contains("jenis kerja sama", links["#Input_Kind"], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Tanggal penandatanganan wajib diisi", links["#Input_SignedOn"]);
        Assert.All(links.Keys, anchor => Assert.NotNull(refused.QuerySelector(anchor)));
    }

    [Fact]
    public async Task A_new_partner_is_added_from_the_form_and_chosen_without_losing_what_was_typed()
    {
        var (browser, form) = await NewFormAsync(Demo.Accounts.DinkesOperator);
        var typed = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "Skrining Kesehatan Anak Sekolah"), new("Input.Scope", "Pemeriksaan gigi dan mata."), new("Input.SignedOn", "31/02/2026"),
        };

        var duplicate = await browser.FollowAsync(await browser.SubmitAsync(form, "#agreement-form",
            [.. typed, new("NewPartner.Name", "Universitas Palangka Raya"), new("NewPartner.Type", "PerguruanTinggi")],
            action: "?handler=AddPartner"));
        Assert.Contains("sudah ada di direktori", duplicate.FieldError("NewPartner.Name"));
        Assert.Equal("", duplicate.FieldError("Input.SignedOn"));

        var added = await browser.FollowAsync(await browser.SubmitAsync(duplicate, "#agreement-form",
            [new("NewPartner.Name", "Klinik Pratama Sehat Bersama"), new("NewPartner.Type", "Swasta")], action: "?handler=AddPartner"));
        var partner = await app.WithDbAsync(db => db.Partners.SingleAsync(p => p.RegionCode == Demo.Home && p.Name == "Klinik Pratama Sehat Bersama"));
        Assert.Contains("ditambahkan ke direktori dan dipilih", added.Text("#partner-added"));
        Assert.True(added.QuerySelector($"#partner-{partner.Id}")!.HasAttribute("checked"));
        Assert.Equal("Skrining Kesehatan Anak Sekolah", added.QuerySelector("#Input_Title")!.GetAttribute("value"));
        Assert.Equal("Pemeriksaan gigi dan mata.", added.QuerySelector("#Input_Scope")!.TextContent.Trim());
        Assert.Equal("31/02/2026", added.QuerySelector("#Input_SignedOn")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Title == "Skrining Kesehatan Anak Sekolah")));

        // A region partner is named by its code or its name, and called by its government's name.
        var seruyan = await app.WithDbAsync(db => db.Regions.SingleAsync(r => r.Code == "62.07"));
        var region = await browser.FollowAsync(await browser.SubmitAsync(added, "#agreement-form",
            [new("NewPartner.Name", ""), new("NewPartner.Type", "PemerintahDaerah"), new("NewPartner.Region", seruyan.Name)], action: "?handler=AddPartner"));
        var linked = await app.WithDbAsync(db => db.Partners.SingleAsync(p => p.RegionCode == Demo.Home && p.LinkedRegionCode == "62.07"));
        Assert.Equal(seruyan.GovernmentName, linked.Name);
        Assert.True(region.QuerySelector($"#partner-{linked.Id}")!.HasAttribute("checked"));
        Assert.True(region.QuerySelector($"#partner-{partner.Id}")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task The_partner_and_opd_lists_are_checkboxes_with_a_filter_box_and_the_chosen_first()
    {
        var upr = await app.WithDbAsync(db => db.Partners.Where(p => p.RegionCode == Demo.Home && p.Name == "Universitas Palangka Raya").Select(p => p.Id).SingleAsync());
        var stunting = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == Demo.Agreements.Stunting).Select(a => a.Id).SingleAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var edit = await browser.GetAsync($"/Agreements/Edit/{stunting}");

        Assert.Empty(edit.QuerySelectorAll("select[multiple]"));
        var first = edit.QuerySelector("#partner-list input[type=checkbox]")!;
        Assert.Equal(upr.ToString(), first.GetAttribute("value"));
        Assert.True(first.HasAttribute("checked"));
        foreach (var list in new[] { "partner-list", "opd-list", "urusan-list" })
            Assert.NotNull(edit.QuerySelector($"input.checklist-filter[data-filter-list='{list}']"));
        // The stunting PKS is run by Dinkes and DP3APPKB: they come first, ticked.
        var opds = edit.QuerySelectorAll("#opd-list .form-check").Take(2).ToList();
        Assert.All(opds, o => Assert.True(o.QuerySelector("input")!.HasAttribute("checked")));
        Assert.Equal(["DP3APPKB", "Dinkes"], opds.Select(o => o.QuerySelector("label")!.FirstChild!.TextContent.Trim()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Saving_an_unchanged_form_through_htmx_is_told_and_loads_the_detail_page()
    {
        var id = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == Demo.Agreements.Stunting).Select(a => a.Id).SingleAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var form = await browser.GetAsync($"/Agreements/Edit/{id}");
        browser.Http.DefaultRequestHeaders.Add("HX-Request", "true");
        var response = await browser.SubmitAsync(form, "#agreement-form", [new("Input.Save", "final")]);
        browser.Http.DefaultRequestHeaders.Remove("HX-Request");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal($"/Agreements/Details/{id}", response.Headers.GetValues("HX-Redirect").Single());
        var details = await browser.GetAsync($"/Agreements/Details/{id}");
        Assert.Contains("Tidak ada perubahan", details.Text("[role=status]"));
    }
}

public sealed class FormTestsOnSqlite(SqliteApp app) : FormTests<SqliteApp>(app);

public sealed class FormTestsOnPostgres(PostgresApp app) : FormTests<PostgresApp>(app);
