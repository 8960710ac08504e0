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
        await using var content = Evidence?.OpenReadStream();
        var (problems, version) = await ImplementationReports.UploadEvidenceAsync(db, files, texts, uploads.Value.MaxBytes, Slot, Evidence?.FileName, content,
            scope.OpdId, Actor.Of(User), HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            foreach (var message in problems.GetValueOrDefault(ImplementationReports.EvidenceField) ?? [])
                ModelState.AddModelError(nameof(Evidence), message);
            foreach (var message in problems.Where(p => p.Key != ImplementationReports.EvidenceField).SelectMany(p => p.Value))
                ModelState.AddModelError("", message);
            return Page();
        }
        TempData["Status"] = $"Bukti {version!.FileName} dilampirkan pada draf laporan dan tersimpan di dokumen kerja sama.";
        return HttpContext.RedirectAfterPost(Link(id, Slot.Period.Code));
    }
}
