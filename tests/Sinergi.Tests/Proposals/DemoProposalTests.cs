using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Features.Proposals;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Proposals;

public abstract class DemoProposalTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task The_demo_has_a_proposal_in_every_stage_and_each_case_the_issue_names()
    {
        var proposals = await app.WithDbAsync(db => db.Proposals.Include(p => p.Sop).Where(p => p.RegionCode == Demo.Home && p.CreatedByName == "Data demo").ToListAsync());
        var ksdpk = proposals.First(p => p.Kind == AgreementKind.Ksdpk).Sop!;
        Assert.All(ksdpk.Stages, s => Assert.Contains(proposals, p => p.Stage == s.Code));
        var dprd = proposals.Single(p => p.Title == Demo.Proposals.Dprd);
        Assert.True(dprd.DprdRequired);
        Assert.Equal("persetujuan-dprd", dprd.Stage);
        Assert.Equal(2, proposals.Single(p => p.Title == Demo.Proposals.Returned).Round);
        Assert.Equal(ProposalState.Ditolak, proposals.Single(p => p.Title == Demo.Proposals.Rejected).State);
        var offer = proposals.Single(p => p.Title == Demo.Proposals.FromOffer);
        Assert.Equal((AgreementKind.Ksdpk, true, Demo.Proposals.TrackingCode), (offer.Kind, offer.FromOffer, offer.TrackingCode));
        var completed = proposals.Single(p => p.Title == Demo.Proposals.Completed);
        var agreement = await app.WithDbAsync(db => db.Agreements.SingleAsync(a => a.Id == completed.AgreementId));
        Assert.Equal(Demo.Agreements.Stunting, agreement.Title);
        var fromKb = proposals.Single(p => p.Title == Demo.Proposals.FromKb);
        var kb = await app.WithDbAsync(db => db.Agreements.SingleAsync(a => a.Id == fromKb.ParentAgreementId));
        Assert.Equal(AgreementDocumentType.KesepakatanBersama, kb.DocumentType);
    }

    [Fact]
    public async Task A_pks_proposal_started_from_a_kb_inherits_its_partners_and_scope_and_skips_the_kb_stages()
    {
        var kb = await app.WithDbAsync(db => db.Agreements.Include(a => a.Partners)
            .FirstAsync(a => a.RegionCode == Demo.Home && a.DocumentType == AgreementDocumentType.KesepakatanBersama && a.Lifecycle == AgreementLifecycle.Aktif && a.Partners.Any()));
        var api = await ProposalSteps.ApiAsync(app, Demo.Accounts.DinkesOperator);
        var created = await api.PostAsJsonAsync("/api/v1/proposals", new
        {
            title = "PKS turunan KB", opdId = await ProposalSteps.OpdAsync(app, Demo.Opds.Dinkes), parentAgreementId = kb.Id, fundedInApbd = true,
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        var proposal = await app.WithDbAsync(db => db.Proposals.Include(p => p.Partners).SingleAsync(p => p.Id == id));
        Assert.Equal(kb.Kind, proposal.Kind);
        Assert.Equal(kb.Scope, proposal.Scope);
        Assert.Equal(kb.Partners.Select(p => p.Id).Order(), proposal.Partners.Select(p => p.Id).Order());
        await app.WithDbAsync(async db =>
        {
            var p = await db.Proposals.SingleAsync(x => x.Id == id);
            p.Stage = "rekomendasi";
            await db.SaveChangesAsync();
        });
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        var moves = (await ProposalSteps.GetAsync(admin, id)).GetProperty("allowedTransitions").EnumerateArray().Select(t => t.GetProperty("to").GetString()).ToList();
        Assert.Contains("penyusunan-pks", moves);
        Assert.DoesNotContain("penandatanganan-kb", moves);
    }
}

public sealed class DemoProposalTestsOnSqlite(SqliteApp app) : DemoProposalTests<SqliteApp>(app);

public sealed class DemoProposalTestsOnPostgres(PostgresApp app) : DemoProposalTests<PostgresApp>(app);
