using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Query;
using Sinergi.Data;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>
/// Keeps <see cref="Region.RegistryVersion"/> honest: a save that changes what a region's registry
/// shows marks the region, and the version rises in the same transaction, just before it commits.
/// Readers that keep figures in memory (<see cref="RegistryCache"/>) key them on the version they
/// read, so a change made through any app node is seen by every node on its next request.
/// </summary>
internal static class RegistryVersions
{
    /// <summary>
    /// The regions whose registry the pending changes touch: the owner of every changed agreement
    /// (or of the agreement a changed link, share or search text belongs to), every region it is
    /// shared with, the region of a changed OPD or partner (with the regions that see a changed
    /// partner's agreements, whose lists filter by its type), the region of a changed proposal or
    /// of the proposal a changed partner or urusan link belongs to, the region of a changed potential
    /// or IKU, and the owner and sharers of the agreement a changed indicator, indicator value or
    /// kendala belongs to.
    /// </summary>
    public static async Task<HashSet<string>> TouchedAsync(AppDbContext db, CancellationToken ct)
    {
        var (regions, agreementIds, partnerIds, proposalIds) = Collect(db);
        if (agreementIds.Count > 0 || partnerIds.Count > 0 || proposalIds.Count > 0)
            regions.UnionWith(await RegionsOf(db, agreementIds, partnerIds, proposalIds).ToListAsync(ct));
        return regions;
    }

    public static HashSet<string> Touched(AppDbContext db)
    {
        var (regions, agreementIds, partnerIds, proposalIds) = Collect(db);
        if (agreementIds.Count > 0 || partnerIds.Count > 0 || proposalIds.Count > 0)
            regions.UnionWith(RegionsOf(db, agreementIds, partnerIds, proposalIds).ToList());
        return regions;
    }

