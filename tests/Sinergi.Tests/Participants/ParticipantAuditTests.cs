using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Participants;

/// <summary>Participants in the audit trail (never their NIM or membership number), and the participant API's If-Match.</summary>
public abstract class ParticipantAuditTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private Task<List<AuditEvent>> AuditOfAsync(int participantId) =>
        app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == AuditEntities.Participant && e.EntityId == participantId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Changes_need_the_current_version_and_every_add_change_and_removal_is_audited_without_personal_numbers()
    {
        var id = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Title == Demo.Agreements.Stunting).Select(a => a.Id).SingleAsync());
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.DinkesOperator));
        var opd = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == Demo.Opds.Dinkes).Select(o => o.Id).SingleAsync());
        var body = new Dictionary<string, object?>
        {
            ["name"] = "Rahmat Hidayat", ["studentNumber"] = "203010501777", ["programme"] = "Kesehatan Masyarakat", ["placementOpdId"] = opd,
            ["startsOn"] = "2026-11-01", ["endsOn"] = "2027-01-31", ["supervisor"] = "dr. Yuliana Dewi", ["bpjsRegistered"] = true,
            ["bpjsNumber"] = "22031234567", ["bpjsValidUntil"] = "2027-01-31",
        };
        var created = await client.PostAsJsonAsync($"/api/v1/agreements/{id}/participants", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var participant = await created.Content.ReadFromJsonAsync<JsonElement>();
        var pid = participant.GetProperty("id").GetInt32();
        Assert.Equal($"\"{participant.GetProperty("version").GetInt32()}\"", created.Headers.ETag!.Tag);

        var added = Assert.Single(await AuditOfAsync(pid));
        Assert.Equal(AuditActions.Created, added.Action);
        Assert.Contains(added.Changes, c => c.Field == "Nama" && c.New == "Rahmat Hidayat");
        Assert.Contains(added.Changes, c => c.Field == "BPJS Ketenagakerjaan" && c.New == "Terdaftar");
        Assert.DoesNotContain(added.Changes, c => (c.New ?? "").Contains("203010501777") || (c.New ?? "").Contains("22031234567"));

        // Without If-Match: 428; with a stale one: 412; nothing changes.
        var change = new Dictionary<string, object?>(body) { ["supervisor"] = "Ns. Maria Ulfa, S.Kep." };
        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.PutAsJsonAsync($"/api/v1/participants/{pid}", change)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/participants/{pid}") { Content = JsonContent.Create(change) };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"99\""));
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        Assert.Equal("dr. Yuliana Dewi", await app.WithDbAsync(db => db.Participants.Where(p => p.Id == pid).Select(p => p.Supervisor).SingleAsync()));

        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/participants/{pid}") { Content = JsonContent.Create(change) };
        put.Headers.IfMatch.Add(created.Headers.ETag!);
        var changed = await client.SendAsync(put);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(created.Headers.ETag!.Tag, changed.Headers.ETag!.Tag);
        // The old ETag no longer fits: a second writer with it gets 412.
        var late = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/participants/{pid}") { Content = JsonContent.Create(body) };
        late.Headers.IfMatch.Add(created.Headers.ETag!);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(late)).StatusCode);

        var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/participants/{pid}");
        delete.Headers.IfMatch.Add(changed.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NoContent, (await client.SendAsync(delete)).StatusCode);

        var trail = await AuditOfAsync(pid);
        Assert.Equal([AuditActions.Created, AuditActions.Changed, AuditActions.Deleted], trail.Select(e => e.Action));
        Assert.Contains(trail[1].Changes, c => c.Field == "Pembimbing" && c.Old == "dr. Yuliana Dewi" && c.New == "Ns. Maria Ulfa, S.Kep.");
        Assert.Equal(2, trail[1].Changes.Count);
        Assert.Contains(trail[2].Changes, c => c.Field == "Nama" && c.Old == "Rahmat Hidayat" && c.New == null);
        var dinkes = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Accounts.DinkesOperator).Select(u => u.Id).SingleAsync());
        Assert.All(trail, e => Assert.Equal(dinkes, e.UserId));
        Assert.All(trail, e => Assert.DoesNotContain(e.Changes, c => (c.Old ?? c.New ?? "").Contains("203010501777") || (c.Old ?? c.New ?? "").Contains("22031234567")));
    }
}

public sealed class ParticipantAuditTestsOnSqlite(SqliteApp app) : ParticipantAuditTests<SqliteApp>(app);

public sealed class ParticipantAuditTestsOnPostgres(PostgresApp app) : ParticipantAuditTests<PostgresApp>(app);
