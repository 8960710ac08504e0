using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Partners;

/// <summary>
/// A partner's identity is its type, its name and the region it stands for. Every agreement that
/// names the partner shows them, and the region decides which regions read those agreements
/// (<see cref="Agreement.ShareWithPartnerRegions"/>). So only someone who may edit every agreement
/// naming the partner changes them: in practice the region's Admin Kerja Sama, and an Operator OPD
/// when its OPD runs all of them, or none names the partner. Whoever keeps the directory fixes the
/// contact details (address, country, contact, location). The page and the API both ask here.
/// </summary>
public static class PartnerIdentity
{
    /// <summary>
    /// Why the caller may not change the partner's identity, as the end of a sentence, or null when
    /// they may. Only an Operator OPD meets it in practice: a region's agreements name its own partners.
    /// </summary>
    public static async Task<string?> LockedBecauseAsync(AppDbContext db, ClaimsPrincipal user, RegionScope scope, int partnerId, CancellationToken ct = default)
    {
        var naming = await db.Agreements.IgnoreQueryFilters().Where(a => a.Partners.Any(p => p.Id == partnerId))
            .Select(a => new { a.RegionCode, Opds = a.Opds.Select(o => o.Id).ToList() })
            .ToListAsync(ct);
        var beyond = naming.Count(a => !AgreementAccess.CanEdit(user, scope, a.RegionCode, a.Opds));
        return beyond == 0 ? null : $"mitra ini menjadi pihak dalam {Indonesian.Number(beyond)} kerja sama yang tidak dikelola OPD Anda";
    }

    /// <summary>
    /// Field → message for each field of the identity that <paramref name="draft"/> would change on
    /// <paramref name="partner"/> (as stored) while the caller may not change it; empty when they may.
    /// </summary>
    public static async Task<Dictionary<string, string[]>> RefusalsAsync(AppDbContext db, ClaimsPrincipal user, RegionScope scope,
        Partner partner, PartnerDraft draft, CancellationToken ct = default)
    {
        var changed = await ChangedAsync(db, partner, draft, ct);
        if (changed.Count == 0 || await LockedBecauseAsync(db, user, scope, partner.Id, ct) is not { } reason)
            return [];
        return changed.ToDictionary(field => field, field => new[] { $"{Label(field)} hanya dapat diubah oleh Admin Kerja Sama: {reason}." });
    }

    /// <summary>The fields of the identity the draft would change, by the draft's names.</summary>
    public static async Task<List<string>> ChangedAsync(AppDbContext db, Partner partner, PartnerDraft draft, CancellationToken ct = default)
    {
        // A regional government without a typed name is called by the region's name: that name is what it would get.
        var linked = draft.Name is null && draft.LinkedRegionCode is not null
            ? await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == draft.LinkedRegionCode, ct)
            : null;
        var changed = new List<string>();
        if (draft.Type != partner.Type)
            changed.Add(nameof(PartnerDraft.Type));
        if (draft.NameFor(linked) != partner.Name)
            changed.Add(nameof(PartnerDraft.Name));
        if (draft.LinkedRegionCode != partner.LinkedRegionCode)
            changed.Add(nameof(PartnerDraft.LinkedRegionCode));
        return changed;
    }

    private static string Label(string field) => field switch
    {
        nameof(PartnerDraft.Type) => "Jenis mitra",
        nameof(PartnerDraft.Name) => "Nama mitra",
        _ => "Pemerintah daerah mitra",
    };
}
