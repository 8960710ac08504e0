using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Agreements;

/// <summary>
/// Recording, changing, extending and ending an agreement: the checks and the saves the page and
/// the API both call, so they accept and refuse the same things. Problems are keyed by the
/// <see cref="AgreementDraft"/> property they concern (or <see cref="ExtendsField"/>,
/// <see cref="TerminatedOnField"/>, <see cref="ReasonField"/>, <see cref="LifecycleField"/>);
/// each caller names them as its form or body does.
/// </summary>
public static class AgreementChanges
{
    public const string ExtendsField = "ExtendsId";
    public const string TerminatedOnField = "TerminatedOn";
    public const string ReasonField = "Reason";
    /// <summary>A problem with the agreement as a whole rather than a field.</summary>
    public const string LifecycleField = "Lifecycle";

    /// <summary>Who records: the region's Admin Kerja Sama records anything; an Operator OPD what its OPD runs.</summary>
    public sealed record Recorder(string RegionCode, bool IsAdmin, int? OpdId, Actor Actor)
    {
        public static Recorder Of(ClaimsPrincipal user, RegionScope scope) =>
            new(scope.RegionCode!, user.IsInRole(Roles.AdminKerjaSama), scope.OpdId, Actor.Of(user));
    }

    /// <summary>A checked new agreement: its draft and, for an extension, the agreement it extends.</summary>
    public sealed record NewAgreement(AgreementDraft Draft, Agreement? Extended);

    /// <summary>The draft's own checks, and the recorder's: an operator's agreements are their OPD's, so it cannot be left out.</summary>
    public static async Task<Dictionary<string, string[]>> ProblemsAsync(AppDbContext db, AgreementDraft draft, Recorder recorder, int? agreementId,
        CancellationToken ct = default)
    {
        var problems = await draft.ProblemsAsync(db, recorder.RegionCode, agreementId, ct);
        if (!recorder.IsAdmin && recorder.OpdId is int own && !draft.OpdIds.Contains(own))
            Add(problems, nameof(AgreementDraft.OpdIds), "OPD Anda harus termasuk OPD penanggung jawab.");
        return problems;
    }

