using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Agreements;
using Sinergi.Features.Proposals;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Proposals;

/// <summary>A region edits its SOP, rubric and quorum in Pengaturan and through the API; the revision loop shows what changed.</summary>
public abstract class SopEditingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static List<string> Targets(JsonElement proposal) =>
        [.. proposal.GetProperty("allowedTransitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()!)];

    private Task<int> VersionsAsync(string region, AgreementKind kind) =>
        app.WithDbAsync(db => db.SopVersions.IgnoreQueryFilters().CountAsync(s => s.RegionCode == region && s.Kind == kind));

    /// <summary>The API's own JSON: camelCase, and the kinds of moves as their names.</summary>
    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerOptions.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    [Fact]
    public async Task An_admin_removes_and_adds_a_stage_in_pengaturan_and_a_new_proposal_runs_the_new_version_while_an_old_one_keeps_its_own()
    {
        var old = await ProposalSteps.CreateAsync(app, "Usulan sebelum SOP diubah", kind: "Sinergi");
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        Assert.Contains("/Settings/Sop", (await admin.GetAsync("/Settings")).QuerySelector("#sop-settings")!.GetAttribute("href"));
        Assert.NotNull((await admin.GetAsync("/Proposals/Sop")).QuerySelector("#sop-edit-link"));
        var page = await admin.GetAsync("/Settings/Sop?kind=sinergi");
        Assert.Equal(5, page.QuerySelectorAll(".sop-edit-stage").Length);
        Assert.Contains("Surat inisiasi", page.Text(".sop-diagram"));
        var before = await VersionsAsync(Demo.Home, AgreementKind.Sinergi);

        // Removing surat inisiasi leaves the KAK's move pointing nowhere: saving lists it at the stage and saves nothing.
        var removed = await admin.FollowAsync(await admin.SubmitAsync(page, "#sop-form", [new("at", "1")], action: "/Settings/Sop?kind=sinergi&handler=Remove"));
        Assert.Equal(4, removed.QuerySelectorAll(".sop-edit-stage").Length);
        var refused = await admin.FollowAsync(await admin.SubmitAsync(removed, "#sop-form", []));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, admin.Last!.StatusCode);
        Assert.Contains("Penyusunan KAK: ada perpindahan ke tahap yang tidak ada.", refused.Text("#error-summary"));
        Assert.Contains("ada perpindahan ke tahap yang tidak ada", refused.Text("#stage-0"));
        Assert.Equal(before, await VersionsAsync(Demo.Home, AgreementKind.Sinergi));

        // A new stage after the KAK, named and pointed to, then saved: version 2.
        var added = await admin.FollowAsync(await admin.SubmitAsync(refused, "#sop-form", [new("at", "0")], action: "/Settings/Sop?kind=sinergi&handler=Add"));
        Assert.Equal(5, added.QuerySelectorAll(".sop-edit-stage").Length);
        var saved = await admin.FollowAsync(await admin.SubmitAsync(added, "#sop-form",
        [
            new("Stages[1].Name", "Konsultasi publik"), new("Stages[1].Code", "konsultasi"), new("Stages[1].Checklist", "Masukan warga dicatat"),
            new("Stages[0].Moves[0].To", "konsultasi"),
        ]));
        Assert.Contains("disimpan sebagai versi", saved.Text("[role=status]"));
        Assert.Contains("Konsultasi publik", saved.Text(".sop-diagram"));
        Assert.DoesNotContain("Surat inisiasi", saved.Text(".sop-diagram"));
        Assert.Contains("Konsultasi publik", (await admin.GetAsync("/Proposals/Sop")).Text("#sop-sinergi"));
        var history = await app.WithDbAsync(async db => await db.AuditEvents.Where(e => e.EntityType == AuditEntities.Sop && e.RegionCode == Demo.Home).ToListAsync());
        Assert.Contains(history, e => e.Changes.Any(c => c.New!.Contains("Konsultasi publik")));

        var fresh = await ProposalSteps.CreateAsync(app, "Usulan sesudah SOP diubah", kind: "Sinergi");
        var operatorApi = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        await ProposalSteps.FulfilAsync(app, fresh, Demo.Accounts.DinkesOperator);
        Assert.Equal(["konsultasi"], Targets(await ProposalSteps.GetAsync(operatorApi, fresh)));
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, fresh, "konsultasi")).StatusCode);
        Assert.Contains("Konsultasi publik", (await admin.GetAsync($"/Proposals/Details/{fresh}")).Text("#stage-name"));

        // The old one keeps the version it started on, with surat inisiasi.
        await ProposalSteps.FulfilAsync(app, old, Demo.Accounts.DinkesOperator);
        Assert.Equal(["surat-inisiasi"], Targets(await ProposalSteps.GetAsync(operatorApi, old)));
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, old, "surat-inisiasi")).StatusCode);
        var oldPage = await admin.GetAsync($"/Proposals/Details/{old}");
        Assert.Equal("Surat inisiasi", oldPage.Text("#stage-name"));
        Assert.Contains("SOP versi 1", oldPage.Text("#stage"));
    }

    [Fact]
    public async Task The_sop_api_reads_each_kind_saves_the_next_version_and_refuses_bad_edits_stale_versions_and_other_callers()
    {
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var all = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/sop")).RootElement;
        Assert.Equal(["ksdd", "ksdpk", "sinergi"], all.EnumerateArray().Select(s => s.GetProperty("kindSlug").GetString()));
        var read = await admin.GetAsync("/api/v1/sop/ksdpk");
        var etag = read.Headers.ETag!.Tag;
        var sop = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        var number = sop.GetProperty("version").GetInt32();
        var stages = JsonSerializer.Deserialize<List<SopStage>>(sop.GetProperty("stages").GetRawText(), ApiJson)!;
        Assert.Equal("persiapan", stages[0].Code);
        var before = await VersionsAsync(Demo.Home, AgreementKind.Ksdpk);

        // Bad edits: each problem in Indonesian, at its stage, and nothing saved.
        var broken = stages.Select((s, i) => i == 1 ? s with { Name = "", DeadlineDays = 0 } : i == 2 ? s with { Code = "persiapan" } : s).ToList();
        var refused = await admin.PutAsJsonAsync("/api/v1/sop/ksdpk", new { stages = broken, version = number });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("beri nama tahap", errors.GetProperty("stages[1].name")[0].GetString());
        Assert.Contains("batas waktu 1 sampai 365 hari", errors.GetProperty("stages[1].deadlineDays")[0].GetString());
        Assert.Contains("sudah dipakai tahap lain", errors.GetProperty("stages[2].code")[0].GetString());
        var noEnd = stages.Select(s => s with { Moves = [.. s.Moves.Where(m => m.To != SopVersion.Done)] }).ToList();
        var endless = await admin.PutAsJsonAsync("/api/v1/sop/ksdpk", new { stages = noEnd });
        Assert.Contains("SOP harus berakhir pada tahap selesai", await endless.Content.ReadAsStringAsync());
        Assert.Equal(before, await VersionsAsync(Demo.Home, AgreementKind.Ksdpk));

        // Someone else's version in If-Match: 412; a TKKSD member or an operator: 403.
        using var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/sop/ksdpk") { Content = JsonContent.Create(new { stages }) };
        stale.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"99\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await admin.SendAsync(stale)).StatusCode);
        var tkksd = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        Assert.Equal(HttpStatusCode.Forbidden, (await tkksd.PutAsJsonAsync("/api/v1/sop/ksdpk", new { stages })).StatusCode);
        Assert.Equal(before, await VersionsAsync(Demo.Home, AgreementKind.Ksdpk));

        // A stage added after validation, saved with If-Match: the next version.
        var added = stages.Select(s => s.Code == "validasi" ? s with { Moves = [.. s.Moves.Select(m => m.Kind == MoveKind.Forward ? m with { To = "konsultasi-publik" } : m)] } : s).ToList();
        added.Insert(2, new SopStage("konsultasi-publik", "Konsultasi publik", [Features.Accounts.Roles.AdminKerjaSama], [], ["Masukan warga dicatat"], 10,
            [new SopMove("pembahasan", MoveKind.Forward, "Lanjutkan"), new SopMove("persiapan", MoveKind.Return, "Kembalikan untuk revisi")]));
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/sop/ksdpk") { Content = JsonContent.Create(new { stages = added }) };
        put.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue(etag));
        var ok = await admin.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var next = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(number + 1, next.GetProperty("version").GetInt32());
        Assert.Equal("konsultasi-publik", next.GetProperty("stages")[2].GetProperty("code").GetString());
        // The same edit from the version already replaced: told, not saved over.
        var again = await admin.PutAsJsonAsync("/api/v1/sop/ksdpk", new { stages = added, version = number });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("baru saja disimpan", await again.Content.ReadAsStringAsync());

        // Another region's admin edits its own SOP, never this one.
        var other = await ProposalSteps.ApiAsync(app, Demo.Accounts.PartnerRegionAdmin);
        var otherBefore = await VersionsAsync(Demo.PartnerRegion, AgreementKind.Ksdpk);
        Assert.Equal(HttpStatusCode.OK, (await other.PutAsJsonAsync("/api/v1/sop/ksdpk", new { stages = added })).StatusCode);
        Assert.Equal(before + 1, await VersionsAsync(Demo.Home, AgreementKind.Ksdpk));
        Assert.Equal(Math.Max(otherBefore, 1) + 1, await VersionsAsync(Demo.PartnerRegion, AgreementKind.Ksdpk));
    }

    [Fact]
    public async Task The_rubric_must_weigh_100_with_distinct_names_and_the_quorum_cannot_exceed_the_members()
    {
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var current = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/proposals/settings")).RootElement;
        Assert.Equal(7, current.GetProperty("criteria").GetArrayLength());
        var members = current.GetProperty("members").GetInt32();

        var ninety = await admin.PutAsJsonAsync("/api/v1/proposals/settings", new { criteria = new[] { new { name = "Manfaat", weight = 50 }, new { name = "Biaya", weight = 40 } } });
        Assert.Equal(HttpStatusCode.BadRequest, ninety.StatusCode);
        Assert.Contains("Jumlah bobot harus 100; sekarang 90.", await ninety.Content.ReadAsStringAsync());
        var twice = await admin.PutAsJsonAsync("/api/v1/proposals/settings", new { criteria = new[] { new { name = "Manfaat", weight = 50 }, new { name = "manfaat", weight = 50 } } });
        Assert.Contains("nama kriteria harus berbeda", await twice.Content.ReadAsStringAsync());
        var none = await admin.PutAsJsonAsync("/api/v1/proposals/settings", new { criteria = Array.Empty<object>() });
        Assert.Contains("sedikitnya satu kriteria", await none.Content.ReadAsStringAsync());
        var tooMany = await admin.PutAsJsonAsync("/api/v1/proposals/settings", new { criteria = new[] { new { name = "Manfaat", weight = 100 } }, quorumMinimum = members + 1 });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains($"melebihi jumlah anggota TKKSD daerah ini ({members})", JsonDocument.Parse(await tooMany.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("quorumMinimum")[0].GetString());
        var tkksd = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        Assert.Equal(HttpStatusCode.Forbidden, (await tkksd.PutAsJsonAsync("/api/v1/proposals/settings", new { criteria = new[] { new { name = "Manfaat", weight = 100 } } })).StatusCode);
        Assert.Null(await app.WithDbAsync(db => db.ProposalSettings.SingleOrDefaultAsync(s => s.RegionCode == Demo.Home)));

        // On the page: the weights not summing to 100 are refused with the message, nothing saved.
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var page = await browser.GetAsync("/Settings/Sop");
        var refused = await browser.FollowAsync(await browser.SubmitAsync(page, "#assessment-form", [new("CriteriaWeights[0]", "5")]));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, browser.Last!.StatusCode);
        Assert.Contains("Jumlah bobot harus 100; sekarang 85.", refused.Text("#error-summary"));
        var quorum = await browser.FollowAsync(await browser.SubmitAsync(refused, "#assessment-form", [new("CriteriaWeights[0]", "20"), new("QuorumFixed", "true"), new("QuorumMinimum", $"{members + 1}")]));
        Assert.Contains("melebihi jumlah anggota TKKSD", quorum.Text("#error-summary"));
        Assert.Null(await app.WithDbAsync(db => db.ProposalSettings.SingleOrDefaultAsync(s => s.RegionCode == Demo.Home)));

        // A valid rubric and a fixed quorum: saved, with an audit entry, and the quorum of a proposal follows it.
        var saved = await browser.FollowAsync(await browser.SubmitAsync(quorum, "#assessment-form", [new("CriteriaWeights[0]", "20"), new("QuorumFixed", "true"), new("QuorumMinimum", "1")]));
        Assert.Contains("Rubrik penilaian dan kuorum TKKSD disimpan.", saved.Text("[role=status]"));
        var settings = await app.WithDbAsync(db => db.ProposalSettings.SingleAsync(s => s.RegionCode == Demo.Home));
        Assert.Equal(1, settings.QuorumMinimum);
        Assert.Equal(100, settings.Criteria.Sum(c => c.Weight));
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(e => e.EntityType == AuditEntities.ProposalSettings && e.RegionCode == Demo.Home)));
        Assert.Equal("1 anggota", JsonDocument.Parse(await admin.GetStringAsync("/api/v1/proposals/settings")).RootElement.GetProperty("quorumRule").GetString());
    }

    [Fact]
    public async Task After_a_return_for_revision_the_resubmitted_proposal_shows_what_changed_field_by_field()
    {
        var id = await ProposalSteps.CreateAsync(app, "Usulan yang direvisi");
        var operatorApi = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.DinkesOperator);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, id, "validasi")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(admin, id, "persiapan", "Ruang lingkup belum menyebut puskesmas sasaran.")).StatusCode);
        await app.WithDbAsync(async db =>
        {
            var proposal = (await Features.Proposals.Proposals.LoadAsync(db, id))!;
            var draft = new ProposalDraft(proposal.Kind, proposal.Title, proposal.Background, proposal.Aims, "Layanan kesehatan bersama di 10 puskesmas sasaran", proposal.OpdId,
                [.. proposal.Urusan.Select(u => u.Code)], [.. proposal.Partners.Select(p => p.Id)], proposal.DurationMonths, proposal.Location, proposal.Benefits,
                proposal.FundedInApbd, proposal.BurdensPublic, OverlapReason: "Uji: dilanjutkan walau serupa dengan kerja sama yang ada.");
            var problems = await Features.Proposals.Proposals.UpdateAsync(db, await ProposalSteps.CallerAsync(db, Demo.Accounts.DinkesOperator), proposal, draft, null);
            Assert.True(problems.Count == 0, string.Join(" ", problems.Values.SelectMany(v => v)));
        });
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, id, "validasi")).StatusCode);

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var page = await browser.GetAsync($"/Proposals/Details/{id}");
        var changes = page.Text("#revision-changes");
        Assert.Contains("Ruang lingkup", changes);
        Assert.Contains("Sebelum: Layanan kesehatan bersama Sesudah: Layanan kesehatan bersama di 10 puskesmas sasaran", changes);
        Assert.DoesNotContain("Judul", changes);
        Assert.Equal(2, page.QuerySelectorAll("#revisions .revision").Length);
        var revisions = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/proposals/{id}/revisions")).RootElement;
        Assert.Equal(2, revisions.GetArrayLength());
        Assert.Equal(["scope"], revisions[1].GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("key").GetString()));
        Assert.Equal(2, revisions[1].GetProperty("round").GetInt32());
    }

    [Fact]
    public async Task The_demo_proposal_returned_and_resubmitted_shows_a_real_comparison()
    {
        var id = await app.WithDbAsync(db => db.Proposals.IgnoreQueryFilters().Where(p => p.Title == Demo.Proposals.Returned).Select(p => p.Id).SingleAsync());
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var changes = (await browser.GetAsync($"/Proposals/Details/{id}")).Text("#revision-changes");
        Assert.Contains("Ruang lingkup", changes);
        Assert.Contains("sasaran 6.000 warga", changes);
        Assert.Contains("Jangka waktu", changes);
        Assert.Contains("12 bulan", changes);
    }
}

public sealed class SopEditingTestsOnSqlite(SqliteApp app) : SopEditingTests<SqliteApp>(app);

public sealed class SopEditingTestsOnPostgres(PostgresApp app) : SopEditingTests<PostgresApp>(app);
