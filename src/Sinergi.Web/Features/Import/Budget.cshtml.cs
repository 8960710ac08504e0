using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Import;

/// <summary>
/// Impor baris anggaran: a workbook of budget lines, read and checked at once, shown row by row with
/// its problems, and saved when every row is right, or when the person leaves out the rows named as
/// wrong. The admin imports for any agreement of the region, an OPD operator for its OPD's only.
/// </summary>
[Authorize(Roles = Roles.AdminKerjaSama + "," + Roles.OpdOperator)]
public class BudgetModel(AppDbContext db, RegionScope scope, FileStore files, IDataProtectionProvider protection,
    IOptions<UploadOptions> uploads, IOptions<ImportOptions> imports) : PageModel
{
    public BudgetImportPlan? Plan { get; private set; }
    /// <summary>The uploaded file, sealed for this person and region, so saving reads the very file the preview read.</summary>
    public string? Token { get; private set; }
    public int MaxMegabytes => uploads.Value.MaxMegabytes;
    public bool IsAdmin => User.IsInRole(Roles.AdminKerjaSama);

    private IDataProtector Protector => protection.CreateProtector("Sinergi.Import.BudgetLines");

    public IActionResult OnGet() => Allowed() ?? Page();

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        if (Allowed() is { } refusal)
            return refusal;
        var fileName = FileNames.Clean(file?.FileName);
        if (file is null || file.Length == 0)
            ModelState.AddModelError("file", file is null ? "Pilih berkas .xlsx, .xls atau .csv berisi baris anggaran." : $"Berkas '{fileName}' kosong.");
        else if (!SpreadsheetReader.Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant()))
            ModelState.AddModelError("file", $"Jenis berkas '{Path.GetExtension(fileName)}' tidak dapat diimpor. Unggah .xlsx, .xls atau .csv.");
        else if (file.Length > uploads.Value.MaxBytes)
            ModelState.AddModelError("file", $"Berkas '{fileName}' berukuran {Indonesian.FileSize(file.Length)}, melebihi batas {MaxMegabytes} MB.");
        if (!ModelState.IsValid)
            return Page();

        StoredFile stored;
        await using (var content = file!.OpenReadStream())
            stored = await files.SaveAsync(content, HttpContext.RequestAborted);
        Token = Protector.Protect(string.Join('\n', scope.RegionCode, Actor.Of(User).UserId, stored.Sha256, fileName));
        await PlanAsync(stored.Sha256, fileName);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? token, string? leaveOut, bool confirmLeaveOut)
    {
        if (Allowed() is { } refusal)
            return refusal;
        var sealedFile = Unseal(token);
        if (sealedFile is null || !files.Exists(sealedFile.Value.Sha))
        {
            ModelState.AddModelError("file", "Pratinjau ini tidak dapat disimpan lagi. Unggah berkasnya sekali lagi.");
            return Page();
        }
        var (sha, fileName) = sealedFile.Value;
        Token = token;
        await PlanAsync(sha, fileName);
        var plan = Plan!;
        var rows = BudgetImport.RowList(leaveOut) ?? [];
        if (rows.Count > 0 && !confirmLeaveOut)
        {
            ModelState.AddModelError("confirmLeaveOut", "Centang pernyataan bahwa baris yang bermasalah tidak ikut disimpan.");
            return Page();
        }
        if (!plan.CanSaveWithout(rows))
        {
            // The registry changed since the preview, or the rows left out are not the rows with errors.
            ModelState.AddModelError("file", rows.Count > 0 && plan.Error is null
                ? "Baris yang bermasalah berubah sejak pratinjau dibuat; tidak ada yang disimpan. Periksa pratinjau terbaru."
                : "Masih ada baris yang bermasalah; tidak ada yang disimpan.");
            return Page();
        }
        var saved = await BudgetImport.SaveAsync(db, plan, Actor.Of(User), rows, HttpContext.RequestAborted);
        TempData["Status"] = $"{Indonesian.Number(saved)} baris anggaran dari {plan.FileName} tersimpan"
            + (rows.Count > 0 ? $"; baris {string.Join(", ", rows)} tidak disimpan." : ".");
        return HttpContext.RedirectAfterPost("/Import/Budget");
    }

    /// <summary>Only whoever records budget lines: the admin, or an operator of an OPD.</summary>
    private IActionResult? Allowed() =>
        scope.RegionCode is not null && (IsAdmin || scope.OpdId is not null) ? null : Forbid();

    private async Task PlanAsync(string sha, string fileName)
    {
        await using var content = files.OpenRead(sha);
        Plan = await BudgetImport.PlanFileAsync(db, AgreementChanges.Recorder.Of(User, scope), fileName, content, uploads.Value.MaxBytes, imports.Value,
            HttpContext.RequestAborted);
    }

    private (string Sha, string FileName)? Unseal(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        try
        {
            var parts = Protector.Unprotect(token).Split('\n');
            return parts.Length == 4 && parts[0] == scope.RegionCode && parts[1] == (Actor.Of(User).UserId ?? "") && FileStore.IsSha256(parts[2])
                ? (parts[2], parts[3]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
