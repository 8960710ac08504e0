using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>
/// A proposal: its stage and deadline, what the stage still needs, the moves the caller may make
/// (from the SOP, as buttons), its documents with every version, the TKKSD's assessment and its history.
/// </summary>
public partial class DetailsModel(AppDbContext db, RegionScope scope, TimeProvider clock, ProposalNotifier notifier, Agreements.Registry.RegistryCache cache) : PageModel
{
    public Proposal Proposal { get; private set; } = null!;
    public SopVersion Sop { get; private set; } = null!;
    public SopStage? Stage { get; private set; }
    public ProposalCaller Caller { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Requirement> Missing { get; private set; } = [];
    public IReadOnlyList<AllowedMove> Moves { get; private set; } = [];
    public List<ProposalDocument> Documents { get; private set; } = [];
    public List<ProposalVote> Votes { get; private set; } = [];
    /// <summary>Each voter's position in the TKKSD on the day of the vote, from the member register's history.</summary>
    public Tkksd.TkksdRegister.PositionHistory Positions { get; private set; } = null!;
    public ProposalVotes.Quorum Quorum { get; private set; } = null!;
    public ProposalSettings Settings { get; private set; } = null!;
    public List<ProposalCostItem> Costs { get; private set; } = [];
    public List<AuditEvent> History { get; private set; } = [];
    public string? Error { get; private set; }
    public string? AgreementTitle { get; private set; }
    public List<Overlap> Overlaps { get; private set; } = [];
    /// <summary>Every version the proposer submitted, oldest first.</summary>
    public List<ProposalRevision> Revisions { get; private set; } = [];

    public bool CanVote => Caller.Is(Accounts.Roles.Tkksd) && Stage is { } s && s.Moves.Any(m => m.Condition == MoveCondition.QuorumReached)
        && Proposal.State == ProposalState.Berjalan && Votes.All(v => v.UserId != Caller.Actor.UserId);

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    private async Task<bool> LoadAsync(int id)
    {
        Caller = ProposalCaller.Of(User, scope);
        if (await Proposals.LoadAsync(db, id, HttpContext.RequestAborted) is not { } proposal || !Caller.CanRead(proposal))
            return false;
        Proposal = proposal;
        Sop = proposal.Sop!;
        Stage = Sop.Stage(proposal.Stage);
        Today = RegionClock.Today(clock, proposal.RegionCode);
        var facts = await ProposalWorkflow.FactsAsync(db, proposal, HttpContext.RequestAborted);
        Missing = Stage is null ? [] : ProposalWorkflow.Missing(proposal, Stage, facts);
        Moves = ProposalWorkflow.AllowedFor(Caller, proposal, Sop, facts);
        Documents = await db.ProposalDocuments.AsNoTracking().Where(d => d.ProposalId == id).OrderBy(d => d.Type).ThenByDescending(d => d.Number).ToListAsync();
        Votes = await ProposalVotes.ListAsync(db, id, proposal.Round, HttpContext.RequestAborted);
        Positions = await Tkksd.TkksdRegister.PositionHistoryAsync(db, proposal.RegionCode, Votes.Select(v => v.UserId), HttpContext.RequestAborted);
        Quorum = facts.Quorum;
        Settings = facts.Settings;
        Costs = await db.ProposalCostItems.AsNoTracking().Where(c => c.ProposalId == id).OrderBy(c => c.Id).ToListAsync();
        History = await AuditTrail.ReadAsync(db, AuditEntities.Proposal, id, 50, HttpContext.RequestAborted);
        Messages = await ProposalThread.ListAsync(db, id, HttpContext.RequestAborted);
        Revisions = await ProposalRevisions.ListAsync(db, id, HttpContext.RequestAborted);
        if (proposal.State == ProposalState.Berjalan)
            Overlaps = await ProposalOverlap.ForAsync(db, scope, cache, proposal, Today, HttpContext.RequestAborted);
        await LoadSigningAsync();
        if (proposal.AgreementId is int agreementId)
            AgreementTitle = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == agreementId).Select(a => a.Title).SingleOrDefaultAsync();
        return true;
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, string? to, string? reason, int? version)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var outcome = await ProposalWorkflow.MoveAsync(db, Caller, Proposal, to, reason, version, clock, notifier, HttpContext.RequestAborted, SignedOn);
        if (!outcome.Moved)
            return Refused(outcome.Error!, outcome.NotAllowed && Stage is not null && !Caller.ActsIn(Proposal, Stage));
        TempData["Status"] = $"Usulan dipindahkan ke tahap {SopVersion.StageName(Sop, Proposal.Stage)}.";
        return HttpContext.RedirectAfterPost($"/Proposals/Details/{id}");
    }

    public async Task<IActionResult> OnPostCheckAsync(int id, string? item, bool done)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (await Proposals.CheckAsync(db, Caller, Proposal, item ?? "", done, HttpContext.RequestAborted) is { } error)
            return Refused(error, Stage is null || !Caller.ActsIn(Proposal, Stage));
        return HttpContext.RedirectAfterPost($"/Proposals/Details/{id}#requirements");
    }

    /// <summary>The page again with the refusal on top and nothing changed; 403 when the caller has no part in the stage at all.</summary>
    private IActionResult Refused(string error, bool forbidden)
    {
        if (forbidden)
            return Forbid();
        db.ChangeTracker.Clear();
        Error = error;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
