using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>An agreement's indicators: added by whoever edits the agreement, with a target and realisation per period.</summary>
public class IndicatorsModel(AppDbContext db, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class AddInput
    {
        public string? Name { get; set; }
        public string? Unit { get; set; }
        [Display(Name = "Nilai awal")] public decimal? Baseline { get; set; }
        [Display(Name = "IKU/IKD OPD")] public int? PerformanceIndicatorId { get; set; }
    }

    public sealed class RecordInput
    {
        [Display(Name = "Indikator")] public int IndicatorId { get; set; }
        public string? Period { get; set; }
        [Display(Name = "Target")] public decimal? Target { get; set; }
        [Display(Name = "Realisasi")] public decimal? Realisation { get; set; }
        public string? Note { get; set; }
    }

    public MonevAgreement Agreement { get; private set; } = null!;
    public List<Indicator> Items { get; private set; } = [];
    public List<EvaluationPeriod> Periods { get; private set; } = [];
    public List<PerformanceIndicator> Iku { get; private set; } = [];
    public bool CanEdit { get; private set; }

    [BindProperty] public AddInput Add { get; set; } = new();
    [BindProperty] public RecordInput Record { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(int id)
    {
        if (await LoadAsync(id) is { } missing)
            return missing;
        if (!CanEdit)
            return Forbid();
        var (_, problems) = await Indicators.AddAsync(db, Agreement,
            new Indicators.IndicatorDraft(Add.Name, Add.Unit, Add.Baseline, Add.PerformanceIndicatorId), Actor.Of(User), HttpContext.RequestAborted);
        if (problems.Count > 0 || !ModelState.IsValid)
        {
            ModelState.AddProblems(problems, nameof(Add));
            return Page();
        }
        TempData["Status"] = "Indikator ditambahkan.";
        return HttpContext.RedirectAfterPost($"/Evaluations/Indicators/{id}");
    }

    public async Task<IActionResult> OnPostRecordAsync(int id)
    {
        if (await LoadAsync(id) is { } missing)
            return missing;
        if (!CanEdit)
            return Forbid();
        if (Items.SingleOrDefault(i => i.Id == Record.IndicatorId) is not { } indicator)
        {
            ModelState.AddModelError("Record.IndicatorId", "Indikator tidak ditemukan pada kerja sama ini.");
            return Page();
        }
        if (!ModelState.IsValid)
            return Page();
        var problems = await Indicators.RecordAsync(db, Agreement, indicator,
            new Indicators.ValueDraft(Record.Period, Record.Target, Record.Realisation, Record.Note), RegionClock.Today(clock, Agreement.RegionCode),
            Actor.Of(User), HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Record));
            return Page();
        }
        TempData["Status"] = $"Target dan realisasi {indicator.Name} disimpan.";
        return HttpContext.RedirectAfterPost($"/Evaluations/Indicators/{id}");
    }

    private async Task<IActionResult?> LoadAsync(int id)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id) || await MonevAgreement.LoadAsync(db, id) is not { } agreement)
            return NotFound();
        Agreement = agreement;
        CanEdit = AgreementAccess.CanEdit(User, scope, agreement.RegionCode, agreement.OpdIds);
        Items = await db.Indicators.IgnoreQueryFilters().Include(i => i.Values).Include(i => i.PerformanceIndicator)
            .Where(i => i.AgreementId == id).OrderBy(i => i.Id).ToListAsync();
        Periods = agreement.PeriodsOn(RegionClock.Today(clock, agreement.RegionCode));
        Iku = await db.PerformanceIndicators.IgnoreQueryFilters().Include(p => p.Opd)
            .Where(p => p.RegionCode == agreement.RegionCode && agreement.OpdIds.Contains(p.OpdId)).OrderBy(p => p.Code).ToListAsync();
        return null;
    }
}
