using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;
using Sinergi.Tenancy;

namespace Sinergi.Features.Agreements.Documents;

/// <summary>Downloads one version of a document, only for people who may read its agreement.</summary>
public class DocumentModel(AppDbContext db, RegionScope scope, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id)
    {
        var version = await db.DocumentVersions.IgnoreQueryFilters().AsNoTracking().Where(v => v.Id == id)
            .Select(v => new { v.Document!.AgreementId, v.FileName, v.ContentType, v.Sha256 })
            .SingleOrDefaultAsync();
        if (version is null || !await AgreementAccess.CanReadAsync(db, scope, version.AgreementId) || !files.Exists(version.Sha256))
            return NotFound();
        Response.Headers.CacheControl = "private, no-store";
        // A name stored before names were cleaned at upload is cleaned on its way out.
        return File(files.OpenRead(version.Sha256), version.ContentType, FileNames.Clean(version.FileName));
    }
}
