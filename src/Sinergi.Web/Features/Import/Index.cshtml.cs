using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Import;

/// <summary>Impor: upload the region's spreadsheet; reading happens in the background, then the preview.</summary>
[Authorize(Roles = Roles.AdminKerjaSama)]
public class IndexModel(AppDbContext db, RegionScope scope, FileStore files, ImportJobs jobs, IOptions<UploadOptions> uploads, IOptions<ImportOptions> imports) : PageModel
{
    public sealed record Recent(Guid Id, string FileName, string UserName, DateTime CreatedAt, ImportStatus Status, string? Summary)
    {
        /// <summary>"5 dibuat · 0 diperbarui · 0 dilewati · 0 galat"; nothing while it is being read or saved.</summary>
        public string? Result => Status is ImportStatus.Membaca or ImportStatus.Menyimpan ? null : ImportSummary.Describe(Summary, Status == ImportStatus.Tersimpan);
    }

    public List<Recent> Sessions { get; private set; } = [];
    public int MaxMegabytes => uploads.Value.MaxMegabytes;
    public string? RegionCode => scope.RegionCode;
    public int PreviewExpiryDays => imports.Value.PreviewExpiryDays;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        var fileName = FileNames.Clean(file?.FileName);
        if (file is null || file.Length == 0)
            ModelState.AddModelError("file", file is null ? "Pilih berkas .xlsx, .xls atau .csv yang akan diimpor." : $"Berkas '{fileName}' kosong.");
        else if (!SpreadsheetReader.Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()))
            ModelState.AddModelError("file", $"Jenis berkas '{Path.GetExtension(fileName)}' tidak dapat diimpor. Unggah .xlsx, .xls atau .csv.");
        else if (file.Length > uploads.Value.MaxBytes)
            ModelState.AddModelError("file", $"Berkas '{fileName}' berukuran {Indonesian.FileSize(file.Length)}, melebihi batas {MaxMegabytes} MB.");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        await using var content = file!.OpenReadStream();
        var stored = await files.SaveAsync(content, HttpContext.RequestAborted);
        var actor = Actor.Of(User);
        var session = new ImportSession
        {
            Id = Guid.NewGuid(),
            RegionCode = scope.RegionCode!,
            UserId = actor.UserId,
            UserName = actor.Name,
            FileName = fileName,
            Sha256 = stored.Sha256,
            Size = stored.Length,
            Status = ImportStatus.Membaca,
        };
        db.ImportSessions.Add(session);
        await db.SaveChangesAsync();
        await jobs.EnqueueAsync(session.Id, ImportJobKind.Plan);
        return Redirect($"/Import/Session/{session.Id}");
    }

    /// <summary>The region's latest imports, once previews nobody saved in time are gone.</summary>
    private async Task LoadAsync()
    {
        await ImportCleanup.RemoveExpiredAsync(db, files, imports.Value, HttpContext.RequestAborted);
        Sessions = await db.ImportSessions.AsNoTracking().OrderByDescending(s => s.CreatedAt).Take(20)
            .Select(s => new Recent(s.Id, s.FileName, s.UserName, s.CreatedAt, s.Status, s.Summary)).ToListAsync();
    }
}
