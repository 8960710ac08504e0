using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Regions;

/// <summary>The regions an overseer can choose to look at, as the registry and the reports offer them.</summary>
public static class OverseenRegions
{
    public sealed record Option(string Code, string Label);

    /// <summary>
    /// A province overseer: the province and its kab/kota. A national one: every region that has
    /// recorded an agreement (552 names would bury the few that use Sinergi). Others: none.
    /// </summary>
    public static async Task<List<Option>> OptionsAsync(AppDbContext db, RegionScope scope, CancellationToken ct = default)
    {
        if (scope.OverseenPrefix is not { } prefix)
            return [];
        var regions = prefix.Length == 0
            ? db.Regions.Where(r => db.Agreements.IgnoreQueryFilters().Any(a => a.RegionCode == r.Code))
            : db.Regions.AsQueryable().WhereRegionUnder(prefix, r => r.Code);
        return await regions.AsNoTracking().OrderBy(r => r.Code).Select(r => new Option(r.Code, r.Code + " · " + r.Name)).ToListAsync(ct);
    }
}
