using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Features.Import;

/// <summary>One import: progress while reading or saving, then the preview with its mapping, then the result.</summary>
[Authorize(Roles = Roles.AdminKerjaSama)]
public class SessionModel(AppDbContext db, ImportJobs jobs) : PageModel
{
    public const int PageSize = 100;

    [FromRoute] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    [Display(Name = "Halaman")]
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ImportSession Session { get; private set; } = null!;
    public ImportPreview? Preview { get; private set; }
    public int? Progress { get; private set; }
    public bool Working => Session.Status is ImportStatus.Membaca or ImportStatus.Menyimpan;
    public IReadOnlyList<ImportPreview.Row> Shown { get; private set; } = [];
    public int ShownTotal { get; private set; }
    /// <summary>The region's OPDs, for mapping OPD names of the file the directory does not know as written.</summary>
    public IReadOnlyList<ImportSuggestion> RegionOpds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        var filtered = Preview?.RowsShown(Show) ?? [];
        ShownTotal = filtered.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (int)Math.Ceiling(ShownTotal / (double)PageSize)));
        Shown = filtered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
        if (Session.Status != ImportStatus.Tersimpan && Preview?.Values.Any(v => v.Kind == ImportValueKind.Opd) == true)
            RegionOpds = (await db.Opds.AsNoTracking().Where(o => o.RegionCode == Session.RegionCode).OrderBy(o => o.ShortName).ToListAsync())
                .Select(o => new ImportSuggestion(o.Id, ImportDirectory.OpdLabel(o))).ToList();
        return Page();
    }

    /// <summary>Polled by htmx while a job runs; when it is done the whole page reloads.</summary>
    public async Task<IActionResult> OnGetProgressAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (!Working)
        {
            Response.Headers["HX-Refresh"] = "true";
            return new NoContentResult();
        }
        return Partial("_Progress", this);
    }

    public async Task<IActionResult> OnPostMappingAsync([FromForm] Dictionary<int, string>? map, int? sheet)
    {
        if (!await LoadAsync() || Preview is null)
            return NotFound();
        if (Working || Session.Status == ImportStatus.Tersimpan)
            return Redirect(Here);
        if (sheet is int chosen && chosen != Session.SheetIndex)
        {
            Session.SheetIndex = chosen;
            Session.MappingJson = null;
        }
        else
        {
            var mapping = ImportPreview.MappingFromForm(map);
            if (ImportPreview.MappingProblem(mapping) is { } problem)
            {
                TempData["Error"] = problem;
                return Redirect(Here);
            }
            Session.MappingJson = ImportPreview.MappingJson(mapping);
        }
        return await StartAsync(ImportStatus.Membaca, ImportJobKind.Plan);
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (Session.Status != ImportStatus.Siap || Preview?.CanSave != true)
        {
            TempData["Error"] = "Impor ini belum dapat disimpan: perbaiki baris yang bermasalah di berkas, lalu unggah lagi.";
            return Redirect(Here);
        }
        if (!Preview.HasChanges)
        {
            TempData["Status"] = Preview.NothingToSave;
            return Redirect(Here);
        }
        return await StartAsync(ImportStatus.Menyimpan, ImportJobKind.Save);
    }

    /// <summary>Reads the file again with the OPDs and partners the person chose for names the directory does not know as written.</summary>
    public async Task<IActionResult> OnPostValuesAsync([FromForm] Dictionary<string, string>? opd, [FromForm] Dictionary<string, string>? partner)
    {
        if (!await LoadAsync() || Preview is null)
            return NotFound();
        if (Working || Session.Status == ImportStatus.Tersimpan)
            return Redirect(Here);
        var values = await ImportValueForm.ReadAsync(db, Session.RegionCode, Preview.Values, opd, partner);
        if (values is null)
        {
            TempData["Error"] = "Pilihan OPD atau mitra tidak dikenal. Pilih dari daftar yang ada.";
            return Redirect(Here);
        }
        Session.ValuesJson = values.ToJson();
        return await StartAsync(ImportStatus.Membaca, ImportJobKind.Plan);
    }

    /// <summary>Marks the session busy and hands it to the background worker; the page then shows its progress.</summary>
    private async Task<IActionResult> StartAsync(ImportStatus status, ImportJobKind kind)
    {
        Session.Status = status;
        Session.Error = null;
        await db.SaveChangesAsync();
        await jobs.EnqueueAsync(Session.Id, kind);
        return Redirect(Here);
    }

    /// <summary>Every row with what happened to it and why, as a workbook (<see cref="ImportReport"/>).</summary>
    public async Task<IActionResult> OnGetReportAsync()
    {
        if (!await LoadAsync() || Preview is null)
            return NotFound();
        return File(ImportReport.Xlsx(Preview, Session.Status == ImportStatus.Tersimpan), ImportReport.ContentType, ImportReport.FileName(Session.FileName));
    }

    public static string OutcomeLabel(ImportOutcome outcome, bool saved) => ImportReport.OutcomeLabel(outcome, saved);

    /// <summary>
    /// The names the preview offers to map: every new OPD (a region has tens, all listed), and the
    /// partners with a near match or a choice made; a partner like none other stays new.
    /// </summary>
    public static bool IsOffered(ImportValueChoice value) =>
        value.Kind == ImportValueKind.Opd || value.Suggestions.Count > 0 || value.MappedId is not null;

    public string Here => $"/Import/Session/{Id}";

    public string Link(string? show, int page) =>
        Here + "?" + string.Join("&", new[] { show is null ? null : $"show={show}", page > 1 ? $"p={page}" : null }.OfType<string>());

    private async Task<bool> LoadAsync()
    {
        var session = await db.ImportSessions.SingleOrDefaultAsync(s => s.Id == Id);
        if (session is null)
            return false;
        Session = session;
        Preview = ImportPreview.FromJson(session.PreviewJson);
        Progress = jobs.ProgressOf(Id);
        return true;
    }
}
