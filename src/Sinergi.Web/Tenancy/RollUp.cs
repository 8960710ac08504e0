using System.Linq.Expressions;

namespace Sinergi.Tenancy;

/// <summary>
/// The overseers' reach, written once: a prefix of <c>""</c> covers every region, <c>"62"</c> covers
/// the province 62 and each kab/kota <c>62.xx</c> under it. <see cref="RegionScope.Oversees"/> asks it
/// in C#; roll-up queries ask it in SQL through <see cref="WhereRegionUnder"/>.
/// </summary>
public static class RollUp
{
    public static bool Covers(string prefix, string regionCode) =>
        prefix.Length == 0 || regionCode == prefix || regionCode.StartsWith(prefix + ".", StringComparison.Ordinal);

    /// <summary>Rows whose region (read by <paramref name="regionCode"/>) lies under <paramref name="prefix"/>.</summary>
    public static IQueryable<T> WhereRegionUnder<T>(this IQueryable<T> query, string prefix, Expression<Func<T, string?>> regionCode)
    {
        if (prefix.Length == 0)
            return query;
        var code = regionCode.Body;
        var under = new Bound(prefix, prefix + ".");
        // under.Prefix and under.Children stay parameters of the SQL, as a captured variable would.
        var self = Expression.Equal(code, Expression.Property(Expression.Constant(under), nameof(Bound.Prefix)));
        var child = Expression.Call(code, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!,
            Expression.Property(Expression.Constant(under), nameof(Bound.Children)));
        return query.Where(Expression.Lambda<Func<T, bool>>(Expression.OrElse(self, child), regionCode.Parameters));
    }

    private sealed record Bound(string Prefix, string Children);
}
