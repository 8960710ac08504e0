using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Participants;

/// <summary>The register of interns and participants of one agreement: list, add or change one, remove, import a workbook, mark magang / PKL.</summary>
public class RegisterModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Peserta yang diubah")]
        public int? EditId { get; set; }
        public string? Name { get; set; }
        public string? StudentNumber { get; set; }
        public string? Programme { get; set; }
        [Display(Name = "OPD penempatan")]
        public int? PlacementOpdId { get; set; }
        [Display(Name = "Mulai penempatan")]
        public DateOnly? StartsOn { get; set; }
        [Display(Name = "Selesai penempatan")]
        public DateOnly? EndsOn { get; set; }
        public string? Supervisor { get; set; }
        [Display(Name = "Terdaftar BPJS Ketenagakerjaan")]
        public bool BpjsRegistered { get; set; }
        public string? BpjsNumber { get; set; }
        [Display(Name = "Berlaku sampai")]
        public DateOnly? BpjsValidUntil { get; set; }

        public ParticipantDraft ToDraft() => new(Name, StudentNumber, Programme, PlacementOpdId, StartsOn, EndsOn, Supervisor, BpjsRegistered, BpjsNumber, BpjsValidUntil);
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Agreement Agreement { get; private set; } = null!;
    public bool KeepsRegister { get; private set; }
    public bool IsMarked { get; private set; }
    public List<Participant> Participants { get; private set; } = [];
    public List<Opd> OpdOptions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public List<string> ImportProblems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? edit)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        if (edit is int pid && Participants.SingleOrDefault(p => p.Id == pid) is { } p)
            Input = new InputModel
            {
                EditId = p.Id, Name = p.Name, StudentNumber = p.StudentNumber, Programme = p.Programme, PlacementOpdId = p.PlacementOpdId, StartsOn = p.StartsOn,
                EndsOn = p.EndsOn, Supervisor = p.Supervisor, BpjsRegistered = p.BpjsRegistered, BpjsNumber = p.BpjsNumber, BpjsValidUntil = p.BpjsValidUntil,
            };
        else
            Input.PlacementOpdId = Agreement.Opds.OrderBy(o => o.ShortName).Select(o => (int?)o.Id).FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        if (!KeepsRegister)
            return BadRequest();
        if (!ModelState.IsValid)
            return Page();
        Dictionary<string, string[]> problems;
        if (Input.EditId is int pid)
        {
            if (await db.Participants.SingleOrDefaultAsync(p => p.Id == pid && p.AgreementId == id) is not { } participant)
                return NotFound();
            problems = await ParticipantStore.UpdateAsync(db, Agreement, participant, Input.ToDraft(), Actor.Of(User));
        }
        else
            problems = (await ParticipantStore.AddAsync(db, Agreement, Input.ToDraft(), Actor.Of(User))).Problems;
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        TempData["Status"] = $"Data peserta {Input.Name?.Trim()} disimpan.";
        return HttpContext.RedirectAfterPost($"/Agreements/Participants/{id}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int participantId)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        var removed = await ParticipantStore.DeleteAsync(db, Agreement, participantId, Actor.Of(User));
        TempData["Status"] = !removed ? "Peserta itu sudah tidak ada." : "Peserta dihapus dari daftar.";
        return HttpContext.RedirectAfterPost($"/Agreements/Participants/{id}");
    }

    public async Task<IActionResult> OnPostImportAsync(int id, IFormFile? file)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        if (file is null || file.Length == 0)
        {
            ImportProblems = ["Pilih berkas .xlsx, .xls atau .csv berisi daftar peserta."];
            return Page();
        }
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        stream.Position = 0;
        var (saved, problems) = await ParticipantStore.ImportAsync(db, Agreement, file.FileName, stream, Actor.Of(User));
        if (problems.Count > 0)
        {
            ImportProblems = problems;
            return Page();
        }
        TempData["Status"] = $"{saved} peserta diimpor.";
        return HttpContext.RedirectAfterPost($"/Agreements/Participants/{id}");
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, bool marked)
    {
        if (await LoadAsync(id) is { } refusal)
            return refusal;
        if (marked && !IsMarked)
            db.InternshipMarks.Add(new InternshipMark { AgreementId = id, RegionCode = Agreement.RegionCode, MarkedAt = db.UtcNow });
        else if (!marked)
            await db.InternshipMarks.Where(m => m.AgreementId == id).ExecuteDeleteAsync();
        await db.SaveChangesAsync();
        TempData["Status"] = marked ? "Kerja sama ditandai sebagai magang / PKL." : "Tanda magang / PKL dilepas.";
        return HttpContext.RedirectAfterPost($"/Agreements/Participants/{id}");
    }

    public bool IsUninsured(Participant p) => Participant.IsUninsured(p.BpjsRegistered, p.BpjsValidUntil, p.EndsOn, Today);

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (await ParticipantRegister.OwnAgreementAsync(db, scope, id) is not { } agreement)
            return NotFound();
        Agreement = agreement;
        if (!ParticipantRegister.CanRead(User, scope, agreement.RegionCode, agreement.Opds.Select(o => o.Id)))
            return Forbid();
        Today = RegionClock.Today(clock, agreement.RegionCode);
        IsMarked = await db.InternshipMarks.AnyAsync(m => m.AgreementId == id);
        KeepsRegister = await ParticipantRegister.KeepsRegisterAsync(db, agreement);
        Participants = await db.Participants.AsNoTracking().Include(p => p.PlacementOpd).Where(p => p.AgreementId == id)
            .OrderBy(p => p.Name).ToListAsync();
        OpdOptions = await db.Opds.AsNoTracking().Where(o => o.RegionCode == agreement.RegionCode).OrderBy(o => o.ShortName).ToListAsync();
        return null;
    }
}
