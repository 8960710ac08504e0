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
        // One round trip: the agreement page already asks a few dozen.
        var uninsured = ParticipantRegister.Uninsured(db, agreement.RegionCode, today);
        var inForce = db.Agreements.IgnoreQueryFilters().Where(a => a.Id == agreement.Id).WhereInForce(today);
        var facts = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == agreement.Id).Select(a => new
            {
                Marked = db.InternshipMarks.IgnoreQueryFilters().Any(m => m.AgreementId == a.Id),
                All = db.Participants.IgnoreQueryFilters().Count(p => p.AgreementId == a.Id),
                Open = uninsured.Count(p => p.AgreementId == a.Id),
                InForce = inForce.Any(),
            })
            .SingleAsync();
        var keeps = facts.Marked || agreement.Partners.Any(p => p.Type == Partners.PartnerType.PerguruanTinggi);
        return View("/Features/Participants/_Warning.cshtml", new Model(agreement.Id, facts.All, facts.Open, facts.InForce, canOpen, keeps));
    }
}
