using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Partners;

/// <summary>The region's directory of partners, with how many agreements each is party to.</summary>
public class IndexModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed record Row(int Id, string Name, PartnerType Type, string? Contact, string? Address, int Agreements);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public bool CanEdit => PartnerAccess.CanEdit(User, scope);
    public bool CanManage => PartnerAccess.CanManage(User, scope);

    public async Task<IActionResult> OnGetAsync()
    {
        var partners = db.Partners.AsNoTracking();
        Total = await partners.CountAsync();
        if (Partner.TypeFromSlug(Type) is { } type)
            partners = partners.Where(p => p.Type == type);
        Q = Text.Clean(Q);
        partners = Partner.Matching(partners, Q);
        Rows = await partners.OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Type,
                p.ContactName != null ? p.ContactName + (p.ContactPhone != null ? " · " + p.ContactPhone : "") : p.ContactPhone,
                p.Address, p.Agreements.Count))
            .ToListAsync();
        Response.VaryOnHtmx();
        return Request.IsHtmx() ? Partial("_PartnerTable", this) : Page();
    }
}
