using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Agreements;

/// <summary>Uploading a document, or a new version of one, from the detail page.</summary>
public partial class DetailsModel
{
    public sealed class UploadInput
    {
        [Display(Name = "Dokumen")]
        public int? DocumentId { get; set; }
        public string? Title { get; set; }
        public IFormFile? File { get; set; }
    }

    [BindProperty]
    public UploadInput Upload { get; set; } = new();

    public int MaxMegabytes => HttpContext.RequestServices.GetRequiredService<IOptions<UploadOptions>>().Value.MaxMegabytes;

    public async Task<IActionResult> OnPostUploadAsync(int id, [FromServices] FileStore files, [FromServices] DocumentTexts texts, [FromServices] IOptions<UploadOptions> uploads)
    {
        if (!await LoadAsync(id))
            return NotFound();
        if (!CanEdit)
            return Forbid();
        if (Upload.File is null)
        {
            ModelState.AddModelError("Upload.File", "Pilih berkas yang akan diunggah.");
            return Page();
        }

        await using var content = Upload.File.OpenReadStream();
        var outcome = await DocumentUploads.AddAsync(db, files, texts,
            new DocumentUploads.Request(id, Upload.DocumentId, Upload.Title, Upload.File.FileName, content),
            uploads.Value.MaxBytes, Actor.Of(User), HttpContext.RequestAborted);
        if (outcome.Conflict)
        {
            ModelState.AddModelError("Upload.File", DocumentUploads.ConflictMessage);
            await LoadAsync(id);
            return Page();
        }
        if (!outcome.Succeeded)
        {
            ModelState.AddProblems(outcome.Problems, nameof(Upload));
            return Page();
        }

        var version = outcome.Version!;
        TempData["Status"] = $"{version.FileName} diunggah sebagai versi {version.Number} dari \"{outcome.Title}\"."
            + (outcome.TextPending ? " Teksnya sedang dibaca; isinya dapat dicari setelah selesai." : "");
        return Redirect($"/Agreements/Details/{id}#dokumen");
    }
}
