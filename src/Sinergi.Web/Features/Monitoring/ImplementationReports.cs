using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// Filing a laporan pelaksanaan: saving its draft, submitting it, and correcting a submitted one
/// with a new revision. The page and the API both call these, so they accept and refuse alike.
/// Problems are keyed by <see cref="ReportDraft"/>'s properties, <see cref="PeriodField"/>,
/// <see cref="ReasonField"/>, or "" for the report as a whole.
/// </summary>
public static class ImplementationReports
{
    public const string PeriodField = "Period";
    public const string ReasonField = "Reason";

    /// <summary>One filer's reports of one period: every revision, oldest first (tracked, for the rules to change).</summary>
    public sealed class Slot(MonevAgreement agreement, EvaluationPeriod period, string regionCode, List<ImplementationReport> revisions)
    {
        public MonevAgreement Agreement { get; } = agreement;
        public EvaluationPeriod Period { get; } = period;
        public string RegionCode { get; } = regionCode;
        public List<ImplementationReport> Revisions { get; } = revisions;
        public ImplementationReport? Latest => Revisions.LastOrDefault();
        public ImplementationReport? Draft => Latest is { State: ReportState.Draf } draft ? draft : null;
        public ImplementationReport? Submitted => Revisions.LastOrDefault(r => r.State == ReportState.Dikirim);
    }

    public static string NotInForce(string? code) => EvaluationPeriods.IsWellFormed(code)
        ? "Kerja sama ini tidak berlaku pada periode tersebut, atau periodenya belum dimulai."
        : "Periode tidak dikenal. Tulis seperti 2026-s1, 2026-q3, 2026-th atau akhir.";

    /// <summary>The slot of <paramref name="periodCode"/> for the reports of <paramref name="regionCode"/>; a problem when the agreement was not in force then.</summary>
    public static async Task<(Slot? Slot, Dictionary<string, string[]> Problems)> OpenAsync(
        AppDbContext db, MonevAgreement agreement, string? periodCode, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        if (EvaluationPeriods.Find(agreement.PeriodsOn(today), periodCode) is not { } period)
            return (null, new() { [PeriodField] = [NotInForce(periodCode)] });
        var revisions = await db.ImplementationReports.IgnoreQueryFilters()
            .Include(r => r.Activities).Include(r => r.Evidence).ThenInclude(e => e.DocumentVersion)
            .Where(r => r.AgreementId == agreement.Id && r.RegionCode == regionCode && r.PeriodCode == period.Code)
            .OrderBy(r => r.Revision).AsSplitQuery().ToListAsync(ct);
        return (new Slot(agreement, period, regionCode, revisions), []);
    }

    /// <summary>
    /// Saves the draft (a new one when the period has none, or after a submitted revision only
    /// through <see cref="CorrectAsync"/>). <paramref name="version"/> is the draft's version the
    /// caller saw; a stale one is refused rather than overwritten.
    /// </summary>
    public static async Task<Dictionary<string, string[]>> SaveDraftAsync(AppDbContext db, Slot slot, ReportDraft draft, int? opdId, int? version,
        Actor actor, CancellationToken ct = default)
    {
        draft = draft.Normalized();
        var problems = draft.Problems(slot.Period);
        if (slot.Latest is { State: ReportState.Dikirim })
            problems[""] = ["Laporan periode ini sudah dikirim dan tidak dapat diubah. Ajukan koreksi untuk membuat versi baru."];
        if (problems.Count > 0)
            return problems;
        var report = slot.Draft ?? NewRevision(db, slot, opdId, actor, reason: null);
        if (version is int seen && report.Id != 0)
            db.Entry(report).Property(r => r.Version).OriginalValue = seen;
        draft.ApplyTo(report);
        return await SaveAsync(db, slot, ct);
    }

