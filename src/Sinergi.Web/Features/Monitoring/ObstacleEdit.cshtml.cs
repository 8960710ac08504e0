using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>A kendala raised on its own (<c>?agreement=</c>), from a report (<c>&amp;report=</c>), or followed up.</summary>
public class ObstacleEditModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class ObstacleInput
    {
        public string? Description { get; set; }
        [Display(Name = "Sejak")] public DateOnly? Since { get; set; }
        [Display(Name = "OPD")] public int? OpdId { get; set; }
        public string? Action { get; set; }
        public string? Owner { get; set; }
        [Display(Name = "Batas waktu tindak lanjut")] public DateOnly? DueOn { get; set; }
        [Display(Name = "Status")] public ObstacleStatus Status { get; set; }
        [Display(Name = "Laporan asal")] public int? ReportId { get; set; }
    }

    [BindProperty] public ObstacleInput Input { get; set; } = new();
    public MonevAgreement Agreement { get; private set; } = null!;
    public Obstacle? Existing { get; private set; }
    public List<(int Id, string ShortName)> Opds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? agreement, int? report)
    {
        if (await LoadAsync(id, agreement) is { } missing)
            return missing;
        Input = Existing is { } o
            ? new ObstacleInput { Description = o.Description, Since = o.Since, OpdId = o.OpdId, Action = o.Action, Owner = o.Owner, DueOn = o.DueOn, Status = o.Status, ReportId = o.ReportId }
            : new ObstacleInput { Since = RegionClock.Today(clock, Agreement.RegionCode), ReportId = report };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, int? agreement)
    {
        if (await LoadAsync(id, agreement) is { } missing)
            return missing;
        if (!Obstacles.CanKeep(User, scope, Agreement))
            return Forbid();
        if (!ModelState.IsValid)
            return Page();
        var (saved, problems) = await Obstacles.SaveAsync(db, Agreement, Existing,
            new(Input.Description, Input.Since, Input.OpdId, Input.Action, Input.Owner, Input.DueOn, Input.Status, Existing?.ReportId ?? Input.ReportId),
            RegionClock.Today(clock, Agreement.RegionCode), Actor.Of(User), HttpContext.RequestAborted);
        if (saved is null)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        TempData["Status"] = "Kendala disimpan.";
        return HttpContext.RedirectAfterPost($"/Agreements/Details/{Agreement.Id}#monev");
    }

    private async Task<IActionResult?> LoadAsync(int? id, int? agreementId)
    {
        if (id is int obstacleId)
        {
            Existing = await db.Obstacles.IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Id == obstacleId);
            agreementId = Existing?.AgreementId;
        }
        if (agreementId is not int aid || !await AgreementAccess.CanReadAsync(db, scope, aid) || await MonevAgreement.LoadAsync(db, aid) is not { } agreement)
            return NotFound();
        Agreement = agreement;
        Opds = (await db.Opds.IgnoreQueryFilters().Where(o => agreement.OpdIds.Contains(o.Id)).OrderBy(o => o.ShortName).Select(o => new { o.Id, o.ShortName }).ToListAsync())
            .Select(o => (o.Id, o.ShortName)).ToList();
        return null;
    }
}
