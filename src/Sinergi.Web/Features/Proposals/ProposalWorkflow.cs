using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>A move the caller may make now, as the page's buttons and the API's <c>allowedTransitions</c> show it.</summary>
public sealed record AllowedMove(string To, string ToName, MoveKind Kind, string Label, bool NeedsReason, bool Blocked);

/// <summary>What a stage still needs before it can be left, each as a person reads it.</summary>
public sealed record Requirement(string Kind, string Code, string Label);

/// <summary>What the current stage's conditions are read from; loaded once per request.</summary>
/// <param name="Settings">The region's assessment rubric and quorum rule the quorum was reckoned with.</param>
public sealed record ProposalFacts(ProposalVotes.Quorum Quorum, IReadOnlySet<string> Documents, ProposalSettings Settings)
{
    public bool QuorumReached => Quorum.Reached;
}

/// <summary>
/// The one state machine of proposals: it reads the SOP version the proposal started on and
/// allows exactly the moves that stage lists, whose condition holds, to the stage's actors; admins
/// have no way around it. A forward move also needs every required document and checklist item.
/// </summary>
public static class ProposalWorkflow
{
    public sealed record Outcome(bool Moved, string? Error, IReadOnlyList<Requirement> Missing, bool Conflict = false, bool NotAllowed = false);

    public static async Task<ProposalFacts> FactsAsync(AppDbContext db, Proposal proposal, CancellationToken ct = default)
    {
        var documents = await db.ProposalDocuments.Where(d => d.ProposalId == proposal.Id && d.RejectedAt == null)
            .Select(d => d.Type).Distinct().ToListAsync(ct);
        var settings = await ProposalVotes.SettingsAsync(db, proposal.RegionCode, ct);
        var quorum = await ProposalVotes.QuorumAsync(db, proposal, settings, ct);
        return new ProposalFacts(quorum, documents.ToHashSet(), settings);
    }

    public static IReadOnlyList<Requirement> Missing(Proposal proposal, SopStage stage, ProposalFacts facts) =>
    [
        .. stage.Documents.Where(d => !facts.Documents.Contains(d)).Select(d => new Requirement("document", d, ProposalDocumentTypes.Label(d))),
        .. stage.Checklist.Where(c => !proposal.Checked.Contains(CheckKey(stage, c))).Select(c => new Requirement("checklist", c, c)),
    ];

    public static string CheckKey(SopStage stage, string item) => $"{stage.Code}|{item}";

    private static bool Holds(MoveCondition condition, Proposal proposal, ProposalFacts facts) => condition switch
    {
        MoveCondition.DprdRequired => proposal.DprdRequired,
        MoveCondition.DprdNotRequired => !proposal.DprdRequired,
        MoveCondition.QuorumReached => facts.QuorumReached,
        MoveCondition.FromKb => proposal.ParentAgreementId is not null,
        MoveCondition.NotFromKb => proposal.ParentAgreementId is null,
        _ => true,
    };

    /// <summary>The moves the SOP offers from the current stage whose conditions hold, for whoever acts in it.</summary>
    public static IReadOnlyList<SopMove> Moves(Proposal proposal, SopVersion sop, ProposalFacts facts) =>
        proposal.State != ProposalState.Berjalan || sop.Stage(proposal.Stage) is not { } stage ? []
            : [.. stage.Moves.Where(m => Holds(m.Condition, proposal, facts))];

    public static IReadOnlyList<AllowedMove> AllowedFor(ProposalCaller caller, Proposal proposal, SopVersion sop, ProposalFacts facts)
    {
        if (sop.Stage(proposal.Stage) is not { } stage || !caller.ActsIn(proposal, stage))
            return [];
        var blocked = Missing(proposal, stage, facts).Count > 0;
        return [.. Moves(proposal, sop, facts).Select(m => new AllowedMove(m.To, SopVersion.StageName(sop, m.To), m.Kind, m.Label,
            m.Kind != MoveKind.Forward, m.Kind == MoveKind.Forward && blocked))];
    }