    /// <summary>Saves what was typed and submits it in one step: the way the form's "Kirim" button and the API's submit work.</summary>
    public static async Task<Dictionary<string, string[]>> SubmitAsync(AppDbContext db, Slot slot, ReportDraft? draft, int? opdId, int? version,
        Actor actor, CancellationToken ct = default)
    {
        if (slot.Draft is null && draft is null)
            return new() { [""] = [slot.Latest is null ? "Belum ada draf laporan untuk dikirim." : AlreadySubmitted(slot.Latest)] };
        var content = (draft ?? ReportDraft.Of(slot.Draft!)).Normalized();
        var problems = content.Problems(slot.Period);
        foreach (var (field, messages) in content.MissingForSubmit())
            problems.TryAdd(field, messages);
        if (slot.Latest is { State: ReportState.Dikirim } submitted)
            problems[""] = [AlreadySubmitted(submitted)];
        if (problems.Count > 0)
            return problems;
        var report = slot.Draft ?? NewRevision(db, slot, opdId, actor, reason: null);
        if (version is int seen && report.Id != 0)
            db.Entry(report).Property(r => r.Version).OriginalValue = seen;
        content.ApplyTo(report);
        report.State = ReportState.Dikirim;
        report.SubmittedAt = db.UtcNow;
        report.SubmittedById = actor.UserId;
        report.SubmittedByName = actor.Name;
        return await SaveAsync(db, slot, ct, report);
    }

    /// <summary>Starts a correction: the next revision, a draft with the submitted content and the reason; the submitted one stays as it was.</summary>
    public static async Task<Dictionary<string, string[]>> CorrectAsync(AppDbContext db, Slot slot, string? reason, int? opdId, Actor actor,
        CancellationToken ct = default)
    {
        reason = Text.CleanLines(reason);
        var problems = new Dictionary<string, string[]>();
        if (slot.Latest is not { State: ReportState.Dikirim } submitted)
            problems[""] = [slot.Draft is null ? "Belum ada laporan terkirim yang dapat dikoreksi." : "Koreksi sudah dimulai: lanjutkan drafnya."];
        if (reason is null)
            problems[ReasonField] = ["Alasan koreksi wajib diisi: versi sebelumnya tetap tersimpan dan alasan ini menjelaskan perubahannya."];
        else if (reason.Length > 1000)
            problems[ReasonField] = ["Alasan koreksi paling panjang 1.000 karakter."];
        if (problems.Count > 0)
            return problems;
        var earlier = slot.Latest!;
        var report = NewRevision(db, slot, opdId ?? earlier.OpdId, actor, reason);
        ReportDraft.Of(earlier).ApplyTo(report);
        report.Evidence.AddRange(earlier.Evidence.Select(e => new ReportEvidence { DocumentVersionId = e.DocumentVersionId }));
        return await SaveAsync(db, slot, ct);
    }

    public const string EvidenceField = "Evidence";

    /// <summary>
    /// Stores an evidence file through the agreement's document upload (type checked by content,
    /// versioned, in the agreement's documents) and links it to the draft: the page and the API both
    /// call this. Problems are keyed <see cref="EvidenceField"/> for the file and "" when the report
    /// is already submitted; nothing is stored then.
    /// </summary>
    public static async Task<(Dictionary<string, string[]> Problems, DocumentVersion? Version)> UploadEvidenceAsync(AppDbContext db, FileStore files,
        DocumentTexts texts, long maxBytes, Slot slot, string? fileName, Stream? content, int? opdId, Actor actor, CancellationToken ct = default)
    {
        if (content is null || string.IsNullOrWhiteSpace(fileName))
            return (new() { [EvidenceField] = ["Pilih berkas bukti yang akan diunggah."] }, null);
        if (slot.Latest is { State: ReportState.Dikirim })
            return (new() { [""] = ["Laporan periode ini sudah dikirim. Ajukan koreksi untuk menambah bukti."] }, null);
        var title = $"Bukti laporan {slot.Period.Label}: {Path.GetFileNameWithoutExtension(fileName)}";
        var outcome = await DocumentUploads.AddAsync(db, files, texts,
            new DocumentUploads.Request(slot.Agreement.Id, null, title.Length > 200 ? title[..200] : title, fileName, content), maxBytes, actor, ct);
        if (outcome.Conflict)
            return (new() { [EvidenceField] = [DocumentUploads.ConflictMessage] }, null);
        if (!outcome.Succeeded)
            return (new() { [EvidenceField] = [.. outcome.Problems.Values.SelectMany(m => m)] }, null);
        var problems = await AddEvidenceAsync(db, slot, outcome.Version!.Id, opdId, actor, ct);
        return (problems, problems.Count == 0 ? outcome.Version : null);
    }

