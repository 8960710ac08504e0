using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Settings;

public class IndexModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed record RegionOption(string Code, string Name);

    public Region? Region { get; private set; }
    public int OpdCount { get; private set; }
    public int UserCount { get; private set; }
    public List<RegionOption> RegionOptions { get; private set; } = [];
    public string RegionQuery => scope.RegionCode is null && Region is not null ? $"?region={Region.Code}" : "";

    public async Task OnGetAsync(string? region)
    {
        Region = await AdminRegion.ResolveAsync(db, scope, region);
        if (Region is null)
        {
            RegionOptions = await db.Regions.AsNoTracking().OrderBy(r => r.Code)
                .Select(r => new RegionOption(r.Code, r.Name)).ToListAsync();
            return;
        }
        OpdCount = await db.Opds.IgnoreQueryFilters().CountAsync(o => o.RegionCode == Region.Code);
        UserCount = await db.Users.CountAsync(u => u.RegionCode == Region.Code);
    }
}
