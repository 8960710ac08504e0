using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Settings.Monev;

/// <summary>
/// The region's criteria of the lokus review or the admin's evaluation (<c>?kind=review|evaluation</c>):
/// each criterion's label and its fixed answers, added, removed and reordered. The rule is
/// <see cref="CriteriaSettings"/>, which the API calls too.
/// </summary>
public class CriteriaModel(AppDbContext db, RegionScope scope) : PageModel
{
    public const int BlankRows = 2;

    public sealed class RowInput
    {
        public string? Code { get; set; }
        [Display(Name = "Nama kriteria")]
        public string? Label { get; set; }
        [Display(Name = "Pilihan jawaban")]
        public string? Options { get; set; }
        [Display(Name = "Urutan")]
        public int? Order { get; set; }
        [Display(Name = "Hapus")]
        public bool Remove { get; set; }
    }

    public sealed class CriteriaInput
    {
        [Display(Name = "Kriteria")] public List<RowInput> Rows { get; set; } = [];
    }

    [BindProperty]
    public CriteriaInput Input { get; set; } = new();

    public AssessmentKind Kind { get; private set; }
    public bool IsOwn { get; private set; }
    public string RegionName { get; private set; } = "";
    public string RegionQuery { get; private set; } = "";
    /// <summary>The region a system admin named (<c>?region=</c>); null for a region's own admin.</summary>
    public string? RegionCode { get; private set; }

    public string Link(AssessmentKind kind) => $"/Settings/Monev/Criteria?kind={AssessmentCriteria.Slug(kind)}{RegionQuery.Replace('?', '&')}";

    public async Task<IActionResult> OnGetAsync(string? kind, string? region)
    {
        if (await ResolveAsync(kind, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        var criteria = await AssessmentCriteria.ForRegionAsync(db, resolved.Code, Kind);
        Input = new CriteriaInput
        {
            Rows = [.. criteria.Select((c, i) => new RowInput { Code = c.Code, Label = c.Label, Options = string.Join("\n", c.Options.Select(o => o.Label)), Order = i + 1 })],
        };
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? kind, string? region)
    {
        if (await ResolveAsync(kind, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        if (!ModelState.IsValid)
            return Page();
        var kept = Input.Rows.Select((row, index) => (row, index))
            .Where(r => !r.row.Remove && !(string.IsNullOrWhiteSpace(r.row.Code) && string.IsNullOrWhiteSpace(r.row.Label) && string.IsNullOrWhiteSpace(r.row.Options)))
            .OrderBy(r => r.row.Order ?? int.MaxValue).ThenBy(r => r.index).ToList();
        var inputs = kept.Select(r => new CriteriaSettings.CriterionInput(r.row.Code, r.row.Label,
            (r.row.Options ?? "").Split('\n').Where(line => !string.IsNullOrWhiteSpace(line)).Select(line => new CriteriaSettings.OptionInput(null, line)).ToList())).ToList();
        var problems = await CriteriaSettings.SaveAsync(db, resolved.Code, Kind, inputs, HttpContext.RequestAborted);
        if (problems.Count > 0)
        {
            foreach (var (key, messages) in problems)
            {
                var field = key.Length == 0 ? "" : $"{nameof(Input)}.{nameof(CriteriaInput.Rows)}[{kept[int.Parse(key[1..key.IndexOf(']')], System.Globalization.CultureInfo.InvariantCulture)].index}]{key[(key.IndexOf(']') + 1)..]}";
                foreach (var message in messages)
                    ModelState.AddModelError(field, message);
            }
            return Page();
        }
        TempData["Status"] = $"Kriteria {AssessmentCriteria.Title(Kind).ToLowerInvariant()} disimpan: {inputs.Count} kriteria. Penilaian yang sudah dikirim tetap memakai kriteria semula.";
        return Redirect(Link(Kind));
    }

    public async Task<IActionResult> OnPostResetAsync(string? kind, string? region)
    {
        if (await ResolveAsync(kind, region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        await CriteriaSettings.ResetAsync(db, resolved.Code, Kind, HttpContext.RequestAborted);
        TempData["Status"] = $"Kriteria {AssessmentCriteria.Title(Kind).ToLowerInvariant()} dikembalikan ke bawaan.";
        return Redirect(Link(Kind));
    }

    private async Task<Region?> ResolveAsync(string? kind, string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return null;
        Kind = AssessmentCriteria.KindOf(kind) ?? AssessmentKind.Evaluasi;
        RegionName = resolved.GovernmentName;
        RegionQuery = scope.RegionCode is null ? $"?region={resolved.Code}" : "";
        RegionCode = scope.RegionCode is null ? resolved.Code : null;
        IsOwn = await CriteriaSettings.IsOwnAsync(db, resolved.Code, Kind, HttpContext.RequestAborted);
        if (Request.Method == HttpMethods.Post && Input.Rows.Count(r => string.IsNullOrWhiteSpace(r.Code)) < BlankRows)
            AddBlankRows();
        return resolved;
    }

    private void AddBlankRows()
    {
        for (var i = 0; i < BlankRows; i++)
            Input.Rows.Add(new RowInput { Order = Input.Rows.Count + 1 });
    }
}
