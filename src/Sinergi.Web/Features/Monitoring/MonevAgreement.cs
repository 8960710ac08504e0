using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>What monitoring needs to know of an agreement: its term, who runs it, who shares it, and its cadence.</summary>
public sealed record MonevAgreement(
    int Id, string RegionCode, string Title, string? Number, AgreementLifecycle Lifecycle, DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn,
    DateOnly? TerminatedOn, List<int> OpdIds, List<string> SharedWith, EvaluationCadence Cadence, bool CadenceOverridden, int DueDays,
    DateOnly? MonevStartsOn = null)
{
    public (DateOnly Start, DateOnly? End)? Term => EvaluationPeriods.Term(Lifecycle, SignedOn, StartsOn, EndsOn, TerminatedOn);

    public List<EvaluationPeriod> PeriodsOn(DateOnly today) => EvaluationPeriods.For(Term, Cadence, DueDays, today, MonevStartsOn);

    /// <summary>The agreement with its cadence (its own, or its region's); null when it does not exist.</summary>
    public static async Task<MonevAgreement?> LoadAsync(AppDbContext db, int id, CancellationToken ct = default)
    {
        var row = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.RegionCode, a.Title, a.Number, a.Lifecycle, a.SignedOn, a.StartsOn, a.EndsOn, a.TerminatedOn,
                Opds = a.Opds.Select(o => o.Id).ToList(), Shared = a.SharedWith.Select(s => s.RegionCode).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (row is null)
            return null;
        var settings = await MonevSettings.ForRegionAsync(db, row.RegionCode, ct);
        var own = await db.EvaluationSchedules.Where(s => s.AgreementId == id).Select(s => (EvaluationCadence?)s.Cadence).SingleOrDefaultAsync(ct);
        return new MonevAgreement(row.Id, row.RegionCode, row.Title, row.Number, row.Lifecycle, row.SignedOn, row.StartsOn, row.EndsOn,
            row.TerminatedOn, row.Opds, row.Shared, own ?? settings.Cadence, own is not null, settings.DueDays, settings.MonevStartsOn);
    }
}

/// <summary>Who fills which report.</summary>
public static class MonevAccess
{
    /// <summary>
    /// Why the caller may not file the implementation report of the agreement; null when they may.
    /// The owner region's report is its responsible OPD's (an operator of one of its OPDs); a region
    /// party to a shared agreement files its own through its admin or an operator.
    /// </summary>
    public static string? ImplementationRefusal(ClaimsPrincipal user, RegionScope scope, MonevAgreement agreement)
    {
        var region = scope.RegionCode;
        if (region == agreement.RegionCode)
            return user.IsInRole(Roles.OpdOperator) && scope.OpdId is int opd && agreement.OpdIds.Contains(opd) ? null
                : "Laporan pelaksanaan diisi dan dikirim oleh OPD penanggung jawab kerja sama ini.";
        if (region is not null && agreement.SharedWith.Contains(region) && (user.IsInRole(Roles.AdminKerjaSama) || user.IsInRole(Roles.OpdOperator)))
            return null;
        return "Laporan pelaksanaan diisi dan dikirim oleh OPD penanggung jawab kerja sama ini.";
    }

    /// <summary>The region whose report the caller reads first on a period: their own when they are party, otherwise the owner's.</summary>
    public static string ReportRegion(RegionScope scope, MonevAgreement agreement) =>
        scope.RegionCode is { } own && agreement.SharedWith.Contains(own) ? own : agreement.RegionCode;

    /// <summary>
    /// Why the caller may not file the review or the evaluation; null when they may. The review is a
    /// TKKSD member's who is lokus of one of the agreement's OPDs (a partner region's TKKSD reviews
    /// its own report); the evaluation is the Admin Kerja Sama's of the region whose report it is.
    /// </summary>
    public static async Task<string?> AssessmentRefusalAsync(AppDbContext db, ClaimsPrincipal user, RegionScope scope, MonevAgreement agreement,
        AssessmentKind kind, CancellationToken ct = default)
    {
        var region = scope.RegionCode;
        var party = region is not null && (region == agreement.RegionCode || agreement.SharedWith.Contains(region));
        if (kind == AssessmentKind.Evaluasi)
            return party && user.IsInRole(Roles.AdminKerjaSama) ? null : "Evaluasi diisi oleh Admin Kerja Sama daerah.";
        const string notLokus = "Telaah diisi oleh anggota TKKSD yang ditetapkan sebagai lokus OPD penanggung jawab kerja sama ini (Pengaturan › Lokus TKKSD).";
        if (!party || !user.IsInRole(Roles.Tkksd))
            return notLokus;
        if (region != agreement.RegionCode)
            return null;
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return await db.LokusAssignments.IgnoreQueryFilters().AnyAsync(l => l.UserId == userId && agreement.OpdIds.Contains(l.OpdId), ct) ? null : notLokus;
    }

    /// <summary>The OPDs the caller is lokus of (none for anyone but a TKKSD member).</summary>
    public static Task<List<int>> LokusOpdsAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return user.IsInRole(Roles.Tkksd)
            ? db.LokusAssignments.IgnoreQueryFilters().Where(l => l.UserId == userId).Select(l => l.OpdId).ToListAsync(ct)
            : Task.FromResult(new List<int>());
    }

    /// <summary>The owner's Admin Kerja Sama sets an agreement's own cadence.</summary>
    public static bool CanSchedule(ClaimsPrincipal user, RegionScope scope, MonevAgreement agreement) =>
        scope.RegionCode == agreement.RegionCode && user.IsInRole(Roles.AdminKerjaSama);
}
