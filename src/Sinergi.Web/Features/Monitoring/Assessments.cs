using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// Filing a lokus review or an evaluation, in turn: the review once the OPD's report is in, the
/// evaluation once the review is. Draft, submit and correct work as for the laporan pelaksanaan
/// (<see cref="ImplementationReports"/>), and the page and the API both call these.
/// </summary>
public static class Assessments
{
    public sealed class Slot(MonevAgreement agreement, EvaluationPeriod period, string regionCode, AssessmentKind kind, List<Assessment> revisions,
        string? turnProblem, IReadOnlyList<Criterion> criteria)
    {
        /// <summary>The region's current criteria of this judgement: what a draft is answered and checked against.</summary>
        public IReadOnlyList<Criterion> Criteria { get; } = criteria;
        public MonevAgreement Agreement { get; } = agreement;
        public EvaluationPeriod Period { get; } = period;
        public string RegionCode { get; } = regionCode;
        public AssessmentKind Kind { get; } = kind;
        public List<Assessment> Revisions { get; } = revisions;
        /// <summary>Why it is not yet this judgement's turn (the report or the review is not in); null when it is.</summary>
        public string? TurnProblem { get; } = turnProblem;
        public Assessment? Latest => Revisions.LastOrDefault();
        public Assessment? Draft => Latest is { State: ReportState.Draf } draft ? draft : null;
        public Assessment? Submitted => Revisions.LastOrDefault(r => r.State == ReportState.Dikirim);
    }

    public static async Task<(Slot? Slot, Dictionary<string, string[]> Problems)> OpenAsync(AppDbContext db, MonevAgreement agreement, string? periodCode,
        string regionCode, AssessmentKind kind, DateOnly today, CancellationToken ct = default)
    {
        if (EvaluationPeriods.Find(agreement.PeriodsOn(today), periodCode) is not { } period)
            return (null, new() { [ImplementationReports.PeriodField] = [ImplementationReports.NotInForce(periodCode)] });
        var all = await db.Assessments.IgnoreQueryFilters()
            .Where(a => a.AgreementId == agreement.Id && a.RegionCode == regionCode && a.PeriodCode == period.Code).OrderBy(a => a.Revision).ToListAsync(ct);
        var reported = await db.ImplementationReports.IgnoreQueryFilters().AnyAsync(r => r.AgreementId == agreement.Id && r.RegionCode == regionCode
            && r.PeriodCode == period.Code && r.State == ReportState.Dikirim, ct);
        var reviewed = all.Any(a => a.Kind == AssessmentKind.Telaah && a.State == ReportState.Dikirim);
        var turn = !reported ? "Telaah dan evaluasi dapat diisi setelah OPD mengirim laporan pelaksanaan periode ini."
            : kind == AssessmentKind.Evaluasi && !reviewed ? "Evaluasi dapat diisi setelah telaah TKKSD periode ini dikirim." : null;
        var criteria = await AssessmentCriteria.ForRegionAsync(db, regionCode, kind, ct);
        return (new Slot(agreement, period, regionCode, kind, all.Where(a => a.Kind == kind).ToList(), turn, criteria), []);
    }

    public static async Task<Dictionary<string, string[]>> SaveAsync(AppDbContext db, Slot slot, AssessmentDraft? draft, bool submit, int? version, Actor actor,
        CancellationToken ct = default)
    {
        if (slot.TurnProblem is { } notYet)
            return new() { [""] = [notYet] };
        if (slot.Latest is { State: ReportState.Dikirim } sent)
            return new() { [""] = [AlreadySubmitted(slot.Kind, sent)] };
        if (draft is null && slot.Draft is null)
            return new() { [""] = ["Belum ada draf untuk dikirim."] };
        // A stored draft sent as it is keeps only what the region's current criteria still ask: a
        // question removed since is dropped, and a new one shows as missing.
        var content = draft is null ? AssessmentDraft.Of(slot.Draft!).Normalized().Within(slot.Criteria) : draft.Normalized();
        var problems = content.Problems(slot.Kind, slot.Criteria);
        if (submit)
            foreach (var (field, messages) in content.MissingForSubmit(slot.Kind, slot.Criteria))
                problems.TryAdd(field, messages);
        if (problems.Count > 0)
            return problems;
        var assessment = slot.Draft ?? NewRevision(db, slot, actor, reason: null);
        if (version is int seen && assessment.Id != 0)
            db.Entry(assessment).Property(a => a.Version).OriginalValue = seen;
        content.ApplyTo(assessment, slot.Criteria);
        if (submit)
        {
            assessment.State = ReportState.Dikirim;
            assessment.SubmittedAt = db.UtcNow;
            assessment.SubmittedById = actor.UserId;
            assessment.SubmittedByName = actor.Name;
        }
        return await CommitAsync(db, slot, submit ? assessment : null, ct);
    }

