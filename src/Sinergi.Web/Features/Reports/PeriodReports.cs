using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Features.Reports;

/// <summary>Builds a <see cref="PeriodReport"/> from the registry; pages, API and PDF share it.</summary>
public static class PeriodReports
{
    private sealed record Row(
        int Id, string RegionCode, string? Number, string Title, AgreementKind Kind, AgreementDocumentType DocumentType,
        AgreementLifecycle Lifecycle, DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? TerminatedOn, decimal? Value,
        List<string> Partners, List<OpdRef> Opds, List<UrusanRef> Urusan);

    private sealed record OpdRef(string RegionCode, string ShortName, string Name);

    private sealed record UrusanRef(string Code, string Name);

    /// <summary>
    /// The region whose report the caller asks for: their own unless they name one they oversee.
    /// Null when it is not theirs to see or does not exist (callers answer 404).
    /// </summary>
    public static async Task<Region?> RegionForAsync(AppDbContext db, RegionScope scope, string? requested, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(requested) ? scope.RegionCode : requested.Trim();
        if (code is null || !Region.IsWellFormedCode(code) || !scope.Oversees(code))
            return null;
        return await db.Regions.AsNoTracking().Include(r => r.Province).SingleOrDefaultAsync(r => r.Code == code, ct);
    }

    /// <summary>
    /// Agreements that belong in the report of the period up to <paramref name="asOf"/>: not a draft, and
    /// signed in it, or started by the report day, not ended before the period and not ended early before it.
    /// </summary>
    public static Expression<Func<Agreement, bool>> Covers(DateOnly from, DateOnly asOf) =>
        a => a.Lifecycle != AgreementLifecycle.Draf
            && ((a.SignedOn >= from && a.SignedOn <= asOf)
                || ((a.StartsOn ?? a.SignedOn) <= asOf
                    && (a.EndsOn == null || a.EndsOn >= from)
                    && (a.Lifecycle != AgreementLifecycle.Diakhiri || a.TerminatedOn == null || a.TerminatedOn >= from)));

    /// <summary>
    /// The status an agreement had on <paramref name="day"/>: as <see cref="AgreementStatusRules"/> says,
    /// except that one ended early after that day was still running then.
    /// </summary>
    public static AgreementStatus StatusOn(AgreementLifecycle lifecycle, DateOnly? startsOn, DateOnly? endsOn, DateOnly? terminatedOn, DateOnly day, int windowDays) =>
        AgreementStatusRules.StatusOf(
            lifecycle == AgreementLifecycle.Diakhiri && terminatedOn > day ? AgreementLifecycle.Aktif : lifecycle,
            startsOn, endsOn, day, windowDays);

    public static async Task<PeriodReport> BuildAsync(AppDbContext db, Region region, ReportPeriod period, DateOnly today, CancellationToken ct = default)
    {
        var code = region.Code;
        var (from, asOf) = (period.From, period.AsOf(today));
        var window = await RegionSettings.ExpiringWindowAsync(db, code, ct);
        var rows = await db.Agreements.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.RegionCode == code || a.SharedWith.Any(s => s.RegionCode == code))
            .Where(Covers(from, asOf))
            .Select(a => new Row(a.Id, a.RegionCode, a.Number, a.Title, a.Kind, a.DocumentType, a.Lifecycle, a.SignedOn, a.StartsOn, a.EndsOn, a.TerminatedOn, a.Value,
                a.Partners.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
                a.Opds.OrderBy(o => o.ShortName).Select(o => new OpdRef(o.RegionCode, o.ShortName, o.Name)).ToList(),
                a.Urusan.OrderBy(u => u.Code).Select(u => new UrusanRef(u.Code, u.Name)).ToList()))
            .ToListAsync(ct);
        var recorderCodes = rows.Select(a => a.RegionCode).Where(c => c != code).Distinct().ToList();
        var recorders = await db.Regions.AsNoTracking().Where(r => recorderCodes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);

        var agreements = rows
            .Select(a => new ReportAgreement(a.Id, a.Number, a.Title, a.Kind, a.DocumentType,
                StatusOn(a.Lifecycle, a.StartsOn, a.EndsOn, a.TerminatedOn, asOf, window),
                a.Partners, a.Opds.Select(o => o.ShortName).ToList(), a.Urusan.Select(u => u.Code).ToList(),
                a.SignedOn, a.StartsOn, a.EndsOn, a.Lifecycle == AgreementLifecycle.Diakhiri ? a.TerminatedOn : null, a.Value,
                a.RegionCode == code ? null : recorders.GetValueOrDefault(a.RegionCode, a.RegionCode)))
            .OrderBy(a => a.SignedOn).ThenBy(a => a.Id)
            .ToList();
        bool InPeriod(DateOnly? day) => day >= from && day <= asOf;

        return new PeriodReport(
            new ReportRegion(region.Code, region.Name, region.GovernmentName, region.Level, region.Province?.Code, region.Province?.Name),
            period, asOf, window, today,
            agreements.Count,
            agreements.Sum(a => a.Value ?? 0),
            Enum.GetValues<AgreementKind>()
                .Select(k => Count(AgreementLabels.Code(k), AgreementLabels.Label(k), agreements.Where(a => a.Kind == k), withValue: true)).ToList(),
            Enum.GetValues<AgreementStatus>().Where(s => s != AgreementStatus.Draf)
                .Select(s => Count(AgreementLabels.Slug(s), AgreementLabels.Label(s), agreements.Where(a => a.Status == s), withValue: true)).ToList(),
            ByUrusan(rows),
            ByOpd(rows, code),
            agreements.Where(a => InPeriod(a.SignedOn)).ToList(),
            agreements.Where(a => InPeriod(a.EndedOn)).OrderBy(a => a.EndedOn).ThenBy(a => a.Id).ToList(),
            agreements.Where(a => a.Status == AgreementStatus.AkanBerakhir).OrderBy(a => a.EndsOn).ThenBy(a => a.Id).ToList(),
            agreements,
            await ReportSigner.OfAsync(db, code, ct))
        {
            Budget = await ReportBudget.BuildAsync(db, code, period.Year, agreements.Select(a => a.Id).ToList(), ct),
            Monev = await Sinergi.Features.Monitoring.RegionMonev.BuildAsync(db, region, period, today, ct),
        };
    }

    private static ReportCount Count(string key, string label, IEnumerable<ReportAgreement> agreements, bool withValue)
    {
        var list = agreements.ToList();
        return new ReportCount(key, label, list.Count, withValue ? list.Sum(a => a.Value ?? 0) : null);
    }

    private static List<ReportCount> ByUrusan(List<Row> rows)
    {
        var counts = rows.SelectMany(a => a.Urusan).GroupBy(u => u.Code)
            .Select(g => new ReportCount(g.Key, g.First().Name, g.Count())).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var without = rows.Count(a => a.Urusan.Count == 0);
        if (without > 0)
            counts.Add(new ReportCount("", "Urusan belum ditentukan", without));
        return counts;
    }

    /// <summary>OPDs of the region itself; an agreement shared by another region has none of ours.</summary>
    private static List<ReportCount> ByOpd(List<Row> rows, string region)
    {
        var counts = rows.SelectMany(a => a.Opds.Where(o => o.RegionCode == region)).GroupBy(o => o.ShortName)
            .Select(g => new ReportCount(g.Key, g.First().Name, g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
        var without = rows.Count(a => a.Opds.All(o => o.RegionCode != region));
        if (without > 0)
            counts.Add(new ReportCount("", "Tanpa OPD penanggung jawab daerah ini", without));
        return counts;
    }
}
