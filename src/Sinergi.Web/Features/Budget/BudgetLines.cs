using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Budget;

/// <summary>
/// Adding, changing and removing an agreement's budget lines: the one place the page, the API and
/// the import go through. Whoever may edit the agreement records its lines (the owner region's
/// admin, or an operator of an OPD that runs it); each change enters the agreement's history.
/// </summary>
public static class BudgetLines
{
    public sealed record YearTotal(int Year, decimal Planned, decimal Realised);

    public sealed record LineRow(int Id, int FiscalYear, BudgetSource Source, string? Opd, string? ProgramCode, string? KegiatanCode,
        string? SubKegiatanCode, PlanningDocument? Document, string? DocumentNumber, decimal Planned, decimal? Realised, string? RealisationNote,
        RealisationBreakdown Breakdown, IReadOnlyList<decimal?> Parts, int Version);

    /// <summary>The agreement a change is about, with its OPDs, when it is the caller's region's; null otherwise (404).</summary>
    public static Task<Agreement?> OwnAgreementAsync(AppDbContext db, RegionScope scope, int agreementId, CancellationToken ct = default) =>
        db.Agreements.IgnoreQueryFilters().Include(a => a.Opds).SingleOrDefaultAsync(a => a.Id == agreementId && a.RegionCode == scope.RegionCode, ct);

    /// <summary>A line of the caller's region, with its agreement and the agreement's OPDs; null otherwise (404).</summary>
    public static Task<BudgetLine?> OwnLineAsync(AppDbContext db, RegionScope scope, int lineId, CancellationToken ct = default) =>
        db.BudgetLines.IgnoreQueryFilters().Include(l => l.Agreement).ThenInclude(a => a!.Opds)
            .SingleOrDefaultAsync(l => l.Id == lineId && l.RegionCode == scope.RegionCode, ct);

    public static bool CanEdit(ClaimsPrincipal user, RegionScope scope, Agreement agreement) =>
        AgreementAccess.CanEdit(user, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id));

    /// <param name="source">Where the line came from, when not typed on the page ("Impor anggaran.xlsx, baris 4"), for the history.</param>
    public static async Task<BudgetLine> AddAsync(AppDbContext db, Agreement agreement, BudgetLineDraft draft, Actor actor, CancellationToken ct = default,
        AuditChange? source = null)
    {
        var line = new BudgetLine { RegionCode = agreement.RegionCode, AgreementId = agreement.Id };
        draft.ApplyTo(line);
        db.BudgetLines.Add(line);
        db.AuditEvents.Add(AgreementHistory.Entry(db, agreement, AuditActions.BudgetLineAdded,
            [.. Diff(null, await SnapshotAsync(db, line, ct)), .. source is null ? Array.Empty<AuditChange>() : [source]], actor));
        await db.SaveChangesAsync(ct);
        return line;
    }

    /// <summary>Saves a checked draft over a loaded line; a concurrent change surfaces as <see cref="DbUpdateConcurrencyException"/>.</summary>
    public static async Task<List<AuditChange>> ChangeAsync(AppDbContext db, BudgetLine line, BudgetLineDraft draft, Actor actor, CancellationToken ct = default,
        AuditChange? source = null)
    {
        var before = await SnapshotAsync(db, line, ct);
        draft.ApplyTo(line);
        var changes = Diff(before, await SnapshotAsync(db, line, ct));
        if (changes.Count == 0)
            return changes;
        db.AuditEvents.Add(AgreementHistory.Entry(db, line.Agreement!, AuditActions.BudgetLineChanged,
            [new AuditChange("Baris anggaran", null, Reference(line)), .. changes, .. source is null ? Array.Empty<AuditChange>() : [source]], actor));
        await db.SaveChangesAsync(ct);
        return changes;
    }

    public static async Task DeleteAsync(AppDbContext db, BudgetLine line, Actor actor, CancellationToken ct = default)
    {
        db.AuditEvents.Add(AgreementHistory.Entry(db, line.Agreement!, AuditActions.BudgetLineDeleted,
            Diff(await SnapshotAsync(db, line, ct), []), actor));
        db.BudgetLines.Remove(line);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The agreement's lines and its totals per year, for its page and the API.</summary>
    public static async Task<(List<LineRow> Lines, List<YearTotal> Years)> ForAgreementAsync(AppDbContext db, int agreementId, CancellationToken ct = default)
    {
        var lines = await db.BudgetLines.IgnoreQueryFilters().AsNoTracking().Where(l => l.AgreementId == agreementId)
            .OrderBy(l => l.FiscalYear).ThenBy(l => l.Source).ThenBy(l => l.ProgramCode).ThenBy(l => l.Id)
            .Select(l => new LineRow(l.Id, l.FiscalYear, l.Source, l.Opd == null ? null : l.Opd.ShortName, l.ProgramCode, l.KegiatanCode,
                l.SubKegiatanCode, l.Document, l.DocumentNumber, l.Planned, l.Realised, l.RealisationNote, l.Breakdown, l.Parts, l.Version))
            .ToListAsync(ct);
        var years = lines.GroupBy(l => l.FiscalYear)
            .Select(g => new YearTotal(g.Key, g.Sum(l => l.Planned), g.Sum(l => l.Realised ?? 0))).ToList();
        return (lines, years);
    }

    /// <summary>How a line is named in the history: "2026 APBD 1.02.02.2.01".</summary>
    public static string Reference(BudgetLine line) =>
        $"{line.FiscalYear} {BudgetLabels.Label(line.Source)}{(line.Code is { } code ? " " + code : "")}";

    private static async Task<Dictionary<string, string?>> SnapshotAsync(AppDbContext db, BudgetLine line, CancellationToken ct)
    {
        var opd = line.OpdId is int id ? await db.Opds.IgnoreQueryFilters().Where(o => o.Id == id).Select(o => o.ShortName).SingleOrDefaultAsync(ct) : null;
        string? Parts() => line.Breakdown == RealisationBreakdown.None ? null
            : $"{BudgetLabels.Label(line.Breakdown)}: " + string.Join("; ", line.Parts.Select(p => p is decimal v ? Indonesian.Rupiah(v) : "—"));
        return new Dictionary<string, string?>
        {
            ["Tahun anggaran"] = line.FiscalYear.ToString(Indonesian.Culture),
            ["Sumber anggaran"] = BudgetLabels.Label(line.Source),
            ["OPD pelaksana"] = opd,
            ["Kode program"] = line.ProgramCode,
            ["Kode kegiatan"] = line.KegiatanCode,
            ["Kode sub-kegiatan"] = line.SubKegiatanCode,
            ["Dokumen perencanaan"] = line.Document is { } d ? BudgetLabels.Label(d) : null,
            ["Nomor dokumen"] = line.DocumentNumber,
            ["Pagu rencana"] = Indonesian.Rupiah(line.Planned),
            ["Realisasi"] = line.Realised is decimal r ? Indonesian.Rupiah(r) : null,
            ["Keterangan realisasi"] = line.RealisationNote,
            ["Rincian realisasi"] = Parts(),
        };
    }

    private static List<AuditChange> Diff(Dictionary<string, string?>? before, Dictionary<string, string?> after) =>
        after.Count == 0
            ? before!.Where(f => f.Value is not null).Select(f => new AuditChange(f.Key, f.Value, null)).ToList()
            : after.Where(f => before?.GetValueOrDefault(f.Key) != f.Value).Select(f => new AuditChange(f.Key, before?.GetValueOrDefault(f.Key), f.Value)).ToList();
}
