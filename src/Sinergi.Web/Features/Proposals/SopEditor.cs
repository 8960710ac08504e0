using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;

namespace Sinergi.Features.Proposals;

/// <summary>A problem of an SOP edit: the field it belongs to (<c>Stages[2].Name</c>, or empty for the SOP as a whole) and the message a person reads.</summary>
public sealed record SopProblem(string Field, string Message);

/// <summary>The result of saving an SOP edit: the new version, or the problems, or a conflict with someone else's save.</summary>
public sealed record SopSave(SopVersion? Sop, List<SopProblem> Problems, bool Conflict = false);

/// <summary>
/// A region's edit of its SOP for one kind: checked as a whole and saved as the next version.
/// Running proposals keep the version they started on; new ones start on this one. The page in
/// Pengaturan and the API both save through here.
/// </summary>
public static partial class SopEditor
{
    public const int MaxStages = 20;
    public const int MaxMoves = 8;

    public static readonly string[] ActorRoles = [Roles.OpdOperator, Roles.AdminKerjaSama, Roles.Tkksd, Roles.Pimpinan];

    public static string ActorLabel(string role) => role == Roles.OpdOperator ? "Operator OPD penanggung jawab" : Roles.Label(role);

    public static string MoveKindLabel(MoveKind kind) => kind switch
    {
        MoveKind.Return => "Kembalikan untuk revisi",
        MoveKind.Reject => "Tolak",
        _ => "Lanjut",
    };

    public static string ConditionLabel(MoveCondition condition) => condition switch
    {
        MoveCondition.DprdRequired => "bila perlu persetujuan DPRD",
        MoveCondition.DprdNotRequired => "bila tidak perlu persetujuan DPRD",
        MoveCondition.QuorumReached => "setelah kuorum TKKSD",
        MoveCondition.FromKb => "PKS dari KB yang ada",
        MoveCondition.NotFromKb => "bukan dari KB yang ada",
        _ => "selalu",
    };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();

    /// <summary>The stages with their text trimmed and empty checklist lines dropped, as they are checked and saved.</summary>
    public static List<SopStage> Clean(IEnumerable<SopStage> stages) =>
    [
        .. stages.Select(s => new SopStage((s.Code ?? "").Trim().ToLowerInvariant(), (s.Name ?? "").Trim(), [.. (s.Actors ?? []).Distinct()],
            [.. (s.Documents ?? []).Distinct()], [.. (s.Checklist ?? []).Select(c => (c ?? "").Trim()).Where(c => c.Length > 0).Distinct()], s.DeadlineDays,
            [.. (s.Moves ?? []).Select(m => m with { To = (m.To ?? "").Trim(), Label = (m.Label ?? "").Trim() })])),
    ];

    /// <summary>The messages of <see cref="Check"/>, in order.</summary>
    public static List<string> Problems(IReadOnlyList<SopStage> stages) => [.. Check(stages).Select(p => p.Message)];

