using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;

namespace Sinergi.Features.Participants;

/// <summary>
/// On the agreement page: the warning while a participant is uninsured (a count, no personal data,
/// so everyone who reads the agreement sees it), and the way to the register for those who may read it.
/// </summary>
public class ParticipantWarningViewComponent(AppDbContext db, RegionScope scope, TimeProvider clock) : ViewComponent
{
    public sealed record Model(int AgreementId, int Participants, int Uninsured, bool InForce, bool CanOpen, bool KeepsRegister);

    public async Task<IViewComponentResult> InvokeAsync(Agreement agreement)
    {
        var today = RegionClock.Today(clock, agreement.RegionCode);
        var canOpen = ParticipantRegister.CanRead(UserClaimsPrincipal, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id));
        var keeps = agreement.Partners.Any(p => p.Type == Partners.PartnerType.PerguruanTinggi)
            || await db.InternshipMarks.IgnoreQueryFilters().AnyAsync(m => m.AgreementId == agreement.Id);
        var all = await db.Participants.IgnoreQueryFilters().CountAsync(p => p.AgreementId == agreement.Id);
        var open = await ParticipantRegister.Uninsured(db, agreement.RegionCode, today).CountAsync(p => p.AgreementId == agreement.Id);
        var inForce = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == agreement.Id).WhereInForce(today).AnyAsync();
        return View("/Features/Participants/_Warning.cshtml", new Model(agreement.Id, all, open, inForce, canOpen, keeps));
    }
}
