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

/// <summary>An agreement's own evaluation cadence, set by its region's admin (or back to the region's default).</summary>
public class ScheduleModel(AppDbContext db, RegionScope scope, TimeProvider clock, Agreements.Registry.RegistryCache cache) : PageModel
{
    public MonevPart Part { get; private set; } = null!;

    [BindProperty]
    [Display(Name = "Jadwal evaluasi")]
    public EvaluationCadence? Cadence { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id))
            return NotFound();
        Part = (await MonevPart.LoadAsync(db, scope, User, id, RegionClock.Today(clock, scope.RegionCode), cache))!;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id) || await MonevAgreement.LoadAsync(db, id) is not { } agreement)
            return NotFound();
        if (!MonevAccess.CanSchedule(User, scope, agreement))
            return Forbid();
        var existing = await db.EvaluationSchedules.SingleOrDefaultAsync(s => s.AgreementId == id);
        var before = agreement.CadenceOverridden ? MonevSettings.Label(agreement.Cadence) : "Bawaan daerah";
        if (Cadence is null && existing is not null)
            db.EvaluationSchedules.Remove(existing);
        else if (Cadence is { } chosen && existing is null)
            db.EvaluationSchedules.Add(new EvaluationSchedule { AgreementId = id, Cadence = chosen });
        else if (Cadence is { } changed && existing is not null)
            existing.Cadence = changed;
        var after = Cadence is { } c ? MonevSettings.Label(c) : "Bawaan daerah";
        if (before != after)
            db.AuditEvents.Add(AuditTrail.Entry(db, agreement.RegionCode, AuditEntities.Agreement, id, AuditActions.Changed,
                [new AuditChange("Jadwal evaluasi", before, after)], Actor.Of(User)));
        await db.SaveChangesAsync();
        TempData["Status"] = $"Jadwal evaluasi: {after}.";
        return HttpContext.RedirectAfterPost($"/Agreements/Details/{id}#monev");
    }
}
