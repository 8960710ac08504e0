using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// The formalitas rule, in one place for the agreement page, the registry list, the reports and the
/// dashboard: an agreement is flagged when it is in force today, has been in force for more than
/// <c>months</c> months, and shows no recorded activity, no submitted report and no realisation.
/// "More than six months" is counted in calendar months from its start (or its signing when it has
/// no start): an agreement that started on 1 January is flagged from 1 July, and not on 30 June.
/// </summary>
public static class Formalitas
{
    /// <summary>The latest start that has been in force long enough on <paramref name="today"/>: started on or before it.</summary>
    public static DateOnly StartedBy(DateOnly today, int months) => today.AddMonths(-months);

    /// <summary>The flagged agreements among <paramref name="agreements"/>.</summary>
    public static IQueryable<Agreement> Where(AppDbContext db, IQueryable<Agreement> agreements, DateOnly today, int months)
    {
        var startedBy = StartedBy(today, months);
        var alive = db.Set<MonevSummary>().Where(s => s.Alive);
        return agreements.WhereInForce(today)
            .Where(a => (a.StartsOn ?? a.SignedOn) != null && (a.StartsOn ?? a.SignedOn) <= startedBy)
            .Where(a => !alive.Any(s => s.AgreementId == a.Id));
    }

    /// <summary>Which of the agreements <paramref name="ids"/> are flagged on their region's day, with their region's months.</summary>
    public static async Task<HashSet<int>> FlaggedAsync(AppDbContext db, IReadOnlyCollection<int> ids, DateOnly today, int months, CancellationToken ct = default) =>
        [.. await Where(db, db.Agreements.IgnoreQueryFilters().Where(a => ids.Contains(a.Id)), today, months).Select(a => a.Id).ToListAsync(ct)];

    /// <summary>Why an agreement is flagged, as a person reads it.</summary>
    public static string Reason(DateOnly? startedOn, int months) =>
        $"Berlaku sejak {(startedOn is { } s ? Indonesian.Date(s) : "—")}, lebih dari {months} bulan, tanpa kegiatan tercatat, "
        + "tanpa laporan pelaksanaan yang dikirim, dan tanpa realisasi indikator.";
}
