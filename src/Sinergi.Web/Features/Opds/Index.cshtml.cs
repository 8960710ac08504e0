using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Opds;

public class IndexModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed record UrusanTag(string Code, string Name);

    public sealed record Row(int Id, string ShortName, string Name, string? HeadName, IReadOnlyList<UrusanTag> Urusan, int Users);

    public Region Region { get; private set; } = null!;
    public string? Q { get; private set; }
    public int Total { get; private set; }
    public List<Row> Rows { get; private set; } = [];
    public string RegionQuery => scope.RegionCode is null ? $"?region={Region.Code}" : "";

    public async Task<IActionResult> OnGetAsync(string? q, string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Region = resolved;
        Q = Text.Clean(q);

        var opds = db.Opds.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == Region.Code);
        Total = await opds.CountAsync();
        if (!string.IsNullOrEmpty(Q))
        {
            var term = Q.ToLower();
            opds = opds.Where(o => o.Name.ToLower().Contains(term) || o.ShortName.ToLower().Contains(term)
                || (o.HeadName != null && o.HeadName.ToLower().Contains(term)));
        }
        Rows = await opds.OrderBy(o => o.Name)
            .Select(o => new Row(o.Id, o.ShortName, o.Name, o.HeadName,
                o.Urusan.OrderBy(u => u.Code).Select(u => new UrusanTag(u.Code, u.Name)).ToList(),
                db.Users.Count(u => u.OpdId == o.Id)))
            .ToListAsync();

        Response.VaryOnHtmx();
        return Request.IsHtmx() ? Partial("_OpdTable", this) : Page();
    }
}
