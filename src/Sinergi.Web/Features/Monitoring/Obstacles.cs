using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// Recording and following up a kendala; the page and the API both call these. Problems are keyed
/// by <see cref="ObstacleDraft"/>'s properties.
/// </summary>
public static class Obstacles
{
    public sealed record ObstacleDraft(string? Description, DateOnly? Since, int? OpdId, string? Action, string? Owner, DateOnly? DueOn,
        ObstacleStatus Status, int? ReportId);

    /// <summary>Whoever edits the agreement, and the region's TKKSD, who take up what is escalated to them.</summary>
    public static bool CanKeep(ClaimsPrincipal user, RegionScope scope, MonevAgreement agreement) =>
        AgreementAccess.CanEdit(user, scope, agreement.RegionCode, agreement.OpdIds)
        || (scope.RegionCode == agreement.RegionCode && user.IsInRole(Roles.Tkksd));

    public static async Task<(Obstacle? Obstacle, Dictionary<string, string[]> Problems)> SaveAsync(AppDbContext db, MonevAgreement agreement,
        Obstacle? existing, ObstacleDraft draft, DateOnly today, Actor actor, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        var description = Text.CleanLines(draft.Description);
        if (description is null)
            problems[nameof(ObstacleDraft.Description)] = ["Uraikan kendalanya."];
        else if (description.Length > 2000)
            problems[nameof(ObstacleDraft.Description)] = ["Uraian paling panjang 2.000 karakter."];
        if (draft.Since is not { } since)
            problems[nameof(ObstacleDraft.Since)] = ["Sejak kapan kendala ini terjadi? Tanggal wajib diisi."];
        else if (since > today)
            problems[nameof(ObstacleDraft.Since)] = ["Tanggal mulai kendala tidak boleh di masa depan."];
        else if (!AgreementDates.InRange(since))
            problems[nameof(ObstacleDraft.Since)] = [AgreementDates.OutOfRange("Tanggal mulai kendala")];
        if (draft.DueOn is { } due && (!AgreementDates.InRange(due) || (draft.Since is { } from && due < from)))
            problems[nameof(ObstacleDraft.DueOn)] = ["Batas waktu tindak lanjut harus sesudah kendala mulai terjadi."];
        if (draft.OpdId is int opd && !agreement.OpdIds.Contains(opd))
            problems[nameof(ObstacleDraft.OpdId)] = ["Pilih salah satu OPD penanggung jawab kerja sama ini."];
        if (draft.ReportId is int report && !await db.ImplementationReports.IgnoreQueryFilters().AnyAsync(r => r.Id == report && r.AgreementId == agreement.Id, ct))
            problems[nameof(ObstacleDraft.ReportId)] = ["Laporan asal kendala bukan laporan kerja sama ini."];
        var action = Text.CleanLines(draft.Action);
        var owner = Text.Clean(draft.Owner);
        if (action?.Length > 2000)
            problems[nameof(ObstacleDraft.Action)] = ["Tindak lanjut paling panjang 2.000 karakter."];
        if (owner?.Length > 200)
            problems[nameof(ObstacleDraft.Owner)] = ["Penanggung jawab paling panjang 200 karakter."];
        if (draft.Status != ObstacleStatus.Terbuka && action is null)
            problems[nameof(ObstacleDraft.Action)] = ["Tuliskan tindak lanjut yang diputuskan sebelum mengubah status."];
        if (problems.Count > 0)
            return (null, problems);

        var obstacle = existing ?? new Obstacle { RegionCode = agreement.RegionCode, AgreementId = agreement.Id, Description = "", CreatedByName = actor.Name, ReportId = draft.ReportId };
        var before = existing is null ? null : Describe(existing);
        // Without a chosen OPD the kendala is the agreement's first responsible OPD's.
        int? opdId = draft.OpdId ?? (agreement.OpdIds.Count > 0 ? agreement.OpdIds[0] : null);
        (obstacle.Description, obstacle.Since, obstacle.OpdId, obstacle.Action, obstacle.Owner, obstacle.DueOn, obstacle.Status) =
            (description!, draft.Since!.Value, opdId, action, owner, draft.DueOn, draft.Status);
        if (existing is null)
            db.Obstacles.Add(obstacle);
        db.AuditEvents.Add(AuditTrail.Entry(db, agreement.RegionCode, AuditEntities.Agreement, agreement.Id, existing is null ? AuditActions.Created : AuditActions.Changed,
            [new AuditChange("Kendala", before, Describe(obstacle))], actor));
        await db.SaveChangesAsync(ct);
        return (obstacle, problems);
    }

    private static string Describe(Obstacle o) =>
        $"{o.Description} · {Obstacle.Label(o.Status)}{(o.DueOn is { } due ? $" · batas {Indonesian.Date(due)}" : "")}{(o.Owner is null ? "" : $" · {o.Owner}")}";
}
