using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Web;

namespace Sinergi.Features.Agreements;

/// <summary>
/// Saving an agreement always writes three things in one transaction: the agreement, a history
/// entry with what changed (as a person reads it) and its search text. Pages, API and import all
/// save through here.
/// </summary>
public static class AgreementHistory
{
    /// <summary>The agreement's fields by their Indonesian labels, formatted for reading.</summary>
    public static async Task<Dictionary<string, string?>> SnapshotAsync(AppDbContext db, Agreement a, CancellationToken ct = default)
    {
        var parent = a.ParentId is int parentId
            ? await db.Agreements.IgnoreQueryFilters().Where(p => p.Id == parentId)
                .Select(p => p.Number != null ? p.Number + " — " + p.Title : p.Title).SingleOrDefaultAsync(ct)
            : null;
        static string? Date(DateOnly? date) => date is { } d ? Indonesian.Date(d) : null;
        static string? Join(IEnumerable<string> items) => items.Any() ? string.Join(", ", items.Order(StringComparer.Ordinal)) : null;
        return new Dictionary<string, string?>
        {
            ["Jenis kerja sama"] = AgreementLabels.Code(a.Kind),
            ["Jenis dokumen"] = AgreementLabels.Label(a.DocumentType),
            ["Nomor"] = a.Number,
            ["Nomor pihak mitra"] = a.PartnerNumber,
            ["Judul"] = a.Title,
            ["Ruang lingkup"] = a.Scope,
            ["Urusan"] = Join(a.Urusan.Select(u => u.Code)),
            ["OPD penanggung jawab"] = Join(a.Opds.Select(o => o.ShortName)),
            ["Mitra"] = Join(a.Partners.Select(p => p.Name)),
            ["Tanggal penandatanganan"] = Date(a.SignedOn),
            ["Mulai berlaku"] = Date(a.StartsOn),
            ["Berakhir"] = Date(a.EndsOn),
            ["Jangka waktu"] = a.DurationMonths is int months ? Duration(months) : null,
            ["Nilai"] = a.Value is decimal value ? Indonesian.Rupiah(value) : null,
            ["Sumber dana"] = a.Funding is { } funding ? AgreementLabels.Label(funding) : null,
            ["Perlu persetujuan DPRD"] = a.DprdApprovalRequired ? "Ya" : "Tidak",
            ["Tanggal persetujuan DPRD"] = Date(a.DprdApprovedOn),
            ["Nomor persetujuan DPRD"] = a.DprdApprovalNumber,
            ["Induk"] = parent,
            ["Tahap"] = a.Lifecycle.ToString(),
            ["Tanggal diakhiri"] = Date(a.TerminatedOn),
            ["Alasan diakhiri"] = a.TerminationReason,
        };
    }

    public static List<AuditChange> Diff(Dictionary<string, string?>? before, Dictionary<string, string?> after) =>
        after.Where(field => (before?.GetValueOrDefault(field.Key)) != field.Value && !(before is null && field.Value is null or "Tidak"))
            .Select(field => new AuditChange(field.Key, before?.GetValueOrDefault(field.Key), field.Value))
            .ToList();

    public static string Duration(int months) => (months / 12, months % 12) switch
    {
        (0, var m) => $"{m} bulan",
        (var y, 0) => $"{y} tahun",
        var (y, m) => $"{y} tahun {m} bulan",
    };

    /// <summary>Saves the agreement, appends its history entry and refreshes its search text, all or nothing.</summary>
    /// <param name="alsoRecord">More history entries that need the saved agreement's id (the original of an extension, say).</param>
    public static async Task SaveAsync(AppDbContext db, Agreement agreement, string action, IReadOnlyList<AuditChange> changes, Actor actor,
        Func<Agreement, IEnumerable<AuditEvent>>? alsoRecord = null, CancellationToken ct = default)
    {
        // Inside a larger unit of work (an import) the caller's transaction holds it all.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        db.AuditEvents.Add(Entry(db, agreement, action, changes, actor));
        if (alsoRecord is not null)
            db.AuditEvents.AddRange(alsoRecord(agreement));
        await SearchIndex.RefreshAsync(db, agreement, ct);
        await db.SaveChangesAsync(ct);
        if (transaction is not null)
            await transaction.CommitAsync(ct);
    }

    public static AuditEvent Entry(AppDbContext db, Agreement agreement, string action, IEnumerable<AuditChange> changes, Actor actor) =>
        AuditTrail.Entry(db, agreement.RegionCode, AuditEntities.Agreement, agreement.Id, action, changes, actor);

    /// <summary>The agreement's history, newest first.</summary>
    public static Task<List<AuditEvent>> ReadAsync(AppDbContext db, int agreementId, int? take = null, CancellationToken ct = default) =>
        AuditTrail.ReadAsync(db, AuditEntities.Agreement, agreementId, take, ct);

    /// <summary>How an agreement is named in another's history: its number, else its title.</summary>
    public static string Reference(Agreement agreement) => agreement.Number is null ? agreement.Title : $"{agreement.Number} — {agreement.Title}";
}
