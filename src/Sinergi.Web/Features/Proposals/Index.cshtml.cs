using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>The Usulan list: filters by stage, OPD, kind and overdue, each stage's deadline, and on top what waits for the caller.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock, Agreements.Registry.RegistryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [Display(Name = "OPD")]
    [BindProperty(SupportsGet = true)] public int? Opd { get; set; }
    [Display(Name = "Jenis")]
    [BindProperty(SupportsGet = true)] public AgreementKind? Kind { get; set; }
    [Display(Name = "Hanya yang lewat batas waktu")]
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [Display(Name = "Halaman")]
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public DateOnly Today { get; private set; }
    public List<ProposalQueries.Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public List<ProposalQueries.Row> Inbox { get; private set; } = [];
    /// <summary>How many wait for the caller in all; <see cref="Inbox"/> holds the nearest deadlines.</summary>
    public int InboxTotal { get; private set; }
    public int PageCount => Math.Max(1, (Total + ProposalQueries.PageSize - 1) / ProposalQueries.PageSize);
    public Web.Pager Pager => new(PageNumber, PageCount, Total, PageLink, "proposal-pages", "usulan");
    public List<(string Code, string Name)> StageOptions { get; private set; } = [];
    public List<(int Id, string ShortName)> OpdOptions { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var caller = ProposalCaller.Of(User, scope);
        CanCreate = caller.CanCreate;
        Today = RegionClock.Today(clock, scope.RegionCode);
        (Rows, Total, PageNumber) = await ProposalQueries.PageAsync(db, scope, cache, caller, new(Stage, Opd, Kind, Overdue), Today, PageNumber, ct: HttpContext.RequestAborted);
        (Inbox, InboxTotal) = await ProposalQueries.InboxAsync(db, scope, cache, caller, Today, ProposalQueries.InboxShown, HttpContext.RequestAborted);
        var sops = await db.SopVersions.IgnoreQueryFilters().AsNoTracking().Where(s => s.RegionCode == scope.RegionCode).ToListAsync();
        StageOptions = [.. sops.SelectMany(s => s.Stages.Select(st => (st.Code, st.Name))).Append((SopVersion.Done, "Selesai")).Append((SopVersion.Rejected, "Ditolak")).Distinct()];
        OpdOptions = [.. (await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == scope.RegionCode).OrderBy(o => o.ShortName)
            .Select(o => new { o.Id, o.ShortName }).ToListAsync()).Select(o => (o.Id, o.ShortName))];
    }

    /// <summary>Another page of the list with the filters kept.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["stage"] = Stage, ["opd"] = Opd?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["kind"] = Kind?.ToString(),
            ["overdue"] = Overdue ? "true" : null, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Proposals", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }
}
