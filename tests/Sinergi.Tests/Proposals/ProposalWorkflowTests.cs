using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Agreements;
using Sinergi.Features.Proposals;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Proposals;

public abstract class ProposalWorkflowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static List<string> Targets(JsonElement proposal) =>
        [.. proposal.GetProperty("allowedTransitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()!)];

    [Fact]
    public async Task Proposals_created_at_once_all_get_their_own_number()
    {
        var ids = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => ProposalSteps.CreateAsync(app, $"Usulan serentak {i}")));
        var numbers = await app.WithDbAsync(db => db.Proposals.Where(p => ids.Contains(p.Id)).Select(p => new { p.Year, p.Sequence }).ToListAsync());
        Assert.Equal(16, numbers.Count);
        Assert.Equal(16, numbers.Distinct().Count());
    }

    [Fact]
    public async Task A_ksdpk_not_in_the_apbd_runs_every_stage_through_dprd_approval_into_the_registry()
    {
        var id = await ProposalSteps.CreateAsync(app, "Klinik keliling bersama", fundedInApbd: false);
        var operatorApi = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);

        // Documents before decisions: the KAK and the feasibility study are listed as missing, and nothing moves.
        var fresh = await ProposalSteps.GetAsync(operatorApi, id);
        Assert.True(fresh.GetProperty("dprdRequired").GetBoolean());
        Assert.Equal(["kak", "studi-kelayakan"], fresh.GetProperty("missingRequirements").EnumerateArray().Select(m => m.GetProperty("code").GetString()));
        var early = await ProposalSteps.MoveAsync(operatorApi, id, "validasi");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
        Assert.Contains("Studi kelayakan", await early.Content.ReadAsStringAsync());
        Assert.Equal("persiapan", (await ProposalSteps.GetAsync(admin, id)).GetProperty("stage").GetProperty("code").GetString());

        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.DinkesOperator);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, id, "validasi")).StatusCode);
        // The operator has no part in validation, and the admin cannot skip it: no move outside the SOP, admins included.
        Assert.Equal(HttpStatusCode.Forbidden, (await ProposalSteps.MoveAsync(operatorApi, id, "pembahasan")).StatusCode);
        var jump = await ProposalSteps.MoveAsync(admin, id, "penandatanganan-kb");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, jump.StatusCode);
        Assert.Contains("tidak dapat dipindahkan", await jump.Content.ReadAsStringAsync());

        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(admin, id, "pembahasan")).StatusCode);
        var tkksd = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        Assert.DoesNotContain("rekomendasi", Targets(await ProposalSteps.GetAsync(tkksd, id)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ProposalSteps.MoveAsync(tkksd, id, "rekomendasi")).StatusCode);
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.Tkksd);
        await ProposalSteps.VoteToQuorumAsync(app, id);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(tkksd, id, "rekomendasi")).StatusCode);
        var recommendation = await new Browser(app).LoginThenGetAsync(Demo.Accounts.Tkksd, $"/Proposals/Recommendation/{id}");
        Assert.Equal("application/pdf", recommendation.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await recommendation.Content.ReadAsByteArrayAsync())[..4]);

        var pimpinan = await ProposalSteps.ApiAsync(app, Demo.Accounts.Pimpinan);
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.Pimpinan);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(pimpinan, id, "penandatanganan-kb")).StatusCode);
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.Admin);
        Assert.Equal(["persetujuan-dprd", "persiapan"], Targets(await ProposalSteps.GetAsync(admin, id)));
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(admin, id, "persetujuan-dprd")).StatusCode);
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(admin, id, "penyusunan-pks")).StatusCode);
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.DinkesOperator);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, id, "penandatanganan-pks")).StatusCode);
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(admin, id, SopVersion.Done)).StatusCode);

        var done = await ProposalSteps.GetAsync(admin, id);
        Assert.Equal("Selesai", done.GetProperty("state").GetString());
        var agreementId = done.GetProperty("agreementId").GetInt32();
        var (agreement, history) = await app.WithDbAsync(async db => (
            await db.Agreements.Include(a => a.Partners).Include(a => a.Opds).Include(a => a.Urusan).Include(a => a.Parent).Include(a => a.Documents).SingleAsync(a => a.Id == agreementId),
            await AuditTrail.ReadAsync(db, AuditEntities.Proposal, id)));
        Assert.Equal(AgreementDocumentType.PerjanjianKerjaSama, agreement.DocumentType);
        Assert.Equal(AgreementDocumentType.KesepakatanBersama, agreement.Parent!.DocumentType);
        Assert.Equal(Demo.Opds.Dinkes, Assert.Single(agreement.Opds).ShortName);
        Assert.Single(agreement.Partners);
        Assert.Equal("1.02", Assert.Single(agreement.Urusan).Code);
        Assert.True(agreement.DprdApprovalRequired);
        Assert.Contains(agreement.Documents, d => d.Title == ProposalDocumentTypes.Label(ProposalDocumentTypes.PksBertandatangan));
        Assert.Contains(history, e => e.Changes.Any(c => c.New == "Persetujuan DPRD"));
        // The agreement's page names the proposal it came from.
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        Assert.Contains(done.GetProperty("number").GetString()!, (await browser.GetAsync($"/Agreements/Details/{agreementId}")).Text("#from-proposal"));
    }

    [Fact]
    public async Task Funding_in_the_apbd_that_burdens_nobody_skips_dprd_approval()
    {
        var id = await ProposalSteps.CreateAsync(app, "Layanan tanpa DPRD", fundedInApbd: true, burdensPublic: false);
        var row = await app.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id));
        Assert.False(row.DprdRequired);
        await app.WithDbAsync(async db =>
        {
            var p = await db.Proposals.SingleAsync(x => x.Id == id);
            p.Stage = "penandatanganan-kb";
            await db.SaveChangesAsync();
        });
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        Assert.Equal(["penyusunan-pks", "persiapan"], Targets(await ProposalSteps.GetAsync(admin, id)));
    }

    [Fact]
    public async Task A_returned_proposal_goes_back_to_its_proposer_with_the_reason_and_can_be_submitted_again()
    {
        var id = await ProposalSteps.CreateAsync(app, "Usulan yang direvisi");
        var operatorApi = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.DinkesOperator);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, id, "validasi")).StatusCode);

        var noReason = await ProposalSteps.MoveAsync(admin, id, "persiapan");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noReason.StatusCode);
        Assert.Contains("alasan pengembalian", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(admin, id, "persiapan", "KAK belum memuat rincian biaya")).StatusCode);
        var returned = await app.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id));
        Assert.Equal(("persiapan", 2, "KAK belum memuat rincian biaya"), (returned.Stage, returned.Round, returned.LastReason));

        // The proposer edits it in their stage, and the documents already given still count.
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var form = await browser.GetAsync($"/Proposals/Edit/{id}");
        await browser.FollowAsync(await browser.SubmitAsync(form, "#proposal-form", [new("Input.Scope", "Layanan kesehatan bersama dengan rincian biaya")]));
        Assert.Equal("Layanan kesehatan bersama dengan rincian biaya", (await app.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id))).Scope);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, id, "validasi")).StatusCode);
        var history = await app.WithDbAsync(db => AuditTrail.ReadAsync(db, AuditEntities.Proposal, id));
        Assert.Contains(history, e => e.Action == "Dikembalikan untuk revisi" && e.Changes.Any(c => c.New == "KAK belum memuat rincian biaya"));
        Assert.Contains(history, e => e.Action == AuditActions.Changed && e.Changes.Any(c => c.New!.Contains("rincian biaya")));
    }

    [Fact]
    public async Task Two_people_moving_the_same_proposal_at_once_one_wins_and_the_other_is_told()
    {
        var id = await ProposalSteps.CreateAsync(app, "Usulan rebutan");
        await ProposalSteps.FulfilAsync(app, id, Demo.Accounts.DinkesOperator);
        var version = (await app.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id))).Version;
        var first = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        var second = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var answers = await Task.WhenAll(ProposalSteps.MoveAsync(first, id, "validasi", version: version), ProposalSteps.MoveAsync(second, id, "validasi", version: version));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("baru saja diubah oleh pengguna lain", await loser.Content.ReadAsStringAsync());
        Assert.Single(await app.WithDbAsync(db => AuditTrail.ReadAsync(db, AuditEntities.Proposal, id)), e => e.Action == "Tahap berpindah");
    }

    [Fact]
    public async Task A_second_vote_by_the_same_member_and_a_recommendation_before_quorum_are_refused()
    {
        var id = await ProposalSteps.CreateAsync(app, "Usulan kuorum");
        await app.WithDbAsync(async db =>
        {
            var p = await db.Proposals.SingleAsync(x => x.Id == id);
            p.Stage = "pembahasan";
            p.Checked = ["pembahasan|Analisis dampak dibahas", "pembahasan|Perhitungan biaya dibahas"];
            db.ProposalSettings.Add(new ProposalSettings { RegionCode = Demo.Home, Criteria = [.. ProposalSettings.DefaultCriteria], QuorumMinimum = 2 });
            await db.SaveChangesAsync();
        });
        try
        {
            var tkksd = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
            var scores = ProposalSettings.DefaultCriteria.ToDictionary(c => c.Name, _ => 5);
            Assert.Equal(HttpStatusCode.OK, (await tkksd.PostAsJsonAsync($"/api/v1/proposals/{id}/votes", new { scores, opinion = "Sangat bermanfaat" })).StatusCode);
            var again = await tkksd.PostAsJsonAsync($"/api/v1/proposals/{id}/votes", new { scores, opinion = "Sekali lagi" });
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Contains("setiap anggota menilai satu kali", await again.Content.ReadAsStringAsync());
            var votes = JsonDocument.Parse(await (await tkksd.GetAsync($"/api/v1/proposals/{id}/votes")).Content.ReadAsStringAsync()).RootElement;
            Assert.Equal((1, 2, false), (votes.GetProperty("votes").GetInt32(), votes.GetProperty("needed").GetInt32(), votes.GetProperty("quorumReached").GetBoolean()));
            var vote = votes.GetProperty("items")[0];
            Assert.Equal(100m, vote.GetProperty("score").GetDecimal());
            Assert.False(string.IsNullOrEmpty(vote.GetProperty("member").GetString()));
            var early = await ProposalSteps.MoveAsync(tkksd, id, "rekomendasi");
            Assert.Equal(HttpStatusCode.UnprocessableEntity, early.StatusCode);
            Assert.Equal("pembahasan", (await app.WithDbAsync(db => db.Proposals.SingleAsync(p => p.Id == id))).Stage);
        }
        finally
        {
            await app.WithDbAsync(async db => await db.ProposalSettings.Where(s => s.RegionCode == Demo.Home).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public async Task A_region_that_edits_its_sop_runs_new_proposals_on_it_while_an_old_one_finishes_on_the_old_version()
    {
        var old = await ProposalSteps.CreateAsync(app, "Usulan SOP lama", kind: "Sinergi");
        await app.WithDbAsync(async db =>
        {
            var current = await DefaultSops.CurrentAsync(db, Demo.Home, AgreementKind.Sinergi);
            // One stage removed (surat inisiasi), one added (konsultasi publik).
            var stages = current.Stages.Where(s => s.Code != "surat-inisiasi").ToList();
            stages[0] = stages[0] with { Moves = [new SopMove("konsultasi", MoveKind.Forward, "Ajukan")] };
            stages.Insert(1, new SopStage("konsultasi", "Konsultasi publik", [Features.Accounts.Roles.AdminKerjaSama], [], ["Masukan warga dicatat"], 10,
                [new SopMove("evaluasi", MoveKind.Forward, "Lanjutkan"), new SopMove("kak", MoveKind.Return, "Kembalikan untuk revisi")]));
            var (saved, problems, _) = await SopEditor.SaveAsync(db, Demo.Home, AgreementKind.Sinergi, stages, Actor.System);
            Assert.True(saved is not null, string.Join(" ", problems.Select(p => p.Message)));
            Assert.NotEmpty(SopEditor.Problems([.. stages.Select(s => s with { Moves = [.. s.Moves.Where(m => m.Kind != MoveKind.Return)] })]));
        });
        var fresh = await ProposalSteps.CreateAsync(app, "Usulan SOP baru", kind: "Sinergi");
        var operatorApi = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        await ProposalSteps.FulfilAsync(app, fresh, Demo.Accounts.DinkesOperator);
        Assert.Equal(["konsultasi"], Targets(await ProposalSteps.GetAsync(operatorApi, fresh)));
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, fresh, "konsultasi")).StatusCode);

        // The old one keeps its version: surat inisiasi, then all the way to the registry.
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        await ProposalSteps.FulfilAsync(app, old, Demo.Accounts.DinkesOperator);
        Assert.Equal(["surat-inisiasi"], Targets(await ProposalSteps.GetAsync(operatorApi, old)));
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, old, "surat-inisiasi")).StatusCode);
        await ProposalSteps.FulfilAsync(app, old, Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(admin, old, "evaluasi")).StatusCode);
        var tkksd = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        await ProposalSteps.FulfilAsync(app, old, Demo.Accounts.Tkksd);
        await ProposalSteps.VoteToQuorumAsync(app, old);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(tkksd, old, "nota-kesepakatan")).StatusCode);
        await ProposalSteps.FulfilAsync(app, old, Demo.Accounts.DinkesOperator);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(operatorApi, old, "penandatanganan")).StatusCode);
        await ProposalSteps.FulfilAsync(app, old, Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await ProposalSteps.MoveAsync(admin, old, SopVersion.Done)).StatusCode);
        var (oldRow, freshRow) = await app.WithDbAsync(async db => (await db.Proposals.Include(p => p.Sop).SingleAsync(p => p.Id == old), await db.Proposals.Include(p => p.Sop).SingleAsync(p => p.Id == fresh)));
        Assert.Equal(ProposalState.Selesai, oldRow.State);
        Assert.Equal(oldRow.Sop!.Number + 1, freshRow.Sop!.Number);
        Assert.Equal(AgreementDocumentType.NotaKesepakatan, (await app.WithDbAsync(db => db.Agreements.SingleAsync(a => a.Id == oldRow.AgreementId))).DocumentType);
    }
}

internal static class BrowserExtensions
{
    public static async Task<HttpResponseMessage> LoginThenGetAsync(this Browser browser, string email, string url)
    {
        await browser.LoginAsync(email);
        return await browser.Http.GetAsync(url);
    }
}

public sealed class ProposalWorkflowTestsOnSqlite(SqliteApp app) : ProposalWorkflowTests<SqliteApp>(app);

public sealed class ProposalWorkflowTestsOnPostgres(PostgresApp app) : ProposalWorkflowTests<PostgresApp>(app);
