using System.Linq.Expressions;

namespace Sinergi.Features.Agreements;

/// <summary>
/// How the status a person sees follows from the lifecycle and the dates, on a given day and with
/// the region's "akan berakhir" window. The same rule runs in C# and, as an expression, in SQL.
/// </summary>
public static class AgreementStatusRules
{
    public static AgreementStatus StatusOf(AgreementLifecycle lifecycle, DateOnly? startsOn, DateOnly? endsOn, DateOnly today, int windowDays) =>
        lifecycle switch
        {
            AgreementLifecycle.Draf => AgreementStatus.Draf,
            AgreementLifecycle.Diakhiri => AgreementStatus.Diakhiri,
            _ when startsOn > today => AgreementStatus.BelumBerlaku,
            _ when endsOn < today => AgreementStatus.Berakhir,
            _ when endsOn <= today.AddDays(windowDays) => AgreementStatus.AkanBerakhir,
            _ => AgreementStatus.Berlaku,
        };

    public static AgreementStatus StatusOf(Agreement agreement, DateOnly today, int windowDays) =>
        StatusOf(agreement.Lifecycle, agreement.StartsOn, agreement.EndsOn, today, windowDays);

    /// <summary>The rule as SQL can run it, to group and count by status.</summary>
    public static Expression<Func<Agreement, AgreementStatus>> Expression(DateOnly today, int windowDays)
    {
        var horizon = today.AddDays(windowDays);
        return a => a.Lifecycle == AgreementLifecycle.Draf ? AgreementStatus.Draf
            : a.Lifecycle == AgreementLifecycle.Diakhiri ? AgreementStatus.Diakhiri
            : a.StartsOn != null && a.StartsOn > today ? AgreementStatus.BelumBerlaku
            : a.EndsOn != null && a.EndsOn < today ? AgreementStatus.Berakhir
            : a.EndsOn != null && a.EndsOn <= horizon ? AgreementStatus.AkanBerakhir
            : AgreementStatus.Berlaku;
    }

    /// <summary>Narrows a query to one status, in terms an index on the dates can serve.</summary>
    public static IQueryable<Agreement> WhereStatus(this IQueryable<Agreement> query, AgreementStatus status, DateOnly today, int windowDays)
    {
        var horizon = today.AddDays(windowDays);
        var active = query.Where(a => a.Lifecycle == AgreementLifecycle.Aktif);
        return status switch
        {
            AgreementStatus.Draf => query.Where(a => a.Lifecycle == AgreementLifecycle.Draf),
            AgreementStatus.Diakhiri => query.Where(a => a.Lifecycle == AgreementLifecycle.Diakhiri),
            AgreementStatus.BelumBerlaku => active.Where(a => a.StartsOn != null && a.StartsOn > today),
            AgreementStatus.Berakhir => active.Where(a => (a.StartsOn == null || a.StartsOn <= today) && a.EndsOn != null && a.EndsOn < today),
            AgreementStatus.AkanBerakhir => active.Where(a => (a.StartsOn == null || a.StartsOn <= today) && a.EndsOn != null && a.EndsOn >= today && a.EndsOn <= horizon),
            _ => active.Where(a => (a.StartsOn == null || a.StartsOn <= today) && (a.EndsOn == null || a.EndsOn > horizon)),
        };
    }

    /// <summary>In force today, whether or not it ends within the window: berlaku and akan berakhir together.</summary>
    public static IQueryable<Agreement> WhereInForce(this IQueryable<Agreement> query, DateOnly today) =>
        query.Where(a => a.Lifecycle == AgreementLifecycle.Aktif && (a.StartsOn == null || a.StartsOn <= today) && (a.EndsOn == null || a.EndsOn >= today));

    /// <summary>The end date of a duration counted from the start: five years from 1 March 2024 end on 28 February 2029.</summary>
    public static DateOnly EndFromDuration(DateOnly startsOn, int months) => startsOn.AddMonths(months).AddDays(-1);
}
