using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;

namespace Sinergi.Features.Participants;

/// <summary>
/// Agreements in force with a participant not registered with BPJS Ketenagakerjaan or whose cover
/// lapsed. Its own list, not a fifth tab of Anggaran: it is read by the admin and the OPDs only (it
/// leads to personal data), while the budget checks are read by everyone who reads the registry.
/// </summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public List<ParticipantRegister.ListedAgreement> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (scope.RegionCode is not { } region || !(User.IsInRole(Roles.AdminKerjaSama) || (User.IsInRole(Roles.OpdOperator) && scope.OpdId is not null)))
            return Forbid();
        var opd = User.IsInRole(Roles.AdminKerjaSama) ? null : scope.OpdId;
        Rows = await ParticipantRegister.ListAsync(db, region, opd, RegionClock.Today(clock, region));
        return Page();
    }
}