    /// <summary>
    /// Moves the proposal to <paramref name="to"/> when the SOP allows it, for this caller, now.
    /// <paramref name="expectedVersion"/> is the version the caller saw: when someone moved it in
    /// between, nothing changes and the caller is told.
    /// </summary>
    public static async Task<Outcome> MoveAsync(AppDbContext db, ProposalCaller caller, Proposal proposal, string? to, string? reason,
        int? expectedVersion, TimeProvider clock, ProposalNotifier? notifier = null, CancellationToken ct = default, DateOnly? signedOn = null)
    {
        var sop = proposal.Sop ?? await db.SopVersions.IgnoreQueryFilters().SingleAsync(s => s.Id == proposal.SopVersionId, ct);
        if (expectedVersion is int seen && seen != proposal.Version)
            return Stale(proposal, sop);
        if (proposal.State != ProposalState.Berjalan || sop.Stage(proposal.Stage) is not { } stage)
            return new(false, $"Usulan ini sudah {Proposal.StateLabel(proposal.State).ToLowerInvariant()}; tidak ada tahap yang dapat dipindahkan.", [], NotAllowed: true);
        if (!caller.ActsIn(proposal, stage))
            return new(false, $"Anda tidak dapat memindahkan usulan pada tahap {stage.Name}. Tahap ini dikerjakan oleh {Actors(stage)}.", [], NotAllowed: true);
        var facts = await FactsAsync(db, proposal, ct);
        var move = Moves(proposal, sop, facts).FirstOrDefault(m => m.To == to);
        if (move is null)
            return new(false, $"Dari tahap {stage.Name} usulan tidak dapat dipindahkan ke {(to is null ? "tahap yang tidak disebut" : SopVersion.StageName(sop, to))}. "
                + $"Pilihan yang ada: {string.Join(", ", Moves(proposal, sop, facts).Select(m => SopVersion.StageName(sop, m.To)).DefaultIfEmpty("belum ada (syaratnya belum terpenuhi)"))}.", [], NotAllowed: true);
        var text = Web.Text.CleanLines(reason);
        if (move.Kind != MoveKind.Forward && text is null)
            return new(false, move.Kind == MoveKind.Return ? "Tuliskan alasan pengembalian untuk revisi." : "Tuliskan alasan penolakan.", []);
        if (text?.Length > 2000)
            return new(false, "Alasan paling panjang 2.000 karakter.", []);
        if (move.Kind == MoveKind.Forward && Missing(proposal, stage, facts) is { Count: > 0 } missing)
            return new(false, $"Tahap {stage.Name} belum dapat ditinggalkan. Yang belum lengkap: {string.Join("; ", missing.Select(m => m.Label))}.", missing);

        var today = RegionClock.Today(clock, proposal.RegionCode);
        DateOnly? signed = null;
        if (move.Kind == MoveKind.Forward && ProposalSigning.IsSigningStage(stage))
        {
            // The date it was really signed on, entered by the admin (or the scheduled day once it has come), never "today" silently.
            var (date, error) = await ProposalSigning.SignedOnAsync(db, proposal, stage, signedOn, today, ct);
            if (error is not null)
                return new(false, error, [new Requirement("signing", "signedOn", "Tanggal penandatanganan")]);
            signed = date;
        }
        var from = proposal.Stage;
        // Completion writes the agreements and the proposal together, or nothing.
        await using var transaction = move.To == SopVersion.Done && db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var version = proposal.Version;
        try
        {
            await ApplyAsync(db, caller, proposal, sop, stage, move, text, from, today, signed, ct);
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
                await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            if (transaction is not null)
                await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var current = await db.Proposals.IgnoreQueryFilters().AsNoTracking().SingleAsync(p => p.Id == proposal.Id, ct);
            // Someone else moved it first: their move may also have taken the revision number this one wanted (a unique
            // index, not the version check, then refuses it). Any other failure is not a race and is not hidden.
            if (e is not DbUpdateConcurrencyException && current.Version == version)
                throw;
            return Stale(current, sop);
        }
        if (notifier is not null)
            await notifier.ReachedAsync(proposal, sop, ct);
        return new(true, null, []);
    }