    private static (HashSet<string> Regions, HashSet<int> AgreementIds, HashSet<int> PartnerIds, HashSet<int> ProposalIds) Collect(AppDbContext db)
    {
        var regions = new HashSet<string>(StringComparer.Ordinal);
        var agreementIds = new HashSet<int>();
        var partnerIds = new HashSet<int>();
        var proposalIds = new HashSet<int>();
        var links = db.Model.FindEntityType(typeof(Agreement))!.GetSkipNavigations().Select(n => n.JoinEntityType).ToHashSet();
        // A proposal's partners and urusan decide its overlaps (ProposalOverlap), kept under the version too.
        var proposalLinks = db.Model.FindEntityType(typeof(Sinergi.Features.Proposals.Proposal))!.GetSkipNavigations().Select(n => n.JoinEntityType).ToHashSet();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            if (entry.Entity is not (Agreement or AgreementShare or AgreementSearch or Opd or Partner or Sinergi.Features.Monitoring.MonevSummary
                    // what the Monev list shows of an agreement, kept under the same version (MonevQueries.DueAsync)
                    or Sinergi.Features.Monitoring.ImplementationReport or Sinergi.Features.Monitoring.Assessment
                    or Sinergi.Features.Monitoring.EvaluationSchedule or Sinergi.Features.Monitoring.MonevSettings
                    // an agreement's indicators and their targets and realisations, counted on Beranda (DashboardQueries)
                    // and on the agreement's page with its kendala and the IKU they serve (MonevPart)
                    or Sinergi.Features.Monitoring.Indicator or Sinergi.Features.Monitoring.IndicatorValue
                    or Sinergi.Features.Monitoring.Obstacle or Sinergi.Features.Monitoring.PerformanceIndicator
                    // what the Anggaran checks show, kept under the same version (Budget/Index)
                    or Sinergi.Features.Budget.BudgetLine
                    // the Usulan list and inboxes, kept under the same version (ProposalQueries)
                    or Sinergi.Features.Proposals.Proposal
                    // the potentials list and map, a region's and a province's (PotentialQueries)
                    or Sinergi.Features.Potentials.Potential) && !links.Contains(entry.Metadata) && !proposalLinks.Contains(entry.Metadata))
                continue;
            if (proposalLinks.Contains(entry.Metadata))
            {
                if (entry.Property("ProposalId") is { IsTemporary: false, CurrentValue: int proposalId })
                    proposalIds.Add(proposalId);
                continue;
            }
            if (entry.Entity is Sinergi.Features.Monitoring.IndicatorValue value)
            {
                // A value is saved through its indicator, which the context tracks; a new indicator counts itself.
                if (db.ChangeTracker.Entries<Sinergi.Features.Monitoring.Indicator>().FirstOrDefault(i => i.Entity.Id == value.IndicatorId) is { } indicator
                    && indicator.Property(i => i.AgreementId) is { IsTemporary: false, CurrentValue: var owner })
                    agreementIds.Add(owner);
                continue;
            }
            if (entry.Metadata.FindProperty("RegionCode") is not null)
            {
                var region = entry.Property("RegionCode");
                regions.Add((string)region.CurrentValue!);
                if (entry.State == EntityState.Modified)
                    regions.Add((string)region.OriginalValue!);
            }
            // The regions an existing agreement is shared with see it too; the owner is read with them.
            var agreementId = entry.Entity is Agreement ? entry.Property(nameof(Agreement.Id)) : entry.Metadata.FindProperty("AgreementId") is null ? null : entry.Property("AgreementId");
            if (agreementId is { IsTemporary: false, CurrentValue: int id })
                agreementIds.Add(id);
            if (entry is { Entity: Partner partner, State: EntityState.Modified })
                partnerIds.Add(partner.Id);
        }
        return (regions, agreementIds, partnerIds, proposalIds);
    }

    private static IQueryable<string> RegionsOf(AppDbContext db, HashSet<int> agreementIds, HashSet<int> partnerIds, HashSet<int> proposalIds)
    {
        var agreements = db.Agreements.IgnoreQueryFilters();
        return agreements.Where(a => agreementIds.Contains(a.Id)).Select(a => a.RegionCode)
            .Concat(db.Proposals.IgnoreQueryFilters().Where(p => proposalIds.Contains(p.Id)).Select(p => p.RegionCode))
            .Concat(db.AgreementShares.Where(s => agreementIds.Contains(s.AgreementId)).Select(s => s.RegionCode))
            .Concat(agreements.Where(a => a.Partners.Any(p => partnerIds.Contains(p.Id))).SelectMany(a => a.SharedWith, (a, s) => s.RegionCode))
            .Distinct();
    }

    /// <summary>
    /// The version a list over one region (<paramref name="prefix"/> null), or over every region
    /// under a prefix, is kept under: the sum of their versions, which only ever rise, so any change
    /// to one of them gives a sum not seen before.
    /// </summary>
    public static Task<long> OfAsync(AppDbContext db, string? regionCode, string? prefix, CancellationToken ct = default)
    {
        var regions = db.Regions.AsNoTracking();
        regions = prefix is null ? regions.Where(r => r.Code == regionCode) : regions.WhereRegionUnder(prefix, r => r.Code);
        return regions.SumAsync(r => r.RegistryVersion, ct);
    }

    /// <summary>Raises the versions of the marked regions inside the transaction about to commit.</summary>
    public sealed class Interceptor : DbTransactionInterceptor
    {
        public static readonly Interceptor Instance = new();

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is AppDbContext db && db.TakeRegistryChanges() is { Count: > 0 } regions)
                await Raise(db, regions).ExecuteUpdateAsync(Increment, cancellationToken);
            return result;
        }

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            if (eventData.Context is AppDbContext db && db.TakeRegistryChanges() is { Count: > 0 } regions)
                Raise(db, regions).ExecuteUpdate(Increment);
            return result;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData)
        {
            if (eventData.Context is AppDbContext db)
                db.TakeRegistryChanges();
        }

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            TransactionRolledBack(transaction, eventData);
            return Task.CompletedTask;
        }

        // One statement over the primary key: PostgreSQL locks the rows in key order, so two
        // transactions raising the same regions wait for each other instead of deadlocking.
        private static IQueryable<Region> Raise(AppDbContext db, IReadOnlyCollection<string> regions) =>
            db.Regions.Where(r => regions.Contains(r.Code));

        private static void Increment(UpdateSettersBuilder<Region> setters) =>
            setters.SetProperty(r => r.RegistryVersion, r => r.RegistryVersion + 1);
    }
}
