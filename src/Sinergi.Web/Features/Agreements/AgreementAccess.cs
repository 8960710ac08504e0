using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;

namespace Sinergi.Features.Agreements;

/// <summary>
/// Who may read and change which agreements. Reads go through <see cref="Visible"/>, an explicit
/// query that does what the context's region filter does (own region, or shared with it) plus
/// the overseers' roll-up, and that lets the rows' partners and OPDs come along unfiltered.
/// </summary>
public static class AgreementAccess
{
    /// <summary>
    /// The agreements the caller may read: of <paramref name="regionCode"/> when given (an overseer
    /// looking at one of their regions), otherwise of their own region and those shared with it.
    /// </summary>
    public static IQueryable<Agreement> Visible(AppDbContext db, RegionScope scope, string? regionCode = null)
    {
        var all = db.Agreements.IgnoreQueryFilters();
        if (regionCode is not null)
            return scope.Oversees(regionCode) ? all.Where(a => a.RegionCode == regionCode) : all.Where(a => false);
        if (scope.IsUnrestricted)
            return all;
        var own = scope.RegionCode;
        if (own is null)
            return all.Where(a => false);
        // "Id IN (shares of the region)" rather than EXISTS per row: SQLite and PostgreSQL then read
        // the region's rows by index instead of scanning every region's agreements.
        var shared = db.AgreementShares.Where(s => s.RegionCode == own).Select(s => s.AgreementId);
        return all.Where(a => a.RegionCode == own || shared.Contains(a.Id));
    }

    /// <summary>
    /// The same agreements as <see cref="Visible"/>, as disjoint parts that each read from one index:
    /// a region's own, and those other regions share with it.
    /// </summary>
    public static IReadOnlyList<IQueryable<Agreement>> VisibleParts(AppDbContext db, RegionScope scope, string? regionCode = null)
    {
        if (regionCode is not null || scope.IsUnrestricted || scope.RegionCode is not { } own)
            return [Visible(db, scope, regionCode)];
        var all = db.Agreements.IgnoreQueryFilters();
        var shared = db.AgreementShares.Where(s => s.RegionCode == own).Select(s => s.AgreementId);
        return [all.Where(a => a.RegionCode == own), all.Where(a => a.RegionCode != own && shared.Contains(a.Id))];
    }

    /// <summary>
    /// Agreements of any region, with the lists that checking, history and search need loaded
    /// (urusan, OPDs, partners, shares). Callers narrow it to what they may touch.
    /// </summary>
    public static IQueryable<Agreement> WithLists(this IQueryable<Agreement> query) =>
        query.IgnoreQueryFilters().AsSplitQuery()
            .Include(a => a.Urusan).Include(a => a.Opds).Include(a => a.Partners).Include(a => a.SharedWith);

    /// <summary>
    /// Every agreement <see cref="CanReadAsync"/> lets the caller read, of any region, as a query:
    /// what an agreement's page may name among its relatives (its KB, PKS, adendum, extensions)
    /// without telling a partner region about another region's drafts or unshared rows.
    /// </summary>
    public static IQueryable<Agreement> Readable(AppDbContext db, RegionScope scope)
    {
        var all = db.Agreements.IgnoreQueryFilters();
        if (scope.IsUnrestricted || scope.OverseenPrefix is "")
            return all;
        var own = scope.RegionCode;
        if (own is null)
            return all.Where(a => false);
        var shared = db.AgreementShares.Where(s => s.RegionCode == own).Select(s => s.AgreementId);
        if (scope.OverseenPrefix is not { } prefix)
            return all.Where(a => a.RegionCode == own || shared.Contains(a.Id));
        var children = prefix + ".";
        return all.Where(a => a.RegionCode == own || a.RegionCode.StartsWith(children) || shared.Contains(a.Id));
    }

    /// <summary>True when the caller may read the agreement: theirs, shared with them, or overseen.</summary>
    public static async Task<bool> CanReadAsync(AppDbContext db, RegionScope scope, int agreementId, CancellationToken ct = default)
    {
        var owner = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == agreementId)
            .Select(a => new { a.RegionCode, Shared = a.SharedWith.Select(s => s.RegionCode).ToList() })
            .SingleOrDefaultAsync(ct);
        return owner is not null && (scope.Oversees(owner.RegionCode) || (scope.RegionCode is { } own && owner.Shared.Contains(own)));
    }

    /// <summary>Admin Kerja Sama and Operator OPD record agreements; an operator's must involve their OPD.</summary>
    public static bool CanCreate(ClaimsPrincipal user, RegionScope scope) =>
        scope.RegionCode is not null && (user.IsInRole(Roles.AdminKerjaSama) || (user.IsInRole(Roles.OpdOperator) && scope.OpdId is not null));

    /// <summary>The owner region's Admin Kerja Sama edits all of it; an Operator OPD edits those its OPD runs.</summary>
    public static bool CanEdit(ClaimsPrincipal user, RegionScope scope, string ownerRegion, IEnumerable<int> opdIds) =>
        ownerRegion == scope.RegionCode
        && (user.IsInRole(Roles.AdminKerjaSama) || (user.IsInRole(Roles.OpdOperator) && scope.OpdId is int opd && opdIds.Contains(opd)));

    /// <summary>Only the region's Admin Kerja Sama deletes, and only what nothing else hangs on.</summary>
    public static bool CanDelete(ClaimsPrincipal user, RegionScope scope, string ownerRegion) =>
        ownerRegion == scope.RegionCode && user.IsInRole(Roles.AdminKerjaSama);
}

/// <summary>
/// Who keeps the directory: operators add and correct partners, the admin also deletes and merges.
/// A partner's type, name and region change only for whoever may edit every agreement naming it
/// (<see cref="Partners.PartnerIdentity"/>).
/// </summary>
public static class PartnerAccess
{
    public static bool CanEdit(ClaimsPrincipal user, RegionScope scope) =>
        scope.RegionCode is not null && (user.IsInRole(Roles.AdminKerjaSama) || user.IsInRole(Roles.OpdOperator));

    public static bool CanManage(ClaimsPrincipal user, RegionScope scope) =>
        scope.RegionCode is not null && user.IsInRole(Roles.AdminKerjaSama);
}
