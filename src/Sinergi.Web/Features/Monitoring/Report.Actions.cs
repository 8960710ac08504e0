using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>Correcting a submitted report, and attaching evidence through the agreement's document upload.</summary>
public partial class ReportModel
{
    public sealed class CorrectionInput
    {
        public string? Reason { get; set; }
    }

    [BindProperty]
    public CorrectionInput Correction { get; set; } = new();

    [BindProperty]
    public IFormFile? Evidence { get; set; }

    public async Task<IActionResult> OnPostCorrectAsync(int id, string period)
    {
        if (await LoadAsync(id, period) is { } missing)
            return missing;
        if (!CanFile)
            return Forbid();
        var problems = await ImplementationReports.CorrectAsync(db, Slot, Correction.Reason, scope.OpdId, Actor.Of(User), HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Correction));
            Input = ReportInput.Of(Slot.Draft);
            return Page();
        }
        TempData["Status"] = "Koreksi dimulai sebagai versi baru. Versi yang sudah dikirim tetap tersimpan; kirim koreksi ini setelah selesai.";
        return HttpContext.RedirectAfterPost(Link(id, Slot.Period.Code));
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, string period, [FromServices] FileStore files, [FromServices] DocumentTexts texts,
        [FromServices] IOptions<UploadOptions> uploads)
    {
        if (await LoadAsync(id, period) is { } missing)
            return missing;
        if (!CanFile)
            return Forbid();
        Input = ReportInput.Of(Slot.Draft);
        if (Evidence is null)
        {
            ModelState.AddModelError(nameof(Evidence), "Pilih berkas bukti yang akan diunggah.");
            return Page();
        }
        if (!Editing)
        {
            ModelState.AddModelError("", "Laporan periode ini sudah dikirim. Ajukan koreksi untuk menambah bukti.");
            return Page();
        }
        await using var content = Evidence.OpenReadStream();
        var title = $"Bukti laporan {Slot.Period.Label}: {Path.GetFileNameWithoutExtension(Evidence.FileName)}";
        var outcome = await DocumentUploads.AddAsync(db, files, texts,
            new DocumentUploads.Request(id, null, title.Length > 200 ? title[..200] : title, Evidence.FileName, content),
            uploads.Value.MaxBytes, Actor.Of(User), HttpContext.RequestAborted);
        if (outcome.Conflict)
        {
            ModelState.AddModelError(nameof(Evidence), DocumentUploads.ConflictMessage);
            return Page();
        }
        if (!outcome.Succeeded)
        {
            foreach (var message in outcome.Problems.Values.SelectMany(m => m))
                ModelState.AddModelError(nameof(Evidence), message);
            return Page();
        }
        var problems = await ImplementationReports.AddEvidenceAsync(db, Slot, outcome.Version!.Id, scope.OpdId, Actor.Of(User), HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        TempData["Status"] = $"Bukti {outcome.Version.FileName} dilampirkan pada draf laporan dan tersimpan di dokumen kerja sama.";
        return HttpContext.RedirectAfterPost(Link(id, Slot.Period.Code));
    }
}