    /// <summary>Everything wrong with an SOP, each with the stage field it belongs to.</summary>
    public static List<SopProblem> Check(IReadOnlyList<SopStage> stages)
    {
        var problems = new List<SopProblem>();
        if (stages.Count == 0)
            return [new("", "SOP memerlukan paling sedikit satu tahap.")];
        if (stages.Count > MaxStages)
            problems.Add(new("", $"SOP paling banyak {MaxStages} tahap."));
        var codes = stages.Select(s => s.Code).ToList();
        foreach (var (stage, index) in stages.Select((s, i) => (s, i)))
        {
            var name = string.IsNullOrWhiteSpace(stage.Name) ? $"Tahap {index + 1}" : stage.Name;
            var at = $"Stages[{index}]";
            if (string.IsNullOrWhiteSpace(stage.Name))
                problems.Add(new($"{at}.Name", $"{name}: beri nama tahap."));
            else if (stage.Name.Length > 100)
                problems.Add(new($"{at}.Name", $"{name}: nama tahap paling panjang 100 karakter."));
            if (string.IsNullOrWhiteSpace(stage.Code) || stage.Code.Length > 40 || !CodePattern().IsMatch(stage.Code))
                problems.Add(new($"{at}.Code", $"{name}: kode tahap berupa huruf kecil, angka dan tanda hubung (paling panjang 40), misalnya konsultasi-publik."));
            else if (stage.Code is SopVersion.Done or SopVersion.Rejected)
                problems.Add(new($"{at}.Code", $"{name}: kode \"{stage.Code}\" dipakai untuk akhir usulan; pilih kode lain."));
            else if (codes.Count(c => c == stage.Code) > 1)
                problems.Add(new($"{at}.Code", $"{name}: kode \"{stage.Code}\" sudah dipakai tahap lain; setiap tahap memerlukan kode yang berbeda."));
            if (stage.Actors.Length == 0 || stage.Actors.Any(a => !ActorRoles.Contains(a)))
                problems.Add(new($"{at}.Actors", $"{name}: pelaksana tahap adalah Admin Kerja Sama, TKKSD, Operator OPD penanggung jawab atau Pimpinan."));
            if (stage.DeadlineDays is < 1 or > 365)
                problems.Add(new($"{at}.DeadlineDays", $"{name}: batas waktu 1 sampai 365 hari."));
            if (stage.Documents.Any(d => !ProposalDocumentTypes.Labels.ContainsKey(d)))
                problems.Add(new($"{at}.Documents", $"{name}: ada jenis dokumen yang tidak dikenal."));
            if (stage.Checklist.Any(c => c.Length > 200) || stage.Checklist.Length > 20)
                problems.Add(new($"{at}.Checklist", $"{name}: daftar periksa paling banyak 20 butir, masing-masing paling panjang 200 karakter."));
            if (stage.Moves.Length > MaxMoves)
                problems.Add(new($"{at}.Moves", $"{name}: paling banyak {MaxMoves} perpindahan."));
            if (stage.Moves.Any(m => string.IsNullOrWhiteSpace(m.Label) || m.Label.Length > 100))
                problems.Add(new($"{at}.Moves", $"{name}: setiap perpindahan memerlukan label tombol (paling panjang 100 karakter)."));
            if (stage.Moves.Any(m => m.To != SopVersion.Done && m.To != SopVersion.Rejected && !codes.Contains(m.To)))
                problems.Add(new($"{at}.Moves", $"{name}: ada perpindahan ke tahap yang tidak ada."));
            else if (stage.Moves.Any(m => m.To == stage.Code))
                problems.Add(new($"{at}.Moves", $"{name}: perpindahan tidak dapat menuju tahap itu sendiri."));
            if (stage.Moves.Any(m => m.Kind == MoveKind.Reject != (m.To == SopVersion.Rejected)))
                problems.Add(new($"{at}.Moves", $"{name}: penolakan selalu menuju \"Ditolak\", dan hanya penolakan yang menuju ke sana."));
            if (stage.Moves.Any(m => m.Kind == MoveKind.Return && m.To == SopVersion.Done))
                problems.Add(new($"{at}.Moves", $"{name}: pengembalian untuk revisi menuju tahap pengusul, bukan \"Selesai\"."));
            if (!stage.Moves.Any(m => m.Kind == MoveKind.Forward))
                problems.Add(new($"{at}.Moves", $"{name}: perlu paling sedikit satu perpindahan lanjut."));
            if (index > 0 && !stage.Moves.Any(m => m.Kind == MoveKind.Return))
                problems.Add(new($"{at}.Moves", $"{name}: setiap tahap sesudah tahap pertama harus dapat mengembalikan usulan untuk revisi."));
        }
        if (!stages.SelectMany(s => s.Moves).Any(m => m.To == SopVersion.Done && m.Kind == MoveKind.Forward))
            problems.Add(new("", "SOP harus berakhir pada tahap selesai (masuk daftar kerja sama)."));
        return problems;
    }

    /// <summary>
    /// Saves the stages as the region's next SOP version for the kind. <paramref name="expectedNumber"/>
    /// is the version the editor started from: when someone saved another in between, nothing is saved.
    /// </summary>
    public static async Task<SopSave> SaveAsync(AppDbContext db, string regionCode, AgreementKind kind,
        List<SopStage> stages, Actor actor, CancellationToken ct = default, int? expectedNumber = null)
    {
        if (!DefaultSops.Supports(kind))
            return new(null, [new("Kind", "SOP ditetapkan untuk KSDD, KSDPK dan Sinergi.")]);
        stages = Clean(stages);
        var problems = Check(stages);
        if (problems.Count > 0)
            return new(null, problems);
        var current = await DefaultSops.ReadAsync(db, regionCode, kind, ct);
        if (expectedNumber is int seen && seen != current.Number)
            return new(null, [new("", Stale(current))], Conflict: true);
        // Before the first edit the defaults are version 1, saved now so that the edit becomes version 2.
        if (current.Id == 0)
            current = await DefaultSops.CurrentAsync(db, regionCode, kind, ct);
        var next = new SopVersion { RegionCode = regionCode, Kind = kind, Number = current.Number + 1, Stages = stages, CreatedAt = db.UtcNow, CreatedByName = actor.Name };
        db.SopVersions.Add(next);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved the same next version at the same moment: the unique index kept theirs.
            db.Entry(next).State = EntityState.Detached;
            return new(null, [new("", Stale(await DefaultSops.ReadAsync(db, regionCode, kind, ct)))], Conflict: true);
        }
        db.AuditEvents.Add(AuditTrail.Entry(db, regionCode, AuditEntities.Sop, next.Id, AuditActions.Changed,
            [new AuditChange($"SOP {AgreementLabels.Code(kind)}", $"versi {current.Number}: {string.Join(" → ", current.Stages.Select(s => s.Name))}",
                $"versi {next.Number}: {string.Join(" → ", stages.Select(s => s.Name))}")], actor));
        await db.SaveChangesAsync(ct);
        return new(next, []);
    }

    private static string Stale(SopVersion current) =>
        $"SOP {AgreementLabels.Code(current.Kind)} baru saja disimpan oleh {current.CreatedByName} (sekarang versi {current.Number}). Muat ulang, periksa tahapnya, lalu ulangi perubahan Anda.";
}
