using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Proposals;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Proposals;

/// <summary>Making and moving proposals the way people do: through the API as a demo account, with documents and ticks recorded by the app's own methods.</summary>
public static class ProposalSteps
{
    public static async Task<HttpClient> ApiAsync(SinergiApp app, string email)
    {
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return api;
    }

    public static async Task<ProposalCaller> CallerAsync(AppDbContext db, string email)
    {
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return new ProposalCaller(user.RegionCode, user.OpdId, roles.ToHashSet(), new Actor(user.Id, user.FullName));
    }

    public static Task<int> OpdAsync(SinergiApp app, string shortName) =>
        app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == shortName).Select(o => o.Id).SingleAsync());

    public static Task<int> PartnerAsync(SinergiApp app) =>
        app.WithDbAsync(db => db.Partners.Where(p => p.RegionCode == Demo.Home).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    /// <summary>A new proposal of the Dinkes operator, through the API; its id.</summary>
    public static async Task<int> CreateAsync(SinergiApp app, string title, string kind = "Ksdpk", bool fundedInApbd = true, bool burdensPublic = false, string email = Demo.Accounts.DinkesOperator,
        string? overlapReason = "Uji: dilanjutkan walau serupa dengan kerja sama yang ada.")
    {
        var api = await ApiAsync(app, email);
        var response = await api.PostAsJsonAsync("/api/v1/proposals", new
        {
            kind, title, scope = "Layanan kesehatan bersama", opdId = await OpdAsync(app, Demo.Opds.Dinkes), partnerIds = new[] { await PartnerAsync(app) },
            urusan = new[] { "1.02" }, durationMonths = 24, fundedInApbd, burdensPublic, overlapReason,
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt32();
    }

    public static async Task<JsonElement> GetAsync(HttpClient api, int id)
    {
        var response = await api.GetAsync($"/api/v1/proposals/{id}");
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    public static Task<HttpResponseMessage> MoveAsync(HttpClient api, int id, string to, string? reason = null, int? version = null) =>
        api.PostAsJsonAsync($"/api/v1/proposals/{id}/transitions", new { to, reason, version });

    /// <summary>Satisfies what the current stage requires: a version of each missing document and every checklist tick, as an actor of the stage.</summary>
    public static Task FulfilAsync(SinergiApp app, int id, string email) => app.WithDbAsync(async db =>
    {
        var caller = await CallerAsync(db, email);
        var proposal = (await Features.Proposals.Proposals.LoadAsync(db, id))!;
        var stage = proposal.Sop!.Stage(proposal.Stage)!;
        var files = app.Services.GetRequiredService<Sinergi.Infrastructure.Files.FileStore>();
        foreach (var type in stage.Documents)
        {
            using var pdf = new MemoryStream(TestFiles.Pdf($"{type} {id}"));
            var (saved, problems) = await Features.Proposals.Proposals.UploadAsync(db, files, caller, proposal, type, $"{type}.pdf", pdf, 10_000_000);
            Assert.True(saved is not null, string.Join(" ", problems.Values.SelectMany(v => v)));
        }
        foreach (var item in stage.Checklist)
            Assert.Null(await Features.Proposals.Proposals.CheckAsync(db, caller, proposal, item, true));
        // A signing stage is left with a signed date: a desk-to-desk signing scheduled for today gives it.
        if (ProposalSigning.IsSigningStage(stage) && await ProposalSigning.CurrentAsync(db, id, stage.Code) is null)
        {
            var (schedule, problems, _) = await ProposalSigning.ScheduleAsync(db, caller, proposal,
                new SigningRequest(SigningMode.DeskToDesk, global::Sinergi.Tenancy.RegionClock.Today(app.Clock, proposal.RegionCode), null, null, null, null), app.Clock);
            Assert.True(schedule is not null, string.Join(" ", problems.Values.SelectMany(v => v)));
        }
    });

    /// <summary>Every TKKSD member of the home region votes until the quorum is reached.</summary>
    public static Task VoteToQuorumAsync(SinergiApp app, int id) => app.WithDbAsync(async db =>
    {
        var role = await db.Roles.Where(r => r.Name == Roles.Tkksd).Select(r => r.Id).SingleAsync();
        var members = await db.Users.Where(u => u.RegionCode == Demo.Home && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role)).Select(u => u.Email!).ToListAsync();
        foreach (var email in members)
        {
            var proposal = (await Features.Proposals.Proposals.LoadAsync(db, id))!;
            if ((await ProposalVotes.QuorumAsync(db, proposal)).Reached)
                return;
            var settings = await ProposalVotes.SettingsAsync(db, Demo.Home);
            var (vote, problems) = await ProposalVotes.CastAsync(db, await CallerAsync(db, email), proposal, settings.Criteria.ToDictionary(c => c.Name, _ => 4), "Layak dilanjutkan.");
            Assert.True(vote is not null || problems["Vote"][0].Contains("sudah memberi"), string.Join(" ", problems.Values.SelectMany(v => v)));
        }
    });
}
