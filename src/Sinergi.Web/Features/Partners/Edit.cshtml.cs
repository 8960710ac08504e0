using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Partners;

public class EditModel(AppDbContext db, RegionScope scope) : PageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Jenis mitra")]
        public PartnerType? Type { get; set; }
        public string? Name { get; set; }
        public string? LinkedRegionCode { get; set; }
        public string? Address { get; set; }
        public string? Country { get; set; }
        public string? ContactName { get; set; }
        public string? ContactPhone { get; set; }
        public string? ContactEmail { get; set; }
        /// <summary>Coordinates are written with a decimal point, as maps give them, whatever the page's culture.</summary>
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
        [Display(Name = "Versi data")]
        public int Version { get; set; }

        public PartnerDraft ToDraft() => new PartnerDraft
        {
            Type = Type, Name = Name, LinkedRegionCode = LinkedRegionCode, Address = Address, Country = Country,
            ContactName = ContactName, ContactPhone = ContactPhone, ContactEmail = ContactEmail,
            Latitude = Coordinate(Latitude), Longitude = Coordinate(Longitude),
        }.Normalized();

        /// <summary>The coordinate typed; null when it is not a finite number ("NaN" and "Infinity" parse, but are no place).</summary>
        public static double? Coordinate(string? text) =>
            double.TryParse(text?.Trim().Replace(',', '.'), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
                && double.IsFinite(value) ? value : null;

        public static string? Format(double? value) => value?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture);
    }

    public sealed record RegionOption(string Code, string Name, string? ProvinceCode);

    [BindProperty] public InputModel Input { get; set; } = new();
    [FromRoute] public int? Id { get; set; }
    public bool IsNew => Id is null;
    public List<RegionOption> Regions { get; private set; } = [];
    public (double Lat, double Lng) MapCentre { get; private set; }
    /// <summary>The partner as stored, whose type, name and region the form shows but does not let the caller change.</summary>
    public Partner? Locked { get; private set; }
    /// <summary>Why they cannot: <see cref="PartnerIdentity.LockedBecauseAsync"/>.</summary>
    public string? LockedBecause { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!PartnerAccess.CanEdit(User, scope))
            return Forbid();
        Partner? partner = null;
        if (!IsNew)
        {
            partner = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id);
            if (partner is null)
                return NotFound();
            Input = new InputModel
            {
                Type = partner.Type, Name = partner.Name, LinkedRegionCode = partner.LinkedRegionCode, Address = partner.Address,
                Country = partner.Country, ContactName = partner.ContactName, ContactPhone = partner.ContactPhone,
                ContactEmail = partner.ContactEmail, Latitude = InputModel.Format(partner.Latitude), Longitude = InputModel.Format(partner.Longitude),
                Version = partner.Version,
            };
        }
        await PrepareAsync(partner);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PartnerAccess.CanEdit(User, scope))
            return Forbid();
        Partner? partner = null;
        if (!IsNew && (partner = await db.Partners.SingleOrDefaultAsync(p => p.Id == Id)) is null)
            return NotFound();

        var draft = Input.ToDraft();
        if (!string.IsNullOrWhiteSpace(Input.Latitude) && draft.Latitude is null)
            ModelState.AddModelError("Input.Latitude", "Lintang harus berupa angka, mis. -2.2076.");
        if (!string.IsNullOrWhiteSpace(Input.Longitude) && draft.Longitude is null)
            ModelState.AddModelError("Input.Longitude", "Bujur harus berupa angka, mis. 113.9164.");
        if (partner is not null)
            ModelState.AddProblems(await PartnerIdentity.RefusalsAsync(db, User, scope, partner, draft), nameof(Input));
        ModelState.AddProblems(await draft.ProblemsAsync(db, scope.RegionCode!, Id), nameof(Input));
        if (!ModelState.IsValid)
        {
            await PrepareAsync(partner);
            return Page();
        }

        if (partner is null)
        {
            partner = new Partner { RegionCode = scope.RegionCode!, Name = "", NormalizedName = "" };
            db.Partners.Add(partner);
        }
        else
        {
            db.Entry(partner).Property(p => p.Version).OriginalValue = Input.Version;
        }
        await draft.ApplyToAsync(db, partner);
        try
        {
            await PartnerDirectory.SaveAsync(db, partner, Actor.Of(User));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Mitra ini baru saja diubah orang lain. Buka kembali halamannya untuk melihat perubahan itu, lalu ubah lagi bila perlu.");
            await PrepareAsync(await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == Id));
            return Page();
        }
        TempData["Status"] = IsNew ? $"Mitra {partner.Name} ditambahkan." : $"Perubahan mitra {partner.Name} disimpan.";
        return Redirect("/Partners");
    }

    private async Task PrepareAsync(Partner? stored)
    {
        if (stored is not null && (LockedBecause = await PartnerIdentity.LockedBecauseAsync(db, User, scope, stored.Id)) is not null)
            Locked = stored;
        Regions = await db.Regions.AsNoTracking().OrderBy(r => r.Code)
            .Select(r => new RegionOption(r.Code, r.Name, r.ProvinceCode)).ToListAsync();
        var centre = await db.Regions.Where(r => r.Code == scope.RegionCode).Select(r => new { r.Latitude, r.Longitude }).SingleOrDefaultAsync();
        MapCentre = (centre?.Latitude ?? -2.5, centre?.Longitude ?? 118.0);
    }
}
