using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>The region's SOP for each kind, drawn from the data: the "SOP seragam" every OPD reads.</summary>
public class SopModel(AppDbContext db, RegionScope scope) : PageModel
{
    public List<SopVersion> Sops { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Accounts.Roles.AdminKerjaSama) && scope.RegionCode is not null;

    public async Task OnGetAsync()
    {
        if (scope.RegionCode is not { } region)
            return;
        foreach (var kind in new[] { AgreementKind.Ksdd, AgreementKind.Ksdpk, AgreementKind.Sinergi })
            Sops.Add(await DefaultSops.ReadAsync(db, region, kind, HttpContext.RequestAborted));
    }
}
