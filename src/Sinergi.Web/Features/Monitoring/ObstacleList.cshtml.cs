using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>The region's kendala in one list: filters for OPD, status and overdue; escalated ones first, and marked.</summary>
public class ObstacleListModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, int AgreementId, string AgreementTitle, string? Opd, string Description, DateOnly Since, string? Action, string? Owner,
        DateOnly? DueOn, ObstacleStatus Status, bool Escalated);

    [Display(Name = "OPD")][BindProperty(SupportsGet = true)] public int? Opd { get; set; }
    [Display(Name = "Status")][BindProperty(SupportsGet = true)] public ObstacleStatus? Status { get; set; }
    [Display(Name = "Hanya yang lewat batas")][BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    /// <summary>An overseer's chosen region (read-only), as the Monev list takes it; the caller's own otherwise.</summary>
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public List<Row> Rows { get; private set; } = [];
    public List<(int Id, string ShortName)> OpdOptions { get; private set; } = [];
    public bool IsTkksd { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var chosen = Region?.Trim() is { } code && Regions.Region.IsWellFormedCode(code) && code != scope.RegionCode && scope.Oversees(code) ? code : null;
        Region = chosen;
        if ((chosen ?? scope.RegionCode) is not { } region)
            return Page();
        var today = RegionClock.Today(clock, region);
        IsTkksd = User.IsInRole(Roles.Tkksd);
        var query = db.Obstacles.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == region);
        if (Opd is int opd)
            query = query.Where(o => o.OpdId == opd);
        if (Status is { } status)
            query = query.Where(o => o.Status == status);
        if (Overdue)
            query = query.Where(o => o.Status != ObstacleStatus.Selesai && o.DueOn != null && o.DueOn < today);
        var rows = await query.Select(o => new
        {
            o.Id, o.AgreementId, Title = o.Agreement!.Title, Opd = o.Opd == null ? null : o.Opd.ShortName, o.Description, o.Since, o.Action, o.Owner, o.DueOn, o.Status,
        }).ToListAsync();
        Rows = rows.Select(o => new Row(o.Id, o.AgreementId, o.Title, o.Opd, o.Description, o.Since, o.Action, o.Owner, o.DueOn, o.Status,
                o.Status != ObstacleStatus.Selesai && o.DueOn < today))
            .OrderByDescending(r => r.Escalated).ThenBy(r => r.Status == ObstacleStatus.Selesai).ThenBy(r => r.DueOn ?? DateOnly.MaxValue).ToList();
        OpdOptions = (await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == region && db.Obstacles.IgnoreQueryFilters().Any(x => x.OpdId == o.Id))
            .OrderBy(o => o.ShortName).Select(o => new { o.Id, o.ShortName }).ToListAsync()).Select(o => (o.Id, o.ShortName)).ToList();
        return Page();
    }
}
