using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;

namespace Sinergi.Features.Proposals;

/// <summary>
/// A region's edit of its SOP for one kind: checked as a whole and saved as the next version.
/// Running proposals keep the version they started on; new ones start on this one.
/// </summary>
public static class SopEditor
{
    public static List<string> Problems(IReadOnlyList<SopStage> stages)
    {
        var problems = new List<string>();
        if (stages.Count == 0)
            return ["SOP memerlukan paling sedikit satu tahap."];
        var codes = stages.Select(s => s.Code).ToList();
        if (codes.Distinct().Count() != codes.Count)
            problems.Add("Setiap tahap memerlukan kode yang berbeda.");
        foreach (var (stage, index) in stages.Select((s, i) => (s, i)))
        {
            var name = string.IsNullOrWhiteSpace(stage.Name) ? $"Tahap {index + 1}" : stage.Name;
            if (string.IsNullOrWhiteSpace(stage.Name))
                problems.Add($"{name}: beri nama tahap.");
            if (stage.Actors.Length == 0 || stage.Actors.Any(a => a is not (Roles.AdminKerjaSama or Roles.Tkksd or Roles.OpdOperator or Roles.Pimpinan)))
                problems.Add($"{name}: pelaksana tahap adalah Admin Kerja Sama, TKKSD, Operator OPD penanggung jawab atau Pimpinan.");
            if (stage.DeadlineDays is < 1 or > 365)
                problems.Add($"{name}: batas waktu 1 sampai 365 hari.");
            if (stage.Documents.Any(d => !ProposalDocumentTypes.Labels.ContainsKey(d)))
                problems.Add($"{name}: ada jenis dokumen yang tidak dikenal.");
            if (stage.Moves.Any(m => m.To != SopVersion.Done && m.To != SopVersion.Rejected && !codes.Contains(m.To)))
                problems.Add($"{name}: ada perpindahan ke tahap yang tidak ada.");
            if (!stage.Moves.Any(m => m.Kind == MoveKind.Forward))
                problems.Add($"{name}: perlu paling sedikit satu perpindahan lanjut.");
            if (index > 0 && !stage.Moves.Any(m => m.Kind == MoveKind.Return))
                problems.Add($"{name}: setiap tahap sesudah tahap pertama harus dapat mengembalikan usulan untuk revisi.");
        }
        if (!stages.SelectMany(s => s.Moves).Any(m => m.To == SopVersion.Done))
            problems.Add("SOP harus berakhir pada tahap selesai (masuk daftar kerja sama).");
        return problems;
    }

    public static async Task<(SopVersion? Sop, List<string> Problems)> SaveAsync(AppDbContext db, string regionCode, AgreementKind kind,
        List<SopStage> stages, Actor actor, CancellationToken ct = default)
    {
        var problems = Problems(stages);
        if (problems.Count > 0)
            return (null, problems);
        var current = await DefaultSops.CurrentAsync(db, regionCode, kind, ct);
        var next = new SopVersion { RegionCode = regionCode, Kind = kind, Number = current.Number + 1, Stages = stages, CreatedAt = db.UtcNow, CreatedByName = actor.Name };
        db.SopVersions.Add(next);
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(AuditTrail.Entry(db, regionCode, AuditEntities.Sop, next.Id, AuditActions.Changed,
            [new AuditChange($"SOP {AgreementLabels.Code(kind)}", $"versi {current.Number}: {string.Join(" → ", current.Stages.Select(s => s.Name))}",
                $"versi {next.Number}: {string.Join(" → ", stages.Select(s => s.Name))}")], actor));
        await db.SaveChangesAsync(ct);
        return (next, problems);
    }
}
