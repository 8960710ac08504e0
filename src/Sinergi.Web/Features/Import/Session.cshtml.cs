using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Infrastructure.Files;
using Sinergi.Infrastructure.Spreadsheets;

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

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        var rows = Preview?.Rows ?? [];
        var filtered = Show switch
        {
            "galat" => rows.Where(r => r.Outcome == ImportOutcome.Error).ToList(),
            "pesan" => rows.Where(r => r.Messages.Count > 0).ToList(),
            _ => rows.ToList(),
        };
        ShownTotal = filtered.Count;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (int)Math.Ceiling(ShownTotal / (double)PageSize)));
        Shown = filtered.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList();
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
            var mapping = (map ?? []).Where(m => Enum.TryParse<ImportField>(m.Value, out _))
                .ToDictionary(m => m.Key, m => Enum.Parse<ImportField>(m.Value));
            var doubled = mapping.GroupBy(m => m.Value).Where(g => g.Count() > 1 && !ImportColumns.AllowsSeveralColumns(g.Key)).Select(g => ImportColumns.Label(g.Key)).ToList();
            if (!mapping.ContainsValue(ImportField.Title) || doubled.Count > 0)
            {
                TempData["Error"] = !mapping.ContainsValue(ImportField.Title)
                    ? "Pilih satu kolom sebagai Judul kerja sama; tanpa judul baris tidak dapat dibaca."
                    : $"Kolom berikut dipilih lebih dari sekali: {string.Join(", ", doubled)}. Pilih satu kolom untuk masing-masing.";
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
        return await StartAsync(ImportStatus.Menyimpan, ImportJobKind.Save);
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

    /// <summary>Every row with what happened to it and why: the report a person keeps or sends back to the OPDs.</summary>
    public async Task<IActionResult> OnGetReportAsync()
    {
        if (!await LoadAsync() || Preview is null)
            return NotFound();
        var saved = Session.Status == ImportStatus.Tersimpan;
        var columns = new ExportColumn[] { new("Baris", ExportKind.Number), new("Nomor"), new("Judul"), new("Hasil"), new("Mitra"), new("OPD"), new("Galat"), new("Peringatan") };
        var rows = Preview.Rows.Select(r => new object?[]
        {
            r.RowNumber, r.Number, r.Title, OutcomeLabel(r.Outcome, saved), string.Join("; ", r.Partners), string.Join("; ", r.Opds),
            string.Join("\n", r.Messages.Where(m => m.IsError).Select(m => $"{m.Column}: {m.Text}")),
            string.Join("\n", r.Messages.Where(m => !m.IsError).Select(m => $"{m.Column}: {m.Text}")),
        });
        var output = new MemoryStream();
        TableExport.WriteXlsx(output, "Hasil impor", columns, rows);
        output.Position = 0;
        return File(output, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"hasil-impor-{Path.GetFileNameWithoutExtension(FileNames.Clean(Session.FileName))}.xlsx");
    }

    public static string OutcomeLabel(ImportOutcome outcome, bool saved) => outcome switch
    {
        ImportOutcome.Create => saved ? "Dibuat" : "Akan dibuat",
        ImportOutcome.Update => saved ? "Diperbarui" : "Akan diperbarui",
        ImportOutcome.Unchanged => "Tidak berubah",
        _ => "Bermasalah",
    };

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
