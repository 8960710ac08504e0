using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Potentials;
using Sinergi.Features.Proposals;
using Sinergi.Features.Tkksd;
using Sinergi.Tenancy;
using Sinergi.Tests.Proposals;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Tkksd;

/// <summary>
/// An old assessment still shows who was what in the TKKSD then: a member who became sekretaris
/// after voting is shown as anggota on the old vote and score, and as sekretaris on a new one.
/// A fixture of its own: the test changes a demo member's position.
/// </summary>
public abstract class PositionHistoryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task A_member_whose_position_changed_after_voting_is_shown_with_the_old_position_on_the_old_vote()
    {
        var today = RegionClock.Today(app.Clock, Demo.Home);
        var then = app.Clock.GetUtcNow().UtcDateTime.AddDays(-20);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Accounts.Tkksd).Select(u => u.Id).SingleAsync());
        var membership = await app.WithDbAsync(db => db.TkksdMembers.IgnoreQueryFilters().SingleAsync(m => m.UserId == userId && m.EndsOn == null));
        Assert.Equal(TkksdPosition.Anggota, membership.Position);

        // Twenty days ago, as anggota: a vote on a proposal and a score of a potential.
        // A proposal this member has not scored in its round, and two potentials of their own (other tests on the same database score the demo's).
        var proposal = await app.WithDbAsync(db => db.Proposals.IgnoreQueryFilters()
            .Where(p => p.RegionCode == Demo.Home && !db.ProposalVotes.Any(v => v.ProposalId == p.Id && v.Round == p.Round && v.UserId == userId))
            .OrderBy(p => p.Id).FirstAsync());
        var (oldPotential, newPotential) = await app.WithDbAsync(async db =>
        {
            var model = await db.Potentials.IgnoreQueryFilters().Where(p => p.RegionCode == Demo.Home).OrderBy(p => p.Id).FirstAsync();
            var made = Enumerable.Range(1, 2).Select(n => new Potential
            {
                RegionCode = Demo.Home, Name = $"Potensi uji kedudukan {n}", Sector = model.Sector, UrusanCode = model.UrusanCode, OpdId = model.OpdId,
                State = model.State, CreatedByName = "Uji", Latitude = model.Latitude, Longitude = model.Longitude, Kecamatan = model.Kecamatan,
            }).ToList();
            db.Potentials.AddRange(made);
            await db.SaveChangesAsync();
            var ids = made.Select(p => p.Id).ToList();
            db.ProposalVotes.Add(new ProposalVote { ProposalId = proposal.Id, Round = proposal.Round, UserId = userId, UserName = "Anggota Lama", RoleLabel = "Anggota TKKSD",
                At = then, Opinion = "Layak dilanjutkan.", Scores = [new("Kelayakan", 100, 4)] });
            db.PotentialScores.Add(new PotentialScore { PotentialId = ids[0], UserId = userId, UserName = "Anggota Lama", At = then, Scores = [new("Nilai ekonomi", 100, 4)] });
            await db.SaveChangesAsync();
            return (ids[0], ids[1]);
        });

        // Then the register changes: the membership as anggota ends yesterday, a new one as sekretaris starts today.
        var admin = await ProposalSteps.ApiAsync(app, Demo.Accounts.Admin);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/tkksd/members/{membership.Id}/end", new { endsOn = today.AddDays(-1) })).StatusCode);
        var added = await admin.PostAsJsonAsync("/api/v1/tkksd/members", new { userId, position = "Sekretaris", office = membership.Office, startsOn = today });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);

        // A new score today, as sekretaris.
        var tkksd = await ProposalSteps.ApiAsync(app, Demo.Accounts.Tkksd);
        var criteria = await app.WithDbAsync(db => PotentialRanking.SettingsAsync(db, Demo.Home));
        var scored = await tkksd.PostAsJsonAsync($"/api/v1/potentials/{newPotential}/scores", new { scores = criteria.Criteria.ToDictionary(c => c.Name, _ => 4) });
        Assert.Equal(HttpStatusCode.OK, scored.StatusCode);

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var proposalPage = await browser.GetAsync($"/Proposals/Details/{proposal.Id}");
        var oldVote = proposalPage.QuerySelectorAll(".vote-table tbody tr").Single(r => r.TextContent.Contains("Anggota Lama", StringComparison.Ordinal));
        Assert.Equal("Anggota", oldVote.QuerySelector(".vote-position")!.TextContent.Trim());
        var oldScore = (await browser.GetAsync($"/Potentials/Details/{oldPotential}")).QuerySelectorAll("#score-table tbody tr").Single(r => r.TextContent.Contains("Anggota Lama", StringComparison.Ordinal));
        Assert.Equal("Anggota", oldScore.QuerySelector(".score-position")!.TextContent.Trim());
        var newScore = Assert.Single((await browser.GetAsync($"/Potentials/Details/{newPotential}")).QuerySelectorAll("#score-table tbody tr"), r => r.QuerySelector(".score-position")!.TextContent.Trim() == "Sekretaris");
        Assert.NotNull(newScore);
        // The register of today says sekretaris; the API's vote says anggota, as of then.
        Assert.Contains("Sekretaris", (await browser.GetAsync("/Tkksd/Members")).Text("#member-table"));
        var votes = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/proposals/{proposal.Id}/votes");
        Assert.Contains(votes.GetProperty("items").EnumerateArray(), v => v.GetProperty("member").GetString() == "Anggota Lama" && v.GetProperty("position").GetString() == "Anggota");
    }
}

public sealed class PositionHistoryTestsOnSqlite(SqliteApp app) : PositionHistoryTests<SqliteApp>(app);

public sealed class PositionHistoryTestsOnPostgres(PostgresApp app) : PositionHistoryTests<PostgresApp>(app);
