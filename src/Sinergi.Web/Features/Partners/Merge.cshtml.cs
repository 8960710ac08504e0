using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;

namespace Sinergi.Features.Partners;

/// <summary>Two entries for one partner become one, without losing any agreement.</summary>
public class MergeModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed record Candidate(int Id, string Name, PartnerType Type, bool Suggested);

    [FromRoute] public int Id { get; set; }
    public string Name { get; private set; } = "";
    public int AgreementCount { get; private set; }
    public int? KeepId { get; private set; }
    public string? Error { get; private set; }
    public List<Candidate> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? NotFound() : Page();

    /// <summary>The details of the entry that will be removed, shown so nothing it knew is dropped unseen.</summary>
    public Partner Duplicate { get; private set; } = null!;

    public async Task<IActionResult> OnPostAsync(int? keepId, bool replaceAddress, bool replaceContact, bool replaceLocation)
    {
        var duplicate = await LoadAsync();
        if (duplicate is null)
            return NotFound();
        KeepId = keepId;
        var keep = keepId is int id && id != Id ? await db.Partners.SingleOrDefaultAsync(p => p.Id == id) : null;
        if (keep is null)
        {
            Error = "Pilih mitra lain di direktori daerah Anda yang akan dipertahankan.";
            return Page();
        }
        var replace = (replaceAddress ? PartnerDetails.Address : 0) | (replaceContact ? PartnerDetails.Contact : 0) | (replaceLocation ? PartnerDetails.Location : 0);
        var moved = await PartnerDirectory.MergeAsync(db, duplicate, keep, Actor.Of(User), replace);
        TempData["Status"] = $"{duplicate.Name} digabungkan ke {keep.Name}; {moved} kerja sama dipindahkan.";
        return Redirect("/Partners");
    }

    private async Task<Partner?> LoadAsync()
    {
        if (!PartnerAccess.CanManage(User, scope))
            return null;
        var duplicate = await db.Partners.SingleOrDefaultAsync(p => p.Id == Id);
        if (duplicate is null)
            return null;
        Name = duplicate.Name;
        Duplicate = duplicate;
        AgreementCount = await db.Agreements.IgnoreQueryFilters().CountAsync(a => a.Partners.Any(p => p.Id == Id));
        var words = duplicate.NormalizedName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Candidates = (await db.Partners.AsNoTracking().Where(p => p.Id != Id).OrderBy(p => p.Name)
                .Select(p => new { p.Id, p.Name, p.Type, p.NormalizedName }).ToListAsync())
            .Select(p => new Candidate(p.Id, p.Name, p.Type,
                p.Type == duplicate.Type && words.Count(w => p.NormalizedName.Split(' ').Contains(w)) * 2 >= words.Length))
            .OrderByDescending(c => c.Suggested).ThenBy(c => c.Name)
            .ToList();
        return duplicate;
    }
}