    /// <summary>Checks a new agreement, which extends <paramref name="extendsId"/> when given (of the same region).</summary>
    public static async Task<(NewAgreement? Checked, Dictionary<string, string[]> Problems)> CheckNewAsync(
        AppDbContext db, AgreementDraft draft, int? extendsId, Recorder recorder, CancellationToken ct = default)
    {
        var problems = await ProblemsAsync(db, draft, recorder, null, ct);
        Agreement? extended = null;
        if (extendsId is int id
            && (extended = await db.Agreements.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == id && a.RegionCode == recorder.RegionCode, ct)) is null)
            Add(problems, ExtendsField, "Kerja sama yang diperpanjang tidak ditemukan di daerah ini.");
        return problems.Count > 0 ? (null, problems) : (new NewAgreement(draft, extended), problems);
    }

    /// <summary>Records a checked agreement with its history; an extension also enters the history of the one it extends.</summary>
    public static async Task<Agreement> CreateAsync(AppDbContext db, NewAgreement checkedNew, Recorder recorder, CancellationToken ct = default)
    {
        var agreement = new Agreement { RegionCode = recorder.RegionCode, Title = "", ExtendsId = checkedNew.Extended?.Id };
        db.Agreements.Add(agreement);
        await checkedNew.Draft.ApplyToAsync(db, agreement, ct);
        var actor = recorder.Actor;
        await AgreementHistory.SaveAsync(db, agreement, AuditActions.Created,
            AgreementHistory.Diff(null, await AgreementHistory.SnapshotAsync(db, agreement, ct)), actor,
            alsoRecord: saved => checkedNew.Extended is not { } extended ? [] :
                [AgreementHistory.Entry(db, extended, AuditActions.Extended, [new AuditChange("Diperpanjang dengan", null, AgreementHistory.Reference(saved))], actor)],
            ct: ct);
        return agreement;
    }

    /// <summary>
    /// Applies a checked draft to a loaded agreement (lists included) and saves it with what changed.
    /// Nothing is saved when nothing changed; the changes are returned either way. A concurrent
    /// change surfaces as <see cref="DbUpdateConcurrencyException"/>, for the caller to tell the person.
    /// </summary>
    public static async Task<List<AuditChange>> ChangeAsync(AppDbContext db, Agreement agreement, AgreementDraft draft, Actor actor, CancellationToken ct = default)
    {
        var before = await AgreementHistory.SnapshotAsync(db, agreement, ct);
        await draft.ApplyToAsync(db, agreement, ct);
        var changes = AgreementHistory.Diff(before, await AgreementHistory.SnapshotAsync(db, agreement, ct));
        if (changes.Count > 0)
            await AgreementHistory.SaveAsync(db, agreement, AuditActions.Changed, changes, actor, ct: ct);
        return changes;
    }

    /// <summary>Why an agreement cannot be ended early on <paramref name="on"/> for <paramref name="reason"/>; empty when it can.</summary>
    public static Dictionary<string, string[]> TerminationProblems(Agreement agreement, DateOnly? on, string? reason)
    {
        var problems = new Dictionary<string, string[]>();
        if (agreement.Lifecycle != AgreementLifecycle.Aktif)
            Add(problems, LifecycleField, "Hanya kerja sama yang sudah ditandatangani dan belum diakhiri yang dapat diakhiri.");
        if (on is null)
            Add(problems, TerminatedOnField, "Tanggal diakhiri wajib diisi.");
        else if (!AgreementDates.InRange(on.Value))
            Add(problems, TerminatedOnField, AgreementDates.OutOfRange("Tanggal diakhiri"));
        else if (agreement.StartsOn is { } start && on < start)
            Add(problems, TerminatedOnField, "Tanggal diakhiri tidak boleh sebelum kerja sama mulai berlaku.");
        reason = Text.CleanLines(reason);
        if (reason is null)
            Add(problems, ReasonField, "Alasan wajib diisi: riwayat kerja sama harus menjelaskan mengapa diakhiri.");
        else if (reason.Length > 1000)
            Add(problems, ReasonField, "Alasan paling panjang 1.000 karakter.");
        return problems;
    }

    /// <summary>Ends a loaded agreement early, after <see cref="TerminationProblems"/> found nothing; the status becomes "diakhiri".</summary>
    public static async Task TerminateAsync(AppDbContext db, Agreement agreement, DateOnly on, string reason, Actor actor, CancellationToken ct = default)
    {
        var before = await AgreementHistory.SnapshotAsync(db, agreement, ct);
        agreement.Lifecycle = AgreementLifecycle.Diakhiri;
        agreement.TerminatedOn = on;
        agreement.TerminationReason = Text.CleanLines(reason);
        await AgreementHistory.SaveAsync(db, agreement, AuditActions.Terminated,
            AgreementHistory.Diff(before, await AgreementHistory.SnapshotAsync(db, agreement, ct)), actor, ct: ct);
    }

    public const string NumberTakenMeanwhile = "Nomor ini baru saja dipakai untuk kerja sama lain.";

    /// <summary>
    /// Whether a save failed because another request saved the same number first: the unique
    /// index said so after the checks had found it free. Clears the context, whose changes failed.
    /// </summary>
    public static async Task<bool> NumberTakenMeanwhileAsync(AppDbContext db, AgreementDraft draft, string regionCode, int? agreementId)
    {
        if (draft.Number is null)
            return false;
        db.ChangeTracker.Clear();
        var lowered = draft.Number.ToLower();
        return await db.Agreements.IgnoreQueryFilters()
            .AnyAsync(a => a.RegionCode == regionCode && a.Id != agreementId && a.Number != null && a.Number.ToLower() == lowered);
    }

    private static void Add(Dictionary<string, string[]> problems, string field, string message) =>
        problems[field] = problems.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
