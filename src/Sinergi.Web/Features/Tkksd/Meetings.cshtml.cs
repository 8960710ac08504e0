using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Tkksd;

/// <summary>The region's rapat TKKSD and their action items (overdue first), and planning a meeting with its agenda picked from the system.</summary>
public class MeetingsModel(AppDbContext db, RegionScope scope, TimeProvider clock, Agreements.Registry.RegistryCache cache) : PageModel
{
    public sealed class MeetingInput
    {
        public string? Title { get; set; }
        [Display(Name = "Tanggal rapat")] public DateOnly? HeldOn { get; set; }
        public string? Time { get; set; }
        public string? Place { get; set; }
        [Display(Name = "Usulan")] public List<int> ProposalIds { get; set; } = [];
        /// <summary>Running proposals beyond those offered as boxes, by number.</summary>
        [Display(Name = "Nomor usulan lain")] public string? ProposalNumbers { get; set; }
        /// <summary>"agreementId|periodCode" of an admin evaluation.</summary>
        [Display(Name = "Evaluasi")] public List<string> Evaluations { get; set; } = [];
        [Display(Name = "Kendala")] public List<int> ObstacleIds { get; set; } = [];
        public string? Other { get; set; }
        [Display(Name = "OPD yang diundang")] public List<int> OpdIds { get; set; } = [];
    }

    public sealed record Option(string Value, string Label);

    [BindProperty] public MeetingInput Input { get; set; } = new();
    public List<TkksdQueries.MeetingRow> Meetings { get; private set; } = [];
    public List<TkksdQueries.ActionRow> Actions { get; private set; } = [];
    public List<Option> ProposalOptions { get; private set; } = [];
    /// <summary>How many proposals run in the region; only the first <see cref="ProposalOptionCount"/> are offered as boxes.</summary>
    public int RunningProposals { get; private set; }
    public const int ProposalOptionCount = 100;
    public List<Option> EvaluationOptions { get; private set; } = [];
    public List<Option> ObstacleOptions { get; private set; } = [];
    public List<Option> OpdOptions { get; private set; } = [];
    public bool CanKeep { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (scope.RegionCode is not { } region || !TkksdMeetings.CanKeep(User))
            return Forbid();
        var (byNumber, numberProblem) = await TkksdQueries.RunningProposalsByNumberAsync(db, region, Input.ProposalNumbers, HttpContext.RequestAborted);
        if (numberProblem is not null)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(MeetingInput.ProposalNumbers)}", numberProblem);
            await LoadAsync();
            return Page();
        }
        var agenda = Input.ProposalIds.Union(byNumber).Select(id => new TkksdMeetings.AgendaPick(AgendaKind.Usulan, id, null, null, null, null)).ToList();
        agenda.AddRange(Input.Evaluations.Select(e => e.Split('|')).Select(e => new TkksdMeetings.AgendaPick(AgendaKind.Evaluasi, null,
            int.TryParse(e[0], out var a) ? a : null, e.Length > 1 ? e[1] : null, null, null)));
        agenda.AddRange(Input.ObstacleIds.Select(id => new TkksdMeetings.AgendaPick(AgendaKind.Kendala, null, null, null, id, null)));
        if (Text.Clean(Input.Other) is { } other)
            agenda.Add(new TkksdMeetings.AgendaPick(AgendaKind.Lainnya, null, null, null, null, other));
        var (meeting, problems) = await TkksdMeetings.PlanAsync(db, region, new(Input.Title, Input.HeldOn, Input.Time, Input.Place, Input.OpdIds, agenda),
            Actor.Of(User), HttpContext.RequestAborted);
        if (meeting is null)
        {
            ModelState.AddProblems(problems, nameof(Input), "Agenda", "InvitedOpdIds");
            await LoadAsync();
            return Page();
        }
        TempData["Status"] = "Rapat direncanakan. Kirim undangannya dari halaman rapat.";
        return HttpContext.RedirectAfterPost($"/Tkksd/Meetings/{meeting.Id}");
    }

    private async Task LoadAsync()
    {
        if (scope.RegionCode is not { } region)
            return;
        var today = RegionClock.Today(clock, region);
        CanKeep = TkksdMeetings.CanKeep(User);
        Meetings = await TkksdQueries.MeetingsAsync(db, region);
        Actions = await TkksdQueries.ActionsAsync(db, region, today);
        if (!CanKeep)
            return;
        var (proposals, running) = await TkksdQueries.AgendaProposalsAsync(db, cache, region, Input.ProposalIds, ProposalOptionCount);
        RunningProposals = running;
        ProposalOptions = [.. proposals.Select(p => new Option(p.Id.ToString(Indonesian.Culture), $"{p.Number}{(p.AtTkksd ? " (di tahap TKKSD)" : "")} — {p.Title}"))];
        EvaluationOptions = (await db.Assessments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.RegionCode == region && a.Kind == AssessmentKind.Evaluasi && a.SubmittedAt != null)
            .OrderByDescending(a => a.PeriodEnd).Take(100).Select(a => new { a.AgreementId, a.PeriodCode, a.Agreement!.Title }).Distinct().ToListAsync())
            .Select(a => new Option($"{a.AgreementId}|{a.PeriodCode}", $"{a.PeriodCode}: {a.Title}")).ToList();
        ObstacleOptions = (await db.Obstacles.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == region && o.Status != ObstacleStatus.Selesai)
            .OrderBy(o => o.DueOn).Take(100).Select(o => new { o.Id, o.Description }).ToListAsync())
            .Select(o => new Option(o.Id.ToString(Indonesian.Culture), o.Description.Length > 120 ? o.Description[..120] + "…" : o.Description)).ToList();
        OpdOptions = (await db.Opds.AsNoTracking().OrderBy(o => o.ShortName).Select(o => new { o.Id, o.ShortName }).ToListAsync())
            .Select(o => new Option(o.Id.ToString(Indonesian.Culture), o.ShortName)).ToList();
        Input.HeldOn ??= today;
    }
}
