using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Partners;

namespace Sinergi.Features.Agreements;

/// <summary>
/// Adding a partner that is not in the directory yet, from inside the agreement form: the whole
/// form is posted, the partner is saved through the directory's own rule, chosen, and the form comes
/// back with everything the person had typed.
/// </summary>
public partial class EditModel
{
    public sealed class NewPartnerInput
    {
        public string? Name { get; set; }
        [System.ComponentModel.DataAnnotations.Display(Name = "Jenis mitra")]
        public PartnerType? Type { get; set; }
        /// <summary>For a Pemerintah Daerah: its code (<c>62.11</c>) or its name.</summary>
        public string? Region { get; set; }
    }

    [BindProperty] public NewPartnerInput NewPartner { get; set; } = new();

    public bool CanAddPartner => PartnerAccess.CanEdit(User, scope);

    /// <summary>Open after an attempt, so its messages are in sight.</summary>
    public bool NewPartnerOpen { get; private set; }

    /// <summary>Said in the form after a partner was added and chosen.</summary>
    public string? PartnerAdded { get; private set; }

    public async Task<IActionResult> OnPostAddPartnerAsync()
    {
        var (_, refusal) = await AuthorizeAsync();
        if (refusal is not null)
            return refusal;
        if (!CanAddPartner)
            return Forbid();
        // The agreement itself is not being saved: its own checks wait for "Simpan", and what was
        // typed into it (a date the binder refused included) comes back as it was.
        foreach (var entry in ModelState.Where(e => e.Key.StartsWith(nameof(Input) + ".", StringComparison.Ordinal)).Select(e => e.Value).OfType<Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateEntry>())
        {
            entry.Errors.Clear();
            entry.ValidationState = Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Valid;
        }
        NewPartnerOpen = true;

        var linked = NewPartner.Type == PartnerType.PemerintahDaerah ? await RegionOfAsync(NewPartner.Region) : null;
        var draft = new PartnerDraft { Type = NewPartner.Type, Name = NewPartner.Name, LinkedRegionCode = linked }.Normalized();
        var problems = await draft.ProblemsAsync(db, scope.RegionCode!, null);
        if (NewPartner.Type == PartnerType.PemerintahDaerah && linked is null)
            problems = new Dictionary<string, string[]>(problems) { [nameof(PartnerDraft.LinkedRegionCode)] = [RegionProblem(NewPartner.Region)] };
        foreach (var (field, messages) in problems)
        {
            var key = field switch
            {
                nameof(PartnerDraft.LinkedRegionCode) => $"{nameof(NewPartner)}.{nameof(NewPartnerInput.Region)}",
                nameof(PartnerDraft.Type) => $"{nameof(NewPartner)}.{nameof(NewPartnerInput.Type)}",
                _ => $"{nameof(NewPartner)}.{nameof(NewPartnerInput.Name)}",
            };
            foreach (var message in messages)
                ModelState.AddModelError(key, message);
        }
        if (ModelState.IsValid)
        {
            var partner = new Partner { RegionCode = scope.RegionCode!, Name = "", NormalizedName = "" };
            await draft.ApplyToAsync(db, partner);
            db.Partners.Add(partner);
            await PartnerDirectory.SaveAsync(db, partner, Audit.Actor.Of(User));
            Input.PartnerIds = [.. Input.PartnerIds, partner.Id];
            NewPartner = new NewPartnerInput();
            NewPartnerOpen = false;
            foreach (var key in ModelState.Keys.Where(k => k.StartsWith(nameof(NewPartner) + ".", StringComparison.Ordinal)).ToList())
                ModelState.Remove(key);
            PartnerAdded = $"Mitra {partner.Name} ditambahkan ke direktori dan dipilih. Kerja sama ini belum disimpan: lanjutkan mengisi, lalu simpan.";
        }
        return await FormAsync();
    }

    /// <summary>A region by its Kemendagri code, or by a name that only one region has.</summary>
    private async Task<string?> RegionOfAsync(string? text)
    {
        var wanted = Web.Text.Clean(text);
        if (wanted is null)
            return null;
        if (await db.Regions.AnyAsync(r => r.Code == wanted))
            return wanted;
        var lowered = wanted.ToLower();
        var matches = await db.Regions.Where(r => r.Name.ToLower() == lowered || ("pemerintah " + r.Name.ToLower()) == lowered)
            .Select(r => r.Code).Take(2).ToListAsync();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string RegionProblem(string? text) => string.IsNullOrWhiteSpace(text)
        ? "Untuk pemerintah daerah, tulis kode atau nama wilayahnya, mis. 62.11 atau Kabupaten Pulang Pisau."
        : $"Wilayah \"{text.Trim()}\" tidak ditemukan; tulis kodenya (mis. 62.11) atau namanya lengkap (mis. Kabupaten Pulang Pisau).";
}
