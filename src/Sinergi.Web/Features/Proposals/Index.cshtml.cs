using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>The Usulan list: filters by stage, OPD, kind and overdue, each stage's deadline, and on top what waits for the caller.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [Display(Name = "OPD")]
    [BindProperty(SupportsGet = true)] public int? Opd { get; set; }
    [Display(Name = "Jenis")]
    [BindProperty(SupportsGet = true)] public AgreementKind? Kind { get; set; }
    [Display(Name = "Hanya yang lewat batas waktu")]
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public DateOnly Today { get; private set; }
    public List<ProposalQueries.Row> Rows { get; private set; } = [];
    public List<ProposalQueries.Row> Inbox { get; private set; } = [];
    public List<(string Code, string Name)> StageOptions { get; private set; } = [];
    public List<(int Id, string ShortName)> OpdOptions { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var caller = ProposalCaller.Of(User, scope);
        CanCreate = caller.CanCreate;
        Today = RegionClock.Today(clock, scope.RegionCode);
        Rows = await ProposalQueries.ListAsync(db, caller, new(Stage, Opd, Kind, Overdue), Today, ct: HttpContext.RequestAborted);
        Inbox = await ProposalQueries.InboxAsync(db, caller, Today, HttpContext.RequestAborted);
        var sops = await db.SopVersions.IgnoreQueryFilters().AsNoTracking().Where(s => s.RegionCode == scope.RegionCode).ToListAsync();
        StageOptions = [.. sops.SelectMany(s => s.Stages.Select(st => (st.Code, st.Name))).Append((SopVersion.Done, "Selesai")).Append((SopVersion.Rejected, "Ditolak")).Distinct()];
        OpdOptions = [.. (await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == scope.RegionCode).OrderBy(o => o.ShortName)
            .Select(o => new { o.Id, o.ShortName }).ToListAsync()).Select(o => (o.Id, o.ShortName))];
    }
}
