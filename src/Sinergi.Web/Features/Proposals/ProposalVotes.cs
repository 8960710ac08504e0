using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;

namespace Sinergi.Features.Proposals;

/// <summary>
/// The TKKSD's assessment: each member's scores and opinion as one row per round, and the
/// region's quorum. Until there is a register of TKKSD members, the members are the region's
/// active accounts with the TKKSD role.
/// </summary>
public static class ProposalVotes
{
    public sealed record Quorum(int Votes, int Members, int Needed, string Rule)
    {
        public bool Reached => Votes >= Needed && Needed > 0;
    }

    public static async Task<ProposalSettings> SettingsAsync(AppDbContext db, string regionCode, CancellationToken ct = default) =>
        await db.ProposalSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode, ct)
        ?? new ProposalSettings { RegionCode = regionCode, Criteria = [.. ProposalSettings.DefaultCriteria] };

    /// <summary>
    /// How many can vote, in one query: with a register (Features/Tkksd), its members of today who
    /// hold the TKKSD role and are active; without one, the region's active accounts with the role.
    /// </summary>
    public static async Task<int> MembersAsync(AppDbContext db, string regionCode, CancellationToken ct = default)
    {
        var today = db.TodayIn(regionCode);
        var register = db.TkksdMembers.IgnoreQueryFilters().Where(m => m.RegionCode == regionCode);
        var voters = db.Users.Where(u => u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Tkksd)));
        return await db.Regions.Where(r => r.Code == regionCode)
            .Select(r => register.Any()
                ? voters.Count(u => register.Any(m => m.UserId == u.Id && m.StartsOn <= today && (m.EndsOn == null || m.EndsOn >= today)))
                : voters.Count(u => u.RegionCode == regionCode))
            .FirstOrDefaultAsync(ct);
    }

    public static async Task<Quorum> QuorumAsync(AppDbContext db, Proposal proposal, CancellationToken ct = default) =>
        await QuorumAsync(db, proposal, await SettingsAsync(db, proposal.RegionCode, ct), ct);

    /// <summary>The quorum under the region's <paramref name="settings"/>, already read.</summary>
    public static async Task<Quorum> QuorumAsync(AppDbContext db, Proposal proposal, ProposalSettings settings, CancellationToken ct = default)
    {
        var members = await MembersAsync(db, proposal.RegionCode, ct);
        var votes = await db.ProposalVotes.CountAsync(v => v.ProposalId == proposal.Id && v.Round == proposal.Round, ct);
        var (needed, rule) = settings.QuorumMinimum is int n
            ? (n, $"{n} dari {members} anggota")
            : (members / 2 + 1, $"mayoritas anggota ({members / 2 + 1} dari {members})");
        return new Quorum(votes, members, needed, rule);
    }

    public static Task<List<ProposalVote>> ListAsync(AppDbContext db, int proposalId, int round, CancellationToken ct = default) =>
        db.ProposalVotes.AsNoTracking().Where(v => v.ProposalId == proposalId && v.Round == round).OrderBy(v => v.At).ThenBy(v => v.Id).ToListAsync(ct);

    /// <summary>Records a member's vote on the current round; a second vote by the same member is refused.</summary>
    public static async Task<(ProposalVote? Vote, Dictionary<string, string[]> Problems)> CastAsync(AppDbContext db, ProposalCaller caller, Proposal proposal,
        IReadOnlyDictionary<string, int> scores, string? opinion, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var sop = proposal.Sop ?? await db.SopVersions.IgnoreQueryFilters().SingleAsync(s => s.Id == proposal.SopVersionId, ct);
        var stage = sop.Stage(proposal.Stage);
        if (!caller.Is(Roles.Tkksd) || caller.RegionCode != proposal.RegionCode || caller.Actor.UserId is null)
            problems["Vote"] = ["Hanya anggota TKKSD daerah ini yang dapat memberi penilaian."];
        else if (stage is null || !stage.Moves.Any(m => m.Condition == MoveCondition.QuorumReached) || proposal.State != ProposalState.Berjalan)
            problems["Vote"] = ["Penilaian TKKSD hanya diberikan saat usulan berada pada tahap pembahasan TKKSD."];
        else if (await db.ProposalVotes.AnyAsync(v => v.ProposalId == proposal.Id && v.Round == proposal.Round && v.UserId == caller.Actor.UserId, ct))
            problems["Vote"] = ["Anda sudah memberi penilaian untuk usulan ini; setiap anggota menilai satu kali."];
        var settings = await SettingsAsync(db, proposal.RegionCode, ct);
        var rows = new List<VoteScore>();
        foreach (var criterion in settings.Criteria)
        {
            if (!scores.TryGetValue(criterion.Name, out var score) || score is < 1 or > 5)
                problems[$"Scores[{criterion.Name}]"] = [$"Beri nilai 1 sampai 5 untuk \"{criterion.Name}\"."];
            else
                rows.Add(new VoteScore(criterion.Name, criterion.Weight, score));
        }
        var text = Web.Text.CleanLines(opinion);
        if (text is null)
            problems["Opinion"] = ["Tuliskan pendapat Anda tentang usulan ini."];
        else if (text.Length > 4000)
            problems["Opinion"] = ["Pendapat paling panjang 4.000 karakter."];
        if (problems.Count > 0)
            return (null, problems);
        var vote = new ProposalVote
        {
            ProposalId = proposal.Id, Round = proposal.Round, UserId = caller.Actor.UserId!, UserName = caller.Actor.Name,
            RoleLabel = Roles.Label(Roles.Tkksd), At = db.UtcNow, Scores = rows, Opinion = text!,
        };
        db.ProposalVotes.Add(vote);
        db.AuditEvents.Add(AuditTrail.Entry(db, proposal.RegionCode, AuditEntities.Proposal, proposal.Id, "Penilaian TKKSD",
            [new AuditChange("Penilaian", null, $"{caller.Actor.Name}: {vote.WeightedScore:0.#}")], caller.Actor));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same member's second vote arriving at the same moment: the unique index refused it.
            db.ChangeTracker.Clear();
            return (null, new() { ["Vote"] = ["Anda sudah memberi penilaian untuk usulan ini; setiap anggota menilai satu kali."] });
        }
        return (vote, problems);
    }
}
