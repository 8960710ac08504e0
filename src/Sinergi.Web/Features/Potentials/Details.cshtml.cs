using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Potentials;

/// <summary>A potential: what and where it is, its evidence, the TKKSD's scores, suggested partners, and the proposals and agreements made from it.</summary>
public class DetailsModel(AppDbContext db, RegionScope scope) : PageModel
{
    public Potential Potential { get; private set; } = null!;
    public string RegionName { get; private set; } = "";
    public string UrusanName { get; private set; } = "";
    public string OpdName { get; private set; } = "";
    public ProposalCaller Caller { get; private set; } = null!;
    public PotentialSettings Settings { get; private set; } = null!;
    public List<PotentialScore> Scores { get; private set; } = [];
    /// <summary>Each scorer's position in the TKKSD on the day of the score, from the member register's history.</summary>
    public Tkksd.TkksdRegister.PositionHistory Positions { get; private set; } = null!;
    public int Members { get; private set; }
    public List<PotentialSuggestions.Suggestion> Suggestions { get; private set; } = [];
    public List<(int Id, string Number, string Title, int? AgreementId, string? AgreementTitle)> Proposals { get; private set; } = [];
    public List<PotentialDocument> Documents { get; private set; } = [];

    public bool CanEdit => PotentialAccess.CanEdit(Caller, Potential);
    public bool CanScore => PotentialAccess.CanScore(Caller, Potential) && Scores.All(s => s.UserId != Caller.Actor.UserId);
    public bool CanPropose => Caller.CanCreate && Caller.RegionCode == Potential.RegionCode;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(int id, Dictionary<string, int> scores)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!PotentialAccess.CanScore(Caller, Potential))
            return Forbid();
        var (saved, problems) = await PotentialRanking.ScoreAsync(db, Caller, Potential, scores, HttpContext.RequestAborted);
        if (saved is null)
        {
            ModelState.AddProblems(problems, "", [.. problems.Keys]);
            return Page();
        }
        TempData["Status"] = "Nilai Anda dicatat.";
        return HttpContext.RedirectAfterPost($"/Potentials/Details/{id}#scores");
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, [FromServices] FileStore files, [FromServices] IOptions<UploadOptions> uploads)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!CanEdit)
            return Forbid();
        if (file is null)
        {
            ModelState.AddModelError("", "Pilih berkas bukti (PDF, DOCX, XLSX, JPG atau PNG).");
            return Page();
        }
        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, HttpContext.RequestAborted);
        var inspection = FileInspector.Inspect(file.FileName, buffer, uploads.Value.MaxBytes);
        if (!inspection.IsAccepted)
        {
            ModelState.AddModelError("", inspection.Error!);
            return Page();
        }
        buffer.Position = 0;
        var stored = await files.SaveAsync(buffer, HttpContext.RequestAborted);
        db.PotentialDocuments.Add(new PotentialDocument
        {
            PotentialId = id, FileName = inspection.FileName, ContentType = inspection.ContentType!, Size = stored.Length, Sha256 = stored.Sha256,
            UploadedAt = db.UtcNow, UploadedByName = Caller.Actor.Name,
        });
        db.AuditEvents.Add(AuditTrail.Entry(db, Potential.RegionCode, AuditEntities.Potential, id, AuditActions.DocumentUploaded,
            [new AuditChange("Bukti", null, $"{inspection.FileName} (SHA-256 {stored.Sha256})")], Caller.Actor));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Status"] = "Bukti diunggah.";
        return HttpContext.RedirectAfterPost($"/Potentials/Details/{id}#evidence");
    }

    public async Task<IActionResult> OnGetDocumentAsync(int id, int document, [FromServices] FileStore files)
    {
        if (!await LoadAsync(id))
            return NotFound();
        var row = await db.PotentialDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == document && d.PotentialId == id);
        if (row is null || !files.Exists(row.Sha256))
            return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        return File(files.OpenRead(row.Sha256), row.ContentType, FileNames.Clean(row.FileName));
    }

    private async Task<bool> LoadAsync(int id)
    {
        Caller = ProposalCaller.Of(User, scope);
        var ct = HttpContext.RequestAborted;
        if (await db.Potentials.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == id, ct) is not { } potential || !PotentialAccess.CanRead(Caller, scope, potential))
            return false;
        Potential = potential;
        RegionName = await db.Regions.Where(r => r.Code == potential.RegionCode).Select(r => r.Name).SingleAsync(ct);
        UrusanName = await db.Urusan.Where(u => u.Code == potential.UrusanCode).Select(u => u.Name).SingleAsync(ct);
        OpdName = await db.Opds.IgnoreQueryFilters().Where(o => o.Id == potential.OpdId).Select(o => o.Name).SingleAsync(ct);
        Settings = await PotentialRanking.SettingsAsync(db, potential.RegionCode, ct);
        Scores = await db.PotentialScores.AsNoTracking().Where(s => s.PotentialId == id).OrderBy(s => s.At).ThenBy(s => s.Id).ToListAsync(ct);
        Positions = await Tkksd.TkksdRegister.PositionHistoryAsync(db, potential.RegionCode, Scores.Select(s => s.UserId), ct);
        Members = await ProposalVotes.MembersAsync(db, potential.RegionCode, ct);
        Suggestions = await PotentialSuggestions.ForAsync(db, potential, ct);
        Proposals = await PotentialQueries.ProposalsAsync(db, id, ct);
        Documents = await db.PotentialDocuments.AsNoTracking().Where(d => d.PotentialId == id).OrderByDescending(d => d.UploadedAt).ToListAsync(ct);
        return true;
    }
}
