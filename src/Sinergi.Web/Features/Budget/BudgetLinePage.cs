using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Budget;

/// <summary>What the pages that add and change a budget line share: the form, its choices and its checks.</summary>
public abstract class BudgetLinePage(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Tahun anggaran")]
        public int? FiscalYear { get; set; }
        [Display(Name = "Sumber anggaran")]
        public BudgetSource? Source { get; set; }
        [Display(Name = "OPD pelaksana")]
        public int? OpdId { get; set; }
        public string? ProgramCode { get; set; }
        public string? KegiatanCode { get; set; }
        public string? SubKegiatanCode { get; set; }
        [Display(Name = "Dokumen perencanaan")]
        public PlanningDocument? Document { get; set; }
        public string? DocumentNumber { get; set; }
        [Display(Name = "Pagu rencana")]
        public decimal? Planned { get; set; }
        [Display(Name = "Realisasi")]
        public decimal? Realised { get; set; }
        public string? RealisationNote { get; set; }
        [Display(Name = "Rincian realisasi")]
        public RealisationBreakdown Breakdown { get; set; }
        [Display(Name = "Realisasi per triwulan")]
        public List<decimal?> Quarters { get; set; } = [];
        [Display(Name = "Realisasi per bulan")]
        public List<decimal?> Months { get; set; } = [];
        [Display(Name = "Versi data")]
        public int Version { get; set; }

        public BudgetLineDraft ToDraft() => new BudgetLineDraft
        {
            FiscalYear = FiscalYear, Source = Source, OpdId = OpdId, ProgramCode = ProgramCode, KegiatanCode = KegiatanCode,
            SubKegiatanCode = SubKegiatanCode, Document = Document, DocumentNumber = DocumentNumber, Planned = Planned, Realised = Realised,
            RealisationNote = RealisationNote, Breakdown = Breakdown,
            Parts = Breakdown switch
            {
                RealisationBreakdown.Quarterly => Pad(Quarters, 4),
                RealisationBreakdown.Monthly => Pad(Months, 12),
                _ => [],
            },
        }.Normalized();

        public static InputModel Of(BudgetLine line) => new()
        {
            FiscalYear = line.FiscalYear, Source = line.Source, OpdId = line.OpdId, ProgramCode = line.ProgramCode, KegiatanCode = line.KegiatanCode,
            SubKegiatanCode = line.SubKegiatanCode, Document = line.Document, DocumentNumber = line.DocumentNumber, Planned = line.Planned,
            Realised = line.Realised, RealisationNote = line.RealisationNote, Breakdown = line.Breakdown,
            Quarters = line.Breakdown == RealisationBreakdown.Quarterly ? line.Parts.ToList() : [],
            Months = line.Breakdown == RealisationBreakdown.Monthly ? line.Parts.ToList() : [],
            Version = line.Version,
        };

        private static List<decimal?> Pad(List<decimal?> parts, int count) => [.. parts.Take(count), .. Enumerable.Repeat<decimal?>(null, Math.Max(0, count - parts.Count))];
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Agreement Agreement { get; protected set; } = null!;
    public List<Opd> OpdOptions { get; private set; } = [];
    public (int First, int Last) Years { get; private set; }
    public abstract bool IsNew { get; }

    protected AppDbContext Db => db;
    protected RegionScope Scope => scope;

    /// <summary>The choices of the form, once the agreement is known.</summary>
    protected async Task PrepareAsync()
    {
        OpdOptions = await db.Opds.AsNoTracking().Where(o => o.RegionCode == Agreement.RegionCode).OrderBy(o => o.ShortName).ToListAsync();
        if (!User.IsInRole(Accounts.Roles.AdminKerjaSama) && scope.OpdId is int own)
            OpdOptions = OpdOptions.Where(o => o.Id == own).ToList();
        Years = BudgetLineDraft.YearsOf(Agreement);
    }

    /// <summary>A new line starts in this year (within the term), from the agreement's funding, for the caller's or the agreement's OPD.</summary>
    protected InputModel Defaults()
    {
        var year = RegionClock.Today(clock, Agreement.RegionCode).Year;
        return new InputModel
        {
            FiscalYear = Math.Clamp(year, Years.First, Years.Last),
            Source = Agreement.Funding switch
            {
                FundingSource.Apbn => BudgetSource.Apbn,
                FundingSource.Mitra => BudgetSource.Mitra,
                FundingSource.Lainnya => BudgetSource.Lainnya,
                _ => BudgetSource.Apbd,
            },
            OpdId = scope.OpdId ?? Agreement.Opds.OrderBy(o => o.ShortName).Select(o => (int?)o.Id).FirstOrDefault(),
        };
    }

    /// <summary>The draft when it passes its checks; null with its problems on the form otherwise.</summary>
    protected async Task<BudgetLineDraft?> CheckedDraftAsync()
    {
        var draft = Input.ToDraft();
        var problems = await draft.ProblemsAsync(db, Agreement, AgreementChanges.Recorder.Of(User, scope));
        var partsField = Input.Breakdown == RealisationBreakdown.Monthly ? nameof(InputModel.Months) : nameof(InputModel.Quarters);
        ModelState.AddProblems(problems.ToDictionary(p => p.Key == BudgetLineDraft.PartsField ? partsField : p.Key, p => p.Value), nameof(Input));
        return ModelState.IsValid ? draft : null;
    }

    protected IActionResult FormResult()
    {
        Response.VaryOnHtmx();
        return Request.IsHtmx() ? Partial("/Features/Budget/_LineForm.cshtml", this) : Page();
    }

    protected IActionResult Done(string message)
    {
        TempData["Status"] = message;
        return HttpContext.RedirectAfterPost($"/Agreements/Details/{Agreement.Id}#anggaran");
    }
}
