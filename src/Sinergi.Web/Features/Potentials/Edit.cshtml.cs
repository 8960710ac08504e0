using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using Sinergi.Web;
using Coordinates = Sinergi.Features.Partners.EditModel.InputModel;

namespace Sinergi.Features.Potentials;

/// <summary>A new potential, or a change to one; the rule is <see cref="PotentialDraft.SaveAsync"/>, as for the API.</summary>
public class EditModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed class PotentialInput
    {
        public string? Name { get; set; }
        public string? Sector { get; set; }
        public string? UrusanCode { get; set; }
        /// <summary>Coordinates are written with a decimal point, as maps give them, whatever the page's culture.</summary>
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
        public string? Kecamatan { get; set; }
        public string? Description { get; set; }
        [Display(Name = "Nilai ekonomi (Rp)")] public decimal? EstimatedValue { get; set; }
        public string? Capacity { get; set; }
        [Display(Name = "OPD pemilik")] public int? OpdId { get; set; }
        [Display(Name = "Keadaan")] public PotentialState? State { get; set; }
        [Display(Name = "Versi data")] public int? Version { get; set; }

        public PotentialDraft Draft() => new(Name, Sector, UrusanCode, Coordinates.Coordinate(Latitude), Coordinates.Coordinate(Longitude), Kecamatan,
            Description, EstimatedValue, Capacity, OpdId, State);
    }

    [BindProperty] public PotentialInput Input { get; set; } = new();
    public Potential? Existing { get; private set; }
    public List<(int Id, string Name)> Opds { get; private set; } = [];
    public List<(string Code, string Name)> UrusanOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        var caller = ProposalCaller.Of(User, scope);
        Input = Existing is { } p
            ? new PotentialInput
            {
                Name = p.Name, Sector = p.Sector, UrusanCode = p.UrusanCode, Latitude = Coordinates.Format(p.Latitude), Longitude = Coordinates.Format(p.Longitude),
                Kecamatan = p.Kecamatan, Description = p.Description, EstimatedValue = p.EstimatedValue, Capacity = p.Capacity, OpdId = p.OpdId, State = p.State, Version = p.Version,
            }
            : new PotentialInput { OpdId = caller.OpdId, State = PotentialState.Teridentifikasi };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        if (!ModelState.IsValid)
            return Page();
        var draft = Input.Draft();
        if (!string.IsNullOrWhiteSpace(Input.Latitude) && draft.Latitude is null)
            ModelState.AddModelError("Input.Latitude", "Lintang harus berupa angka, mis. -2,2076 atau -2.2076.");
        if (!string.IsNullOrWhiteSpace(Input.Longitude) && draft.Longitude is null)
            ModelState.AddModelError("Input.Longitude", "Bujur harus berupa angka, mis. 113,9164 atau 113.9164.");
        if (!ModelState.IsValid)
            return Page();
        var (saved, problems) = await PotentialDraft.SaveAsync(db, ProposalCaller.Of(User, scope), Existing, draft, Input.Version, HttpContext.RequestAborted);
        if (saved is null)
        {
            ModelState.AddProblems(problems, nameof(Input), "");
            return Page();
        }
        TempData["Status"] = Existing is null ? "Potensi dicatat." : "Potensi disimpan.";
        return HttpContext.RedirectAfterPost($"/Potentials/Details/{saved.Id}");
    }

    private async Task<IActionResult?> LoadAsync(int? id)
    {
        var caller = ProposalCaller.Of(User, scope);
        if (id is int pid)
        {
            Existing = await db.Potentials.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == pid);
            if (Existing is null || !PotentialAccess.CanRead(caller, scope, Existing))
                return NotFound();
            if (!PotentialAccess.CanEdit(caller, Existing))
                return Forbid();
        }
        else if (!PotentialAccess.CanCreate(caller))
            return Forbid();
        var admin = caller.Is(Accounts.Roles.AdminKerjaSama) || caller.Is(Accounts.Roles.Tkksd);
        var region = caller.RegionCode;
        Opds = [.. (await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == region && (admin || o.Id == caller.OpdId)).OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name }).ToListAsync()).Select(o => (o.Id, o.Name))];
        UrusanOptions = [.. (await db.Urusan.OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync()).Select(u => (u.Code, $"{u.Code} {u.Name}"))];
        return null;
    }
}
