using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Settings.Lokus;

/// <summary>
/// Lokus TKKSD: which TKKSD members review the reports of which OPDs. Each member can be lokus of
/// several OPDs; the whole region's assignment is saved at once, or nothing when a pair is not the region's.
/// </summary>
public class IndexModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed record Member(string Id, string Name, string Email, List<int> OpdIds);

    public string RegionName { get; private set; } = "";
    public string RegionQuery { get; private set; } = "";
    public List<Member> Members { get; private set; } = [];
    public List<(int Id, string ShortName, string Name)> Opds { get; private set; } = [];

    /// <summary>Pairs "userId|opdId" of the checked boxes.</summary>
    [BindProperty]
    public List<string> Assignments { get; set; } = [];

    /// <summary>The members the form showed: only their assignments are replaced, so a member added meanwhile keeps theirs.</summary>
    [BindProperty]
    public List<string> Shown { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        await ShowAsync(resolved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        await ShowAsync(resolved);
        var wanted = new HashSet<(string UserId, int OpdId)>();
        foreach (var pair in Assignments.Distinct())
        {
            var parts = pair.Split('|');
            if (parts.Length == 2 && int.TryParse(parts[1], out var opd) && Shown.Contains(parts[0]) && Members.Any(m => m.Id == parts[0]) && Opds.Any(o => o.Id == opd))
                wanted.Add((parts[0], opd));
            else
                ModelState.AddModelError(nameof(Assignments), "Pilihan lokus hanya boleh anggota TKKSD dan OPD daerah ini. Tidak ada yang disimpan.");
        }
        if (!ModelState.IsValid)
            return Page();
        var memberIds = Members.Select(m => m.Id).Where(Shown.Contains).ToList();
        var current = await db.LokusAssignments.IgnoreQueryFilters().Where(l => memberIds.Contains(l.UserId)).ToListAsync();
        var removed = current.Where(l => !wanted.Contains((l.UserId, l.OpdId))).ToList();
        var added = wanted.Where(w => !current.Any(l => l.UserId == w.UserId && l.OpdId == w.OpdId)).ToList();
        db.LokusAssignments.RemoveRange(removed);
        db.LokusAssignments.AddRange(added.Select(w => new LokusAssignment { UserId = w.UserId, OpdId = w.OpdId }));
        string Describe((string UserId, int OpdId) p) => $"{Members.Single(m => m.Id == p.UserId).Name} → {Opds.Single(o => o.Id == p.OpdId).ShortName}";
        var changes = removed.Select(r => new AuditChange("Lokus TKKSD", Describe((r.UserId, r.OpdId)), null))
            .Concat(added.Select(a => new AuditChange("Lokus TKKSD", null, Describe(a)))).ToList();
        if (changes.Count > 0)
            db.AuditEvents.Add(AuditTrail.Entry(db, resolved.Code, AuditEntities.Lokus, 0, AuditActions.Changed, changes, Actor.Of(User)));
        await db.SaveChangesAsync();
        TempData["Status"] = $"Lokus TKKSD disimpan: {wanted.Count} penugasan.";
        return Redirect("/Settings/Lokus" + RegionQuery);
    }

    private async Task ShowAsync(Region region)
    {
        RegionName = region.GovernmentName;
        RegionQuery = scope.RegionCode is null ? $"?region={region.Code}" : "";
        Opds = (await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == region.Code).OrderBy(o => o.ShortName)
            .Select(o => new { o.Id, o.ShortName, o.Name }).ToListAsync()).Select(o => (o.Id, o.ShortName, o.Name)).ToList();
        var tkksdRole = await db.Roles.Where(r => r.Name == Roles.Tkksd).Select(r => r.Id).SingleAsync();
        var members = await db.Users.Where(u => u.RegionCode == region.Code && u.IsActive && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == tkksdRole))
            .OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName, u.Email }).ToListAsync();
        var ids = members.Select(m => m.Id).ToList();
        var lokus = await db.LokusAssignments.IgnoreQueryFilters().Where(l => ids.Contains(l.UserId)).ToListAsync();
        Members = members.Select(m => new Member(m.Id, m.FullName, m.Email ?? "", lokus.Where(l => l.UserId == m.Id).Select(l => l.OpdId).ToList())).ToList();
    }
}
