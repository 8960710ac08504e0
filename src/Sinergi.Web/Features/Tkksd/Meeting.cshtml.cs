using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Notifications;
using Sinergi.Infrastructure.Email;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Tkksd;

/// <summary>One rapat TKKSD: agenda, invitation, attendance, notulen versions with a decision per item, action items, and the PDFs.</summary>
public class MeetingModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class ActionInput
    {
        public string? Description { get; set; }
        [Display(Name = "Penanggung jawab")] public string? OwnerId { get; set; }
        [Display(Name = "Batas waktu")] public DateOnly? DueOn { get; set; }
        [Display(Name = "Acara")] public int? AgendaItemId { get; set; }
    }

    [BindProperty] public ActionInput FollowUp { get; set; } = new();
    [BindProperty] public string? Summary { get; set; }
    [Display(Name = "Keputusan")][BindProperty] public Dictionary<int, string?> Decisions { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }

    public TkksdMeeting Meeting { get; private set; } = null!;
    public TkksdMinutes? Minutes { get; private set; }
    public List<TkksdMinutes> Earlier { get; private set; } = [];
    public List<TkksdPdf.Attendee> Attendance { get; private set; } = [];
    public List<TkksdMember> Members { get; private set; } = [];
    public HashSet<int> Present { get; private set; } = [];
    public List<TkksdQueries.ActionRow> Actions { get; private set; } = [];
    public List<(string Id, string Name)> Users { get; private set; } = [];
    public bool CanKeep { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnGetPdfAsync(int id, string? kind)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var government = await db.Regions.Where(r => r.Code == Meeting.RegionCode).Select(r => r.GovernmentName).SingleAsync();
        var berita = kind == "berita-acara";
        var pdf = TkksdPdf.Render(berita, government, Meeting, Minutes, Attendance, Actions, Today);
        return File(pdf, "application/pdf", $"{(berita ? "berita-acara" : "notulen")}-rapat-tkksd-{Meeting.Id}.pdf");
    }

    public Task<IActionResult> OnPostInviteAsync(int id, [FromServices] MailSender mail, [FromServices] IOptions<NotificationOptions> options, [FromServices] ILogger<MeetingModel> log) =>
        KeepAsync(id, async () =>
        {
            var count = await TkksdInvitations.SendAsync(db, mail, options.Value.BaseUrl, Meeting, Actor.Of(User), log, HttpContext.RequestAborted);
            return ([], $"Undangan dikirim kepada {count} penerima.", "#agenda");
        });

    public Task<IActionResult> OnPostAttendanceAsync(int id, List<int>? present) => KeepAsync(id, async () =>
        (await TkksdMeetings.AttendanceAsync(db, Meeting, (present ?? []).ToHashSet(), Actor.Of(User), HttpContext.RequestAborted), "Daftar hadir disimpan.", "#attendance"));

    public Task<IActionResult> OnPostMinutesAsync(int id) => KeepAsync(id, async () =>
        ((await TkksdMeetings.SaveMinutesAsync(db, Meeting, Summary, Decisions, Actor.Of(User), HttpContext.RequestAborted)).Problems, "Notulen disimpan.", "#minutes"));

    public Task<IActionResult> OnPostApproveAsync(int id) => KeepAsync(id, async () =>
        (await TkksdMeetings.ApproveAsync(db, Meeting, Actor.Of(User), HttpContext.RequestAborted), "Notulen disetujui; keputusan tampil pada usulan dan evaluasi yang dibahas.", "#minutes"));

    public Task<IActionResult> OnPostCorrectAsync(int id) => KeepAsync(id, async () =>
        ((await TkksdMeetings.CorrectAsync(db, Meeting, Reason, Actor.Of(User), HttpContext.RequestAborted)).Problems, "Versi koreksi notulen dibuat; ubah lalu setujui kembali.", "#minutes"));

    public Task<IActionResult> OnPostActionAsync(int id) => KeepAsync(id, async () =>
        ((await TkksdMeetings.AddActionAsync(db, Meeting, new(FollowUp.Description, FollowUp.OwnerId, FollowUp.DueOn, FollowUp.AgendaItemId), Actor.Of(User), HttpContext.RequestAborted)).Problems,
            "Tindak lanjut dicatat dan disampaikan kepada penanggung jawabnya.", "#actions"));

    public async Task<IActionResult> OnPostStatusAsync(int id, int item, ActionItemStatus status)
    {
        if (!await LoadAsync(id) || await db.TkksdActionItems.SingleOrDefaultAsync(a => a.Id == item && a.MeetingId == id) is not { } row)
            return NotFound();
        if (!TkksdMeetings.CanMove(User, row))
            return Forbid();
        var problems = await TkksdMeetings.SetStatusAsync(db, row, status, Actor.Of(User), HttpContext.RequestAborted);
        TempData["Status"] = problems.Count > 0 ? string.Join(" ", problems.Values.SelectMany(v => v)) : $"Status tindak lanjut: {TkksdActionItem.Label(status)}.";
        return HttpContext.RedirectAfterPost($"/Tkksd/Meetings/{id}#actions");
    }

    /// <summary>Runs a change of the admin or a TKKSD member; its problems go back on the page, else a redirect with the message.</summary>
    private async Task<IActionResult> KeepAsync(int id, Func<Task<(Dictionary<string, string[]> Problems, string Done, string Anchor)>> change)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!CanKeep)
            return Forbid();
        var (problems, done, anchor) = await change();
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(FollowUp), "Minutes", "Summary", "Decisions", "Reason", "Present");
            await LoadAsync(id);
            return Page();
        }
        TempData["Status"] = done;
        return HttpContext.RedirectAfterPost($"/Tkksd/Meetings/{id}{anchor}");
    }

    private async Task<bool> LoadAsync(int id)
    {
        db.ChangeTracker.Clear();
        if (await TkksdApi.LoadAsync(db, scope, id) is not { } meeting)
            return false;
        Meeting = meeting;
        Today = RegionClock.Today(clock, meeting.RegionCode);
        CanKeep = TkksdMeetings.CanKeep(User);
        var versions = await db.TkksdMinutes.AsNoTracking().Where(m => m.MeetingId == id).OrderByDescending(m => m.Revision).ToListAsync();
        Minutes = versions.FirstOrDefault();
        Earlier = versions.Skip(1).ToList();
        Members = await TkksdRegister.MembersOnAsync(db, meeting.RegionCode, meeting.HeldOn);
        Present = (await db.TkksdAttendance.AsNoTracking().Where(a => a.MeetingId == id && a.Present).Select(a => a.MemberId).ToListAsync()).ToHashSet();
        Attendance = Members.Select(m => new TkksdPdf.Attendee(m.Name, TkksdMember.Label(m.Position), m.Office, Present.Contains(m.Id))).ToList();
        Actions = [.. (await TkksdQueries.ActionsAsync(db, meeting.RegionCode, Today)).Where(a => a.MeetingId == id)];
        if (CanKeep)
            Users = (await db.Users.Where(u => u.RegionCode == meeting.RegionCode && u.IsActive).OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync())
                .Select(u => (u.Id, u.FullName)).ToList();
        if (Request.Method == "GET" && Minutes is not null)
            (Summary, Decisions) = (Minutes.Summary, Minutes.Decisions.ToDictionary(d => d.Key, d => (string?)d.Value));
        return true;
    }
}
