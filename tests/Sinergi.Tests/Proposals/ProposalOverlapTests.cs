using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Proposals;

/// <summary>Tumpang tindih: a proposal with the partner and urusan or scope of an agreement in force or an open proposal is held until the proposer writes why it goes on.</summary>
public abstract class ProposalOverlapTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A partner with nothing in force and nothing open yet, so the only overlap is the one the test makes.</summary>
    private Task<int> QuietPartnerAsync(int skip) => app.WithDbAsync(async db =>
    {
        var today = RegionClock.Today(app.Clock, Demo.Home);
        var busy = await db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == Demo.Home).WhereInForce(today).SelectMany(a => a.Partners.Select(p => p.Id))
            .Concat(db.Proposals.IgnoreQueryFilters().Where(p => p.RegionCode == Demo.Home).SelectMany(p => p.Partners.Select(x => x.Id))).Distinct().ToListAsync();
        return await db.Partners.IgnoreQueryFilters().Where(p => p.RegionCode == Demo.Home && !busy.Contains(p.Id)).OrderBy(p => p.Id).Skip(skip).Select(p => p.Id).FirstAsync();
    });

    private static object Body(int opd, int partner, string title, string[] urusan, string scope, string? overlapReason = null) => new
    {
        kind = "Ksdpk", title, scope, opdId = opd, partnerIds = new[] { partner }, urusan, durationMonths = 12, fundedInApbd = true, overlapReason,
    };

    [Fact]
    public async Task An_open_proposal_of_another_opd_with_the_same_partner_and_urusan_holds_a_new_one_until_a_reason_is_written_which_the_tkksd_reads()
    {
        var partner = await QuietPartnerAsync(0);
        var dinkes = await ProposalSteps.OpdAsync(app, Demo.Opds.Dinkes);
        var dlh = await ProposalSteps.OpdAsync(app, Demo.Opds.Dlh);
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var first = await admin.PostAsJsonAsync("/api/v1/proposals", Body(dinkes, partner, "Sanitasi sekolah sehat", ["1.02"], "Sanitasi sekolah dasar"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var firstId = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var before = await app.WithDbAsync(db => db.Proposals.CountAsync());

        // Another OPD, the same partner and urusan: held, with what it overlaps, and nothing saved.
        var held = await admin.PostAsJsonAsync("/api/v1/proposals", Body(dlh, partner, "Air bersih sekolah", ["1.02"], "Air minum sekolah"));
        Assert.Equal(HttpStatusCode.BadRequest, held.StatusCode);
        var problem = JsonDocument.Parse(await held.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("tumpang tindih", problem.GetProperty("errors").GetProperty("overlapReason")[0].GetString());
        var overlap = Assert.Single(problem.GetProperty("overlaps").EnumerateArray());
        Assert.Equal(firstId, overlap.GetProperty("id").GetInt32());
        Assert.Equal($"/Proposals/Details/{firstId}", overlap.GetProperty("url").GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Proposals.CountAsync()));

        // The same partner but another urusan and another scope is no overlap.
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/proposals", Body(dlh, partner, "Bank sampah", ["2.11"], "Pengolahan limbah plastik"))).StatusCode);

        var reason = "Cakupan berbeda: air minum, bukan sanitasi; dibahas bersama Dinkes.";
        var went = await admin.PostAsJsonAsync("/api/v1/proposals", Body(dlh, partner, "Air bersih sekolah", ["1.02"], "Air minum sekolah", reason));
        Assert.Equal(HttpStatusCode.Created, went.StatusCode);
        var secondId = JsonDocument.Parse(await went.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var read = await ProposalSteps.GetAsync(await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd), secondId);
        Assert.Equal(reason, read.GetProperty("overlapReason").GetString());
        Assert.Contains(read.GetProperty("overlaps").EnumerateArray(), o => o.GetProperty("id").GetInt32() == firstId);

        var tkksd = new Browser(app);
        await tkksd.LoginAsync(Demo.Accounts.Tkksd);
        var page = await tkksd.GetAsync($"/Proposals/Details/{secondId}");
        Assert.Contains(reason, page.Text("#overlap-reason"));
        Assert.NotNull(page.QuerySelector($"#overlap-list a[href='/Proposals/Details/{firstId}']"));
    }

    [Fact]
    public async Task An_agreement_in_force_with_the_same_partner_and_a_like_scope_is_shown_on_the_form_which_saves_only_with_a_reason()
    {
        var today = RegionClock.Today(app.Clock, Demo.Home);
        var agreement = await app.WithDbAsync(db => db.Agreements.IgnoreQueryFilters().Where(a => a.RegionCode == Demo.Home && a.Scope != null && a.Scope.Length > 40 && a.Partners.Any())
            .WhereInForce(today).OrderBy(a => a.Id).Select(a => new { a.Id, a.Scope, Partner = a.Partners.Select(p => p.Id).First() }).FirstAsync());
        var dinkes = await ProposalSteps.OpdAsync(app, Demo.Opds.Dinkes);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var form = await browser.GetAsync("/Proposals/Edit");
        Assert.Null(form.QuerySelector("#overlap-warning"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Kind", "Ksdpk"), new("Input.Title", "Usulan serupa kerja sama berlaku"), new("Input.OpdId", Invariant(dinkes)),
            new("Input.Scope", agreement.Scope!), new("Input.PartnerIds", Invariant(agreement.Partner)),
        };
        var count = await app.WithDbAsync(db => db.Proposals.CountAsync());
        var held = await browser.FollowAsync(await browser.SubmitAsync(form, "#proposal-form", fields));
        Assert.NotNull(held.QuerySelector($"#overlap-list a[href='/Agreements/Details/{agreement.Id}']"));
        Assert.Contains("Tuliskan alasan", held.Text("#error-summary"));
        Assert.Equal(count, await app.WithDbAsync(db => db.Proposals.CountAsync()));

        var saved = await browser.FollowAsync(await browser.SubmitAsync(held, "#proposal-form", [new("Input.OverlapReason", "Memperluas ke puskesmas yang belum tercakup.")]));
        Assert.Contains("Memperluas ke puskesmas yang belum tercakup.", saved.Text("#overlap-reason"));
        Assert.Equal(count + 1, await app.WithDbAsync(db => db.Proposals.CountAsync()));
    }

    [Fact]
    public async Task The_sop_page_read_before_any_sop_exists_shows_the_defaults_and_saves_nothing()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.PartnerRegionAdmin);
        var page = await browser.GetAsync("/Proposals/Sop");
        Assert.Contains("Pembahasan TKKSD", page.Text("#sop-ksdpk"));
        Assert.Equal(0, await app.WithDbAsync(db => db.SopVersions.CountAsync(s => s.RegionCode == Demo.PartnerRegion)));
    }
}

public sealed class ProposalOverlapTestsOnSqlite(SqliteApp app) : ProposalOverlapTests<SqliteApp>(app);

public sealed class ProposalOverlapTestsOnPostgres(PostgresApp app) : ProposalOverlapTests<PostgresApp>(app);
