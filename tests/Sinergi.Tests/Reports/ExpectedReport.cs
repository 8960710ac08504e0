using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Reports;

/// <summary>
/// What a region's report for a period must say, worked out here from the database on its own
/// terms: the agreements signed in the period or in force on one of its days (no drafts), each
/// with its status on the report day (an agreement ended early after that day was still running).
/// </summary>
internal sealed record ExpectedReport(DateOnly AsOf, List<Agreement> Registry, List<Agreement> Covered, Dictionary<int, AgreementStatus> Status)
{
    public static async Task<ExpectedReport> ForAsync(SinergiApp app, string region, DateOnly from, DateOnly until)
    {
        var today = RegionClock.Today(TimeProvider.System, region);
        var asOf = today < until ? today : until;
        var (registry, window) = await app.WithDbAsync(async db => (
            await db.Agreements.Include(a => a.Urusan).Include(a => a.Opds).Include(a => a.Partners)
                .Where(a => a.RegionCode == region || a.SharedWith.Any(s => s.RegionCode == region)).ToListAsync(),
            await db.RegionSettings.Where(s => s.RegionCode == region).Select(s => (int?)s.ExpiringWindowDays).SingleOrDefaultAsync() ?? 90));

        bool Covered(Agreement a)
        {
            if (a.Lifecycle == AgreementLifecycle.Draf)
                return false;
            var signedInPeriod = a.SignedOn >= from && a.SignedOn <= asOf;
            var started = (a.StartsOn ?? a.SignedOn) <= asOf;
            var notEndedBefore = a.EndsOn is null || a.EndsOn >= from;
            var notTerminatedBefore = !(a.Lifecycle == AgreementLifecycle.Diakhiri && a.TerminatedOn < from);
            return signedInPeriod || (started && notEndedBefore && notTerminatedBefore);
        }

        var covered = registry.Where(Covered).ToList();
        var status = covered.ToDictionary(a => a.Id, a => AgreementStatusRules.StatusOf(
            a.Lifecycle == AgreementLifecycle.Diakhiri && a.TerminatedOn > asOf ? AgreementLifecycle.Aktif : a.Lifecycle,
            a.StartsOn, a.EndsOn, asOf, window));
        return new ExpectedReport(asOf, registry, covered, status);
    }

    public int Count(AgreementStatus status) => Status.Values.Count(s => s == status);

    public decimal Value(Func<Agreement, bool> which) => Covered.Where(which).Sum(a => a.Value ?? 0);

    /// <summary>Rupiah written out by hand: "Rp" and groups of three digits separated by dots.</summary>
    public static string Rupiah(decimal value) =>
        "Rp" + decimal.Truncate(value).ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}
