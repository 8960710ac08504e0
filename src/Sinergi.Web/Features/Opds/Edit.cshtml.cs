using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Opds;

public class EditModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? HeadName { get; set; }
        public string? HeadNip { get; set; }
        [Display(Name = "Urusan")]
        public List<string> UrusanCodes { get; set; } = [];
        [Display(Name = "Versi data")]
        public int Version { get; set; }

        public OpdDraft ToDraft() => new OpdDraft(Name, ShortName, HeadName, HeadNip, UrusanCodes).Normalized();
    }

    /// <summary>The stored values that differ from what the person submitted, after someone else saved first.</summary>
    public sealed record ConflictValues(string When, string? Name, string? ShortName, string? HeadName, string? HeadNip, string? Urusan);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromRoute]
    public int? Id { get; set; }

    public bool IsNew => Id is null;
    public string RegionCode { get; private set; } = "";
    public string RegionName { get; private set; } = "";
    public string? OriginalShortName { get; private set; }
    public List<Urusan> UrusanOptions { get; private set; } = [];
    public ConflictValues? Conflict { get; private set; }
    public string RegionQuery => scope.RegionCode is null ? $"?region={RegionCode}" : "";

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (!await ResolveAsync(region))
            return IsNew ? RedirectToPage("/Settings/Index") : NotFound();
        if (!IsNew)
        {
            var opd = await db.Opds.AsNoTracking().Include(o => o.Urusan).SingleAsync(o => o.Id == Id);
            Input = new InputModel
            {
                Name = opd.Name,
                ShortName = opd.ShortName,
                HeadName = opd.HeadName,
                HeadNip = opd.HeadNip,
                UrusanCodes = opd.Urusan.Select(u => u.Code).ToList(),
                Version = opd.Version,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        if (!await ResolveAsync(region))
            return IsNew ? RedirectToPage("/Settings/Index") : NotFound();

        var draft = Input.ToDraft();
        ModelState.AddProblems(await draft.ProblemsAsync(db, RegionCode, Id), nameof(Input));
        if (!ModelState.IsValid)
            return FormResult();

        Opd opd;
        if (IsNew)
        {
            opd = new Opd { RegionCode = RegionCode, Name = "", ShortName = "" };
            db.Opds.Add(opd);
        }
        else
        {
            opd = await db.Opds.Include(o => o.Urusan).SingleAsync(o => o.Id == Id);
            // Save only over the version the person saw; someone else's save in between is a conflict.
            db.Entry(opd).Property(o => o.Version).OriginalValue = Input.Version;
        }
        await draft.ApplyToAsync(db, opd);

        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await ShowConflictAsync(draft);
            return FormResult();
        }

        TempData["Status"] = IsNew ? $"OPD {opd.ShortName} ditambahkan." : $"Perubahan OPD {opd.ShortName} disimpan.";
        return HttpContext.RedirectAfterPost("/Settings/Opds" + RegionQuery);
    }

    private IActionResult FormResult()
    {
        Response.VaryOnHtmx();
        return Request.IsHtmx() ? Partial("_OpdForm", this) : Page();
    }

    private async Task ShowConflictAsync(OpdDraft mine)
    {
        var current = await db.Opds.AsNoTracking().Include(o => o.Urusan).SingleOrDefaultAsync(o => o.Id == Id);
        if (current is null)
        {
            ModelState.AddModelError("", "OPD ini sudah dihapus orang lain sehingga perubahan Anda tidak dapat disimpan.");
            return;
        }
        static string? Differs(string? theirs, string? ours) => theirs == ours ? null : theirs ?? "";
        var theirUrusan = string.Join(", ", current.Urusan.Select(u => u.Code).Order(StringComparer.Ordinal));
        Conflict = new ConflictValues(
            Indonesian.DateTime(current.UpdatedAt, current.RegionCode),
            Differs(current.Name, mine.Name),
            Differs(current.ShortName, mine.ShortName),
            Differs(current.HeadName, mine.HeadName),
            Differs(current.HeadNip, mine.HeadNip),
            Differs(theirUrusan, string.Join(", ", mine.UrusanCodes ?? [])));
        // The next save is made knowingly over the version now shown.
        Input.Version = current.Version;
        ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
    }

    /// <summary>Finds the region and, when editing, an OPD that belongs to it; false means 404.</summary>
    private async Task<bool> ResolveAsync(string? requestedRegion)
    {
        UrusanOptions = await db.Urusan.AsNoTracking().OrderBy(u => u.Code).ToListAsync();
        if (IsNew)
        {
            if (await AdminRegion.ResolveAsync(db, scope, requestedRegion) is not { } region)
                return false;
            (RegionCode, RegionName) = (region.Code, region.GovernmentName);
            return true;
        }
        // The region filter keeps another region's OPD out of reach: it is simply not found.
        var opd = await db.Opds.AsNoTracking().Include(o => o.Region).SingleOrDefaultAsync(o => o.Id == Id);
        if (opd is null)
            return false;
        (RegionCode, RegionName) = (opd.RegionCode, opd.Region!.GovernmentName);
        OriginalShortName = opd.ShortName;
        return true;
    }
}