    /// <summary>Unlinks an evidence file from the draft; the file stays among the agreement's documents.</summary>
    public static async Task<Dictionary<string, string[]>> RemoveEvidenceAsync(AppDbContext db, Slot slot, int documentVersionId, CancellationToken ct = default)
    {
        if (slot.Latest is { State: ReportState.Dikirim })
            return new() { [""] = ["Laporan periode ini sudah dikirim. Ajukan koreksi untuk mengubah bukti."] };
        if (slot.Draft?.Evidence.FirstOrDefault(e => e.DocumentVersionId == documentVersionId) is not { } linked)
            return new() { [EvidenceField] = ["Berkas itu tidak dilampirkan pada draf laporan ini."] };
        slot.Draft.Evidence.Remove(linked);
        return await SaveAsync(db, slot, ct);
    }

    /// <summary>Links an uploaded evidence file to the draft (made for it when the period has none yet).</summary>
    public static async Task<Dictionary<string, string[]>> AddEvidenceAsync(AppDbContext db, Slot slot, int documentVersionId, int? opdId, Actor actor,
        CancellationToken ct = default)
    {
        if (slot.Latest is { State: ReportState.Dikirim })
            return new() { [""] = ["Laporan periode ini sudah dikirim. Ajukan koreksi untuk menambah bukti."] };
        var report = slot.Draft ?? NewRevision(db, slot, opdId, actor, reason: null);
        report.Evidence.Add(new ReportEvidence { DocumentVersionId = documentVersionId });
        return await SaveAsync(db, slot, ct);
    }

    private static ImplementationReport NewRevision(AppDbContext db, Slot slot, int? opdId, Actor actor, string? reason)
    {
        var report = new ImplementationReport
        {
            AgreementId = slot.Agreement.Id,
            RegionCode = slot.RegionCode,
            OpdId = opdId,
            PeriodCode = slot.Period.Code,
            PeriodStart = slot.Period.Start,
            PeriodEnd = slot.Period.End,
            Revision = (slot.Latest?.Revision ?? 0) + 1,
            State = ReportState.Draf,
            CorrectionReason = reason,
            CreatedById = actor.UserId,
            CreatedByName = actor.Name,
        };
        db.ImplementationReports.Add(report);
        slot.Revisions.Add(report);
        return report;
    }

    private static async Task<Dictionary<string, string[]>> SaveAsync(AppDbContext db, Slot slot, CancellationToken ct, ImplementationReport? submitted = null)
    {
        // A submission and its history entries commit together, or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await MonevSummaries.RefreshAsync(db, slot.Agreement.Id, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone saved or submitted the same report between our read and our write (the version or
            // the revision's unique index said so): nothing of ours is kept, and the person is told.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var latest = await db.ImplementationReports.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.AgreementId == slot.Agreement.Id && r.RegionCode == slot.RegionCode && r.PeriodCode == slot.Period.Code)
                .OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);
            return new() { [""] = [latest is { State: ReportState.Dikirim } ? AlreadySubmitted(latest)
                : "Laporan ini baru saja diubah orang lain. Muat ulang halaman untuk melihat isian terbaru, lalu ulangi perubahan Anda."] };
        }
        if (submitted is not null)
        {
            var action = submitted.Revision > 1 ? AuditActions.Corrected : AuditActions.Submitted;
            var changes = new List<AuditChange> { new("Laporan pelaksanaan", null, $"{slot.Period.Label}, versi {submitted.Revision}") };
            if (submitted.CorrectionReason is { } why)
                changes.Add(new AuditChange("Alasan koreksi", null, why));
            var actor = new Actor(submitted.SubmittedById, submitted.SubmittedByName ?? "");
            db.AuditEvents.Add(AuditTrail.Entry(db, slot.RegionCode, AuditEntities.ImplementationReport, submitted.Id, action, changes, actor));
            db.AuditEvents.Add(AuditTrail.Entry(db, slot.Agreement.RegionCode, AuditEntities.Agreement, slot.Agreement.Id, action, changes, actor));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return [];
    }

    public static string AlreadySubmitted(ImplementationReport report) =>
        $"Laporan ini sudah dikirim oleh {report.SubmittedByName} pada {Indonesian.DateTime(report.SubmittedAt ?? report.UpdatedAt, report.RegionCode)}. "
        + "Versi yang dikirim tetap berlaku; ajukan koreksi bila ada yang perlu diubah.";
}
