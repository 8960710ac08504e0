using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Accounts.Users;

public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed record Row(string Id, string FullName, string Email, IReadOnlyList<string> Roles, string? OpdShortName, bool IsActive, bool LockedOut, DateTime? LastLoginAt);

    public Region Region { get; private set; } = null!;
    public string? Q { get; private set; }
    public string? Role { get; private set; }
    public string? Status { get; private set; }
    public IReadOnlyList<string> RoleOptions { get; private set; } = [];
    public List<Row> Rows { get; private set; } = [];
    public string RegionQuery => scope.RegionCode is null ? $"?region={Region.Code}" : "";
    /// <summary>Whether the caller may open the account: not one that reaches further than they do.</summary>
    public bool MayManage(Row row) => Granter.Of(User).MayManage(row.Roles);

    public async Task<IActionResult> OnGetAsync(string? q, string? role, string? status, string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Region = resolved;
        RoleOptions = Roles.AssignableIn(Region.Code);
        (Q, Role, Status) = (q?.Trim(), Roles.Exists(role) ? role : null, status is "aktif" or "nonaktif" ? status : null);

        // Accounts carry their region but are not filtered by the context (sign-in must find them), so filter here.
        var users = db.Users.AsNoTracking().Where(u => u.RegionCode == Region.Code);
        if (!string.IsNullOrEmpty(Q))
        {
            var term = Q.ToLower();
            users = users.Where(u => u.FullName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term));
        }
        if (Role is not null)
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Role)));
        if (Status is not null)
            users = users.Where(u => u.IsActive == (Status == "aktif"));

        var now = clock.GetUtcNow();
        var found = await users.OrderBy(u => u.FullName)
            .Select(u => new { u.Id, u.FullName, u.Email, OpdShortName = u.Opd!.ShortName, u.IsActive, u.LockoutEnd, u.LastLoginAt })
            .ToListAsync();
        var ids = found.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync();
        Rows = found.Select(u => new Row(u.Id, u.FullName, u.Email!,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
                u.OpdShortName, u.IsActive, u.LockoutEnd > now, u.LastLoginAt))
            .ToList();

        Response.VaryOnHtmx();
        return Request.IsHtmx() ? Partial("_UserTable", this) : Page();
    }
}