    private static async Task ApplyAsync(AppDbContext db, ProposalCaller caller, Proposal proposal, SopVersion sop, SopStage stage, SopMove move,
        string? text, string from, DateOnly today, DateOnly? signed, CancellationToken ct)
    {
        if (signed is { } signedOn)
        {
            if (stage.Documents.Contains(ProposalDocumentTypes.KbBertandatangan))
                proposal.KbSignedOn = signedOn;
            else
                proposal.SignedOn = signedOn;
        }
        // Submitted (again) out of the proposer's stage: a version of its fields, for the reviewer's comparison.
        if (move.Kind == MoveKind.Forward && from == sop.First.Code)
            await ProposalRevisions.TakeAsync(db, proposal, caller.Actor.Name, ct);
        switch (move.Kind)
        {
            case MoveKind.Return:
                proposal.Round++;
                Enter(proposal, sop, move.To, today);
                break;
            case MoveKind.Reject:
                proposal.State = ProposalState.Ditolak;
                proposal.Stage = SopVersion.Rejected;
                break;
            default:
                if (move.To == SopVersion.Done)
                {
                    await ProposalCompletion.IntoRegistryAsync(db, proposal, sop, today, caller.Actor, ct);
                    proposal.State = ProposalState.Selesai;
                    proposal.Stage = SopVersion.Done;
                }
                else
                    Enter(proposal, sop, move.To, today);
                break;
        }
        if (text is not null)
            proposal.LastReason = text;
        db.AuditEvents.Add(AuditTrail.Entry(db, proposal.RegionCode, AuditEntities.Proposal, proposal.Id, move.Kind switch
        {
            MoveKind.Return => "Dikembalikan untuk revisi",
            MoveKind.Reject => "Ditolak",
            _ => "Tahap berpindah",
        }, [new AuditChange("Tahap", SopVersion.StageName(sop, from), SopVersion.StageName(sop, proposal.Stage)), .. text is null ? Array.Empty<AuditChange>() : [new AuditChange("Alasan", null, text)],
            .. signed is null ? Array.Empty<AuditChange>() : [new AuditChange("Tanggal penandatanganan", null, Web.Indonesian.Date(signed.Value))]],
            caller.Actor));
    }

    private static void Enter(Proposal proposal, SopVersion sop, string code, DateOnly today)
    {
        var stage = sop.Stage(code)!;
        proposal.Stage = code;
        proposal.StageSince = today;
        proposal.StageDueOn = today.AddDays(stage.DeadlineDays);
        // A stage entered again (after a revision) is checked again from nothing.
        proposal.Checked.RemoveAll(c => c.StartsWith(code + "|", StringComparison.Ordinal));
    }

    public static void Start(Proposal proposal, SopVersion sop, DateOnly today)
    {
        proposal.SopVersionId = sop.Id;
        proposal.Sop = sop;
        Enter(proposal, sop, sop.First.Code, today);
    }

    public static string Actors(SopStage stage) =>
        string.Join(", ", stage.Actors.Select(a => a == Roles.OpdOperator ? "Operator OPD penanggung jawab" : Roles.Label(a)));

    private static Outcome Stale(Proposal current, SopVersion sop) =>
        new(false, $"Usulan ini baru saja diubah oleh pengguna lain (sekarang pada tahap {SopVersion.StageName(sop, current.Stage)}). Muat ulang halaman, periksa tahapnya, lalu ulangi bila masih perlu.",
            [], Conflict: true);
}
