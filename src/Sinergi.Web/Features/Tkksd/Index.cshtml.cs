using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;

namespace Sinergi.Features.Tkksd;

/// <summary>
/// The TKKSD section: what waits for the member (proposals to assess, lokus reviews, their action
/// items), the SK's term, the coming meetings, and the way to the register and the meetings.
/// </summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock, Agreements.Registry.RegistryCache cache) : PageModel
{
    public DateOnly Today { get; private set; }
    public string? TermWarning { get; private set; }
    public TkksdDecree? Decree { get; private set; }
    public int Members { get; private set; }
    public List<ProposalQueries.Row> Proposals { get; private set; } = [];
    /// <summary>How many proposals wait for the caller in all; <see cref="Proposals"/> holds the nearest deadlines.</summary>
    public int ProposalsTotal { get; private set; }
    public List<MonevQueries.DueRow> Reviews { get; private set; } = [];
    public List<TkksdQueries.ActionRow> MyActions { get; private set; } = [];
    public List<TkksdQueries.ActionRow> Overdue { get; private set; } = [];
    public List<TkksdQueries.MeetingRow> Coming { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (scope.RegionCode is not { } region)
            return;
        var ct = HttpContext.RequestAborted;
        Today = RegionClock.Today(clock, region);
        Decree = await TkksdRegister.CurrentDecreeAsync(db, region, Today, ct);
        TermWarning = TkksdRegister.TermWarning(Decree, Today);
        Members = (await TkksdRegister.MembersOnAsync(db, region, Today, ct)).Count;
        (Proposals, ProposalsTotal) = await ProposalQueries.InboxAsync(db, scope, cache, ProposalCaller.Of(User, scope), Today, ProposalQueries.InboxShown, ct);
        if (User.IsInRole(Roles.Tkksd))
        {
            var lokus = await MonevAccess.LokusOpdsAsync(db, User, ct);
            if (lokus.Count > 0)
                Reviews = [.. (await MonevQueries.DueAsync(db, scope, region, Today, ct)).Where(r => r.State == PeriodState.Dikirim && r.OpdIds.Any(lokus.Contains))];
        }
        MyActions = await TkksdQueries.ActionsAsync(db, region, Today, Audit.Actor.Of(User).UserId ?? "", openOnly: true, ct: ct);
        if (TkksdMeetings.CanKeep(User) || User.IsInRole(Roles.Pimpinan))
            Overdue = await TkksdQueries.ActionsAsync(db, region, Today, overdueOnly: true, ct: ct);
        Coming = [.. (await TkksdQueries.MeetingsAsync(db, region, 20, ct)).Where(m => m.HeldOn >= Today).OrderBy(m => m.HeldOn)];
    }
}
