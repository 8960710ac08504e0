using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;

namespace Sinergi.Features.Partners;

public class DeleteModel(AppDbContext db, RegionScope scope) : PageModel
{
    [FromRoute] public int Id { get; set; }
    public string Name { get; private set; } = "";
    public List<string> Blockers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (Blockers.Count > 0)
            return Page();
        await db.Partners.Where(p => p.Id == Id).ExecuteDeleteAsync();
        TempData["Status"] = $"Mitra {Name} dihapus.";
        return Redirect("/Partners");
    }

    private async Task<bool> LoadAsync()
    {
        if (!PartnerAccess.CanManage(User, scope))
            return false;
        var name = await db.Partners.Where(p => p.Id == Id).Select(p => p.Name).SingleOrDefaultAsync();
        if (name is null)
            return false;
        Name = name;
        Blockers = await PartnerDirectory.BlockersAsync(db, Id);
        return true;
    }
}