    public static async Task<Dictionary<string, string[]>> CorrectAsync(AppDbContext db, Slot slot, string? reason, Actor actor, CancellationToken ct = default)
    {
        reason = Text.CleanLines(reason);
        var problems = new Dictionary<string, string[]>();
        if (slot.Latest is not { State: ReportState.Dikirim })
            problems[""] = [slot.Draft is null ? "Belum ada yang terkirim untuk dikoreksi." : "Koreksi sudah dimulai: lanjutkan drafnya."];
        if (reason is null)
            problems[ImplementationReports.ReasonField] = ["Alasan koreksi wajib diisi: versi sebelumnya tetap tersimpan dan alasan ini menjelaskan perubahannya."];
        else if (reason.Length > 1000)
            problems[ImplementationReports.ReasonField] = ["Alasan koreksi paling panjang 1.000 karakter."];
        if (problems.Count > 0)
            return problems;
        var earlier = slot.Latest!;
        AssessmentDraft.Of(earlier).Within(slot.Criteria).ApplyTo(NewRevision(db, slot, actor, reason), slot.Criteria);
        return await CommitAsync(db, slot, null, ct);
    }

    private static Assessment NewRevision(AppDbContext db, Slot slot, Actor actor, string? reason)
    {
        var assessment = new Assessment
        {
            Kind = slot.Kind, AgreementId = slot.Agreement.Id, RegionCode = slot.RegionCode, PeriodCode = slot.Period.Code,
            PeriodStart = slot.Period.Start, PeriodEnd = slot.Period.End, Revision = (slot.Latest?.Revision ?? 0) + 1, State = ReportState.Draf,
            CorrectionReason = reason, CreatedById = actor.UserId, CreatedByName = actor.Name,
        };
        db.Assessments.Add(assessment);
        slot.Revisions.Add(assessment);
        return assessment;
    }

    private static async Task<Dictionary<string, string[]>> CommitAsync(AppDbContext db, Slot slot, Assessment? submitted, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await MonevSummaries.RefreshAsync(db, slot.Agreement.Id, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var latest = await db.Assessments.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.AgreementId == slot.Agreement.Id && a.RegionCode == slot.RegionCode && a.PeriodCode == slot.Period.Code && a.Kind == slot.Kind)
                .OrderByDescending(a => a.Revision).FirstOrDefaultAsync(ct);
            return new() { [""] = [latest is { State: ReportState.Dikirim } ? AlreadySubmitted(slot.Kind, latest)
                : "Isian ini baru saja diubah orang lain. Muat ulang halaman untuk melihat isian terbaru, lalu ulangi perubahan Anda."] };
        }
        if (submitted is not null)
        {
            var action = submitted.Revision > 1 ? AuditActions.Corrected : AuditActions.Submitted;
            var changes = new List<AuditChange> { new(AssessmentCriteria.Title(slot.Kind), null, $"{slot.Period.Label}, versi {submitted.Revision}") };
            if (submitted.Rating is int rating)
                changes.Add(new AuditChange("Penilaian", null, rating.ToString(Indonesian.Culture)));
            if (AssessmentCriteria.RecommendationLabel(slot.Kind, submitted.Recommendation) is { } recommendation)
                changes.Add(new AuditChange("Rekomendasi", null, recommendation));
            if (submitted.CorrectionReason is { } why)
                changes.Add(new AuditChange("Alasan koreksi", null, why));
            var actor = new Actor(submitted.SubmittedById, submitted.SubmittedByName ?? "");
            db.AuditEvents.Add(AuditTrail.Entry(db, slot.RegionCode, AuditEntities.Assessment, submitted.Id, action, changes, actor));
            db.AuditEvents.Add(AuditTrail.Entry(db, slot.Agreement.RegionCode, AuditEntities.Agreement, slot.Agreement.Id, action, changes, actor));
            await db.SaveChangesAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return [];
    }

    public static string AlreadySubmitted(AssessmentKind kind, Assessment sent) =>
        $"{AssessmentCriteria.Title(kind)} ini sudah dikirim oleh {sent.SubmittedByName} pada {Indonesian.DateTime(sent.SubmittedAt ?? sent.UpdatedAt, sent.RegionCode)}. "
        + "Ajukan koreksi bila ada yang perlu diubah.";
}
