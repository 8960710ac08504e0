using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;

namespace Sinergi.Features.Proposals;

/// <summary>
/// A region's rubric and quorum for the TKKSD's assessment of proposals: checked and saved here,
/// for the page in Pengaturan and the API alike. Votes already cast keep the weights they were cast with.
/// </summary>
public static class ProposalSettingsEditor
{
    public static string QuorumText(int? minimum) => minimum is int n ? $"{n} anggota" : "mayoritas anggota";

    public static async Task<Dictionary<string, string[]>> SaveAsync(AppDbContext db, string regionCode, IReadOnlyList<RubricCriterion> criteria, int? quorumMinimum,
        Actor actor, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var cleaned = criteria.Select(c => new RubricCriterion(Web.Text.Clean(c.Name) ?? "", c.Weight)).Where(c => c.Name != "" || c.Weight != 0).ToList();
        if (cleaned.Count == 0)
            problems["Criteria"] = ["Tentukan sedikitnya satu kriteria penilaian."];
        for (var i = 0; i < cleaned.Count; i++)
        {
            if (cleaned[i].Name == "" || cleaned[i].Name.Length > 100)
                problems[$"Criteria[{i}].Name"] = ["Tuliskan nama kriteria (paling panjang 100 karakter)."];
            if (cleaned[i].Weight is < 1 or > 100)
                problems[$"Criteria[{i}].Weight"] = ["Bobot kriteria antara 1 dan 100."];
        }
        if (cleaned.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Any(g => g.Key != "" && g.Count() > 1))
            problems["Criteria"] = ["Setiap kriteria ditulis satu kali; nama kriteria harus berbeda."];
        else if (cleaned.Count > 0 && cleaned.Sum(c => c.Weight) != 100)
            problems["Criteria"] = [$"Jumlah bobot harus 100; sekarang {cleaned.Sum(c => c.Weight)}."];
        if (quorumMinimum is int n)
        {
            var members = await ProposalVotes.MembersAsync(db, regionCode, ct);
            if (n < 1)
                problems["QuorumMinimum"] = ["Kuorum paling sedikit 1 anggota."];
            else if (n > members)
                problems["QuorumMinimum"] = [$"Kuorum {n} anggota melebihi jumlah anggota TKKSD daerah ini ({members}); kuorum tidak akan pernah tercapai."];
        }
        if (problems.Count > 0)
            return problems;
        var settings = await db.ProposalSettings.SingleOrDefaultAsync(s => s.RegionCode == regionCode, ct);
        var before = settings ?? new ProposalSettings { RegionCode = regionCode, Criteria = [.. ProposalSettings.DefaultCriteria] };
        var changes = new List<AuditChange>();
        if (!before.Criteria.SequenceEqual(cleaned))
            changes.Add(new("Rubrik penilaian usulan", string.Join(", ", before.Criteria.Select(c => $"{c.Name} {c.Weight}")), string.Join(", ", cleaned.Select(c => $"{c.Name} {c.Weight}"))));
        if (before.QuorumMinimum != quorumMinimum)
            changes.Add(new("Kuorum TKKSD", QuorumText(before.QuorumMinimum), QuorumText(quorumMinimum)));
        if (settings is null)
            db.ProposalSettings.Add(settings = new ProposalSettings { RegionCode = regionCode });
        settings.Criteria = cleaned;
        settings.QuorumMinimum = quorumMinimum;
        if (changes.Count > 0)
            db.AuditEvents.Add(AuditTrail.Entry(db, regionCode, AuditEntities.ProposalSettings, 0, AuditActions.Changed, changes, actor));
        await db.SaveChangesAsync(ct);
        return problems;
    }
}
