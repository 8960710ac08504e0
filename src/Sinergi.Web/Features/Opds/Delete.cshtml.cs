using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Opds;

public class DeleteModel(AppDbContext db, RegionScope scope) : PageModel
{
    public string Name { get; private set; } = "";
    public string ShortName { get; private set; } = "";
    public List<string> Blockers { get; private set; } = [];
    public string RegionQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var opd = await db.Opds.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id);
        if (opd is null)
            return NotFound();
        Show(opd);
        Blockers = await OpdRemoval.BlockersAsync(db, id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        var opd = await db.Opds.SingleOrDefaultAsync(o => o.Id == id);
        if (opd is null)
            return NotFound();
        Show(opd);
        Blockers = await OpdRemoval.BlockersAsync(db, id);
        if (Blockers.Count > 0)
            return Page();
        db.Opds.Remove(opd);
        await db.SaveChangesAsync();
        TempData["Status"] = $"OPD {opd.ShortName} dihapus.";
        return Redirect("/Settings/Opds" + RegionQuery);
    }

    private void Show(Opd opd)
    {
        (Name, ShortName) = (opd.Name, opd.ShortName);
        RegionQuery = scope.RegionCode is null ? $"?region={opd.RegionCode}" : "";
    }
}
