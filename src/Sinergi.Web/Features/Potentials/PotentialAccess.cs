using Sinergi.Features.Accounts;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;

namespace Sinergi.Features.Potentials;

/// <summary>Who reads and who changes potentials; the pages, the API and the tests ask here.</summary>
public static class PotentialAccess
{
    /// <summary>
    /// The regions a caller reads potentials across: a province overseer and the province's own
    /// admin its kab/kota (prefix "62"), the ministry all (""); null for a region's own accounts.
    /// </summary>
    public static string? WidePrefix(ProposalCaller caller, RegionScope scope) =>
        scope.OverseenPrefix ?? (caller.Is(Roles.AdminKerjaSama) && caller.RegionCode is { Length: 2 } province ? province : null);

    /// <summary>The region's government accounts read its potentials (a Mitra does not); the wide readers those under them.</summary>
    public static bool CanRead(ProposalCaller caller, RegionScope scope, Potential potential) =>
        (caller.RegionCode == potential.RegionCode && !caller.Is(Roles.Mitra) && Roles.RegistryReaders.Any(caller.Is))
        || (WidePrefix(caller, scope) is { } prefix && RollUp.Covers(prefix, potential.RegionCode));

    /// <summary>Records potentials: the admin and the TKKSD for the whole region, an Operator OPD for its own OPD.</summary>
    public static bool CanCreate(ProposalCaller caller) =>
        caller.RegionCode is not null && (caller.Is(Roles.AdminKerjaSama) || caller.Is(Roles.Tkksd) || (caller.Is(Roles.OpdOperator) && caller.OpdId is not null));

    public static bool CanEdit(ProposalCaller caller, Potential potential) =>
        caller.RegionCode == potential.RegionCode
        && (caller.Is(Roles.AdminKerjaSama) || caller.Is(Roles.Tkksd) || (caller.Is(Roles.OpdOperator) && caller.OpdId == potential.OpdId));

    public static bool CanScore(ProposalCaller caller, Potential potential) =>
        caller.Is(Roles.Tkksd) && caller.RegionCode == potential.RegionCode && caller.Actor.UserId is not null;
}
