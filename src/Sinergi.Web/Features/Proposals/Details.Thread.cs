using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>The proposal's discussion and its documents' threads, from the proposal's page.</summary>
public partial class DetailsModel
{
    public List<ProposalMessage> Messages { get; private set; } = [];

    public async Task<IActionResult> OnPostMessageAsync(int id, string? documentType, string? body, IFormFile? file,
        [FromServices] FileStore files, [FromServices] IOptions<UploadOptions> uploads)
    {
        if (!await LoadAsync(id))
            return NotFound();
        using var buffer = new MemoryStream();
        if (file is not null)
        {
            await using var content = file.OpenReadStream();
            await content.CopyToAsync(buffer);
            buffer.Position = 0;
        }
        var (saved, problems) = await ProposalThread.PostAsync(db, files, Caller, Proposal, documentType, body, file?.FileName,
            file is null ? null : buffer, uploads.Value.MaxBytes, HttpContext.RequestAborted);
        if (saved is null)
            return Refused(string.Join(" ", problems.Values.SelectMany(v => v)), false);
        TempData["Status"] = "Pesan dikirim ke diskusi.";
        return HttpContext.RedirectAfterPost($"/Proposals/Details/{id}#thread");
    }
}
