using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Proposals;

namespace Sinergi.Features.Potentials;

/// <summary>
/// The TKKSD's ranking of the priority objects of cooperation: each member scores each potential
/// once, 1–5 per criterion of the region's weighted criteria, and the ranked list orders the
/// potentials by the mean of their weighted scores.
/// </summary>
public static class PotentialRanking
{
    public const string TwiceMessage = "Anda sudah memberi nilai untuk potensi ini; setiap anggota TKKSD menilai satu kali.";

    public sealed record CriterionMean(string Criterion, int Weight, decimal Mean);

    public sealed record Ranked(int Rank, int Id, string Name, string Sector, string UrusanCode, string Opd, PotentialState State,
        decimal? Score, int Scores, int Members, IReadOnlyList<CriterionMean> Means);

    public static async Task<PotentialSettings> SettingsAsync(AppDbContext db, string regionCode, CancellationToken ct = default) =>
        await db.PotentialSettings.AsNoTracking().SingleOrDefaultAsync(s => s.RegionCode == regionCode, ct)
        ?? new PotentialSettings { RegionCode = regionCode, Criteria = [.. PotentialSettings.DefaultCriteria] };

    /// <summary>Saves the region's criteria: each named once, weights 1–100 adding up to 100.</summary>
    public static async Task<Dictionary<string, string[]>> SaveSettingsAsync(AppDbContext db, string regionCode, IReadOnlyList<RubricCriterion> criteria, Actor actor, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var cleaned = criteria.Select(c => new RubricCriterion(Web.Text.Clean(c.Name) ?? "", c.Weight)).Where(c => c.Name != "" || c.Weight != 0).ToList();
        if (cleaned.Count == 0)
            problems["Criteria"] = ["Tentukan sedikitnya satu kriteria."];
        for (var i = 0; i < cleaned.Count; i++)
        {
            if (cleaned[i].Name == "" || cleaned[i].Name.Length > 100)
                problems[$"Criteria[{i}].Name"] = ["Tuliskan nama kriteria (paling panjang 100 karakter)."];
            if (cleaned[i].Weight is < 1 or > 100)
                problems[$"Criteria[{i}].Weight"] = ["Bobot kriteria antara 1 dan 100."];
        }
        if (cleaned.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            problems["Criteria"] = ["Setiap kriteria ditulis satu kali."];
        else if (cleaned.Count > 0 && cleaned.Sum(c => c.Weight) != 100)
            problems["Criteria"] = [$"Jumlah bobot harus 100; sekarang {cleaned.Sum(c => c.Weight)}."];
        if (problems.Count > 0)
            return problems;
        var settings = await db.PotentialSettings.SingleOrDefaultAsync(s => s.RegionCode == regionCode, ct);
        var before = settings is null ? null : string.Join(", ", settings.Criteria.Select(c => $"{c.Name} {c.Weight}"));
        if (settings is null)
            db.PotentialSettings.Add(settings = new PotentialSettings { RegionCode = regionCode });
        settings.Criteria = cleaned;
        db.AuditEvents.Add(AuditTrail.Entry(db, regionCode, AuditEntities.Potential, 0, AuditActions.Changed,
            [new AuditChange("Kriteria peringkat potensi", before, string.Join(", ", cleaned.Select(c => $"{c.Name} {c.Weight}")))], actor));
        await db.SaveChangesAsync(ct);
        return problems;
    }

    /// <summary>Records a member's scores of a potential; a second scoring by the same member is refused and changes nothing.</summary>
    public static async Task<(PotentialScore? Score, Dictionary<string, string[]> Problems)> ScoreAsync(AppDbContext db, ProposalCaller caller, Potential potential,
        IReadOnlyDictionary<string, int> scores, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        if (!PotentialAccess.CanScore(caller, potential))
            return (null, new() { ["Score"] = ["Hanya anggota TKKSD daerah ini yang dapat menilai potensi."] });
        if (await db.PotentialScores.AnyAsync(s => s.PotentialId == potential.Id && s.UserId == caller.Actor.UserId, ct))
            return (null, new() { ["Score"] = [TwiceMessage] });
        var settings = await SettingsAsync(db, potential.RegionCode, ct);
        var rows = new List<VoteScore>();
        foreach (var criterion in settings.Criteria)
        {
            if (!scores.TryGetValue(criterion.Name, out var score) || score is < 1 or > 5)
                problems[$"Scores[{criterion.Name}]"] = [$"Beri nilai 1 sampai 5 untuk \"{criterion.Name}\"."];
            else
                rows.Add(new VoteScore(criterion.Name, criterion.Weight, score));
        }
        if (problems.Count > 0)
            return (null, problems);
        var row = new PotentialScore { PotentialId = potential.Id, UserId = caller.Actor.UserId!, UserName = caller.Actor.Name, At = db.UtcNow, Scores = rows };
        db.PotentialScores.Add(row);
        db.AuditEvents.Add(AuditTrail.Entry(db, potential.RegionCode, AuditEntities.Potential, potential.Id, "Penilaian TKKSD",
            [new AuditChange("Nilai", null, $"{caller.Actor.Name}: {row.WeightedScore:0.#}")], caller.Actor));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same member's second scoring arriving at the same moment: the unique index refused it.
            db.ChangeTracker.Clear();
            return (null, new() { ["Score"] = [TwiceMessage] });
        }
        return (row, problems);
    }

    /// <summary>The region's potentials, best first: scored ones by their mean weighted score, then the unscored by name.</summary>
    public static async Task<List<Ranked>> RankAsync(AppDbContext db, string regionCode, CancellationToken ct = default)
    {
        var potentials = await db.Potentials.IgnoreQueryFilters().AsNoTracking().Where(p => p.RegionCode == regionCode)
            .Select(p => new { p.Id, p.Name, p.Sector, p.UrusanCode, Opd = p.Opd!.ShortName, p.State }).ToListAsync(ct);
        var ids = potentials.Select(p => p.Id).ToList();
        var scores = (await db.PotentialScores.AsNoTracking().Where(s => ids.Contains(s.PotentialId)).ToListAsync(ct)).ToLookup(s => s.PotentialId);
        var members = await ProposalVotes.MembersAsync(db, regionCode, ct);
        var settings = await SettingsAsync(db, regionCode, ct);
        var rows = potentials.Select(p =>
        {
            var own = scores[p.Id].ToList();
            var means = settings.Criteria.Select(c => new CriterionMean(c.Name, c.Weight,
                own.SelectMany(s => s.Scores).Where(s => s.Criterion == c.Name).Select(s => (decimal)s.Score).DefaultIfEmpty(0).Average())).ToList();
            decimal? score = own.Count == 0 ? null : Math.Round(own.Average(s => s.WeightedScore), 1);
            return (p, score, own.Count, means);
        }).OrderByDescending(r => r.score ?? -1).ThenBy(r => r.p.Name, StringComparer.CurrentCulture).ToList();
        return rows.Select((r, i) => new Ranked(i + 1, r.p.Id, r.p.Name, r.p.Sector, r.p.UrusanCode, r.p.Opd, r.p.State, r.score, r.Item3, members, r.means)).ToList();
    }
}
