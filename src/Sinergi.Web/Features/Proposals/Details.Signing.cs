using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>The signing schedule of a signing stage (KB, PKS or Nota Kesepakatan), from the proposal's page.</summary>
public partial class DetailsModel
{
    public List<ProposalSigningSchedule> Signings { get; private set; } = [];
    public ProposalSigningSchedule? CurrentSigning { get; private set; }
    public bool SigningStage => ProposalSigning.IsSigningStage(Stage) && Proposal.State == ProposalState.Berjalan;
    public bool CanSchedule => SigningStage && Caller.ActsIn(Proposal, Stage!);

    public sealed class SigningInput
    {
        [Display(Name = "Cara penandatanganan")] public SigningMode? Mode { get; set; }
        [Display(Name = "Tanggal penandatanganan")] public DateOnly? Date { get; set; }
        public string? Time { get; set; }
        public string? Place { get; set; }
        public string? Agenda { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty] public SigningInput Signing { get; set; } = new();
    /// <summary>The date the document was really signed, entered with the signing stage's forward move; the scheduled day once it has come is the default.</summary>
    [BindProperty, Display(Name = "Tanggal ditandatangani")] public DateOnly? SignedOn { get; set; }
    public Dictionary<string, string[]> SigningProblems { get; private set; } = [];

    private async Task LoadSigningAsync()
    {
        Signings = await ProposalSigning.HistoryAsync(db, Proposal.Id, HttpContext.RequestAborted);
        CurrentSigning = SigningStage ? Signings.FirstOrDefault(s => s.Stage == Proposal.Stage) : null;
        if (SignedOn is null && CurrentSigning is { } current && current.Date <= Today)
            SignedOn = current.Date;
    }

    public async Task<IActionResult> OnPostScheduleAsync(int id)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var rescheduled = CurrentSigning is not null;
        var (saved, problems, forbidden) = await ProposalSigning.ScheduleAsync(db, Caller, Proposal,
            new SigningRequest(Signing.Mode, Signing.Date, Signing.Time, Signing.Place, Signing.Agenda, Signing.Reason), clock, HttpContext.RequestAborted);
        if (forbidden)
            return Forbid();
        if (saved is null)
        {
            SigningProblems = problems;
            return Refused("Jadwal penandatanganan belum tersimpan: " + string.Join(" ", problems.Values.SelectMany(v => v)), false);
        }
        await notifier.SigningScheduledAsync(Proposal, saved, rescheduled, HttpContext.RequestAborted);
        TempData["Status"] = $"Penandatanganan {(rescheduled ? "dijadwalkan ulang" : "dijadwalkan")}: {ProposalSigning.Describe(saved)}.";
        return HttpContext.RedirectAfterPost($"/Proposals/Details/{id}#signing");
    }
}
