using System.Security.Claims;
using Sinergi.Audit;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>Who is acting on proposals: their region, OPD, roles and name; the page, the API and tests build one the same way.</summary>
public sealed record ProposalCaller(string? RegionCode, int? OpdId, IReadOnlySet<string> Roles, Actor Actor)
{
    public static ProposalCaller Of(ClaimsPrincipal user, RegionScope scope) =>
        new(scope.RegionCode, scope.OpdId, Accounts.Roles.All.Where(user.IsInRole).ToHashSet(), Actor.Of(user));

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>Reads a proposal: its region's government accounts; an Operator OPD only its own OPD's.</summary>
    public bool CanRead(Proposal proposal) =>
        RegionCode == proposal.RegionCode && !Is(Accounts.Roles.Mitra)
        && (Is(Accounts.Roles.AdminKerjaSama) || Is(Accounts.Roles.Tkksd) || Is(Accounts.Roles.Pimpinan) || OpdId == proposal.OpdId);

    /// <summary>Starts proposals: the admin (also from an offer from outside) and an Operator OPD for its own OPD.</summary>
    public bool CanCreate => RegionCode is not null && (Is(Accounts.Roles.AdminKerjaSama) || (Is(Accounts.Roles.OpdOperator) && OpdId is not null));

    /// <summary>Acts in a stage: holds one of its roles; an Operator OPD only for the proposal's responsible OPD.</summary>
    public bool ActsIn(Proposal proposal, SopStage stage) =>
        RegionCode == proposal.RegionCode && proposal.State == ProposalState.Berjalan
        && (ActsInEveryOpd(stage) || (ActsForOwnOpd(stage) && OpdId == proposal.OpdId));

    /// <summary>Holds one of the stage's roles other than Operator OPD: acts in it whichever OPD is responsible.</summary>
    public bool ActsInEveryOpd(SopStage stage) => stage.Actors.Any(role => role != Accounts.Roles.OpdOperator && Is(role));

    /// <summary>Acts in the stage as its Operator OPD: only on the proposals of the caller's own OPD.</summary>
    public bool ActsForOwnOpd(SopStage stage) => Is(Accounts.Roles.OpdOperator) && stage.Actors.Contains(Accounts.Roles.OpdOperator);

    /// <summary>Adds documents: the stage's actors, the admin and the responsible OPD, while the proposal runs.</summary>
    public bool CanUpload(Proposal proposal, SopStage? stage) =>
        RegionCode == proposal.RegionCode && proposal.State == ProposalState.Berjalan
        && (Is(Accounts.Roles.AdminKerjaSama) || (Is(Accounts.Roles.OpdOperator) && OpdId == proposal.OpdId) || (stage is not null && ActsIn(proposal, stage)));
}
