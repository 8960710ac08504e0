using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Proposals;

namespace Sinergi.Features.Potentials;

/// <summary>What a person types for a potential, from the form or the API; <see cref="SaveAsync"/> checks and saves it.</summary>
public sealed record PotentialDraft(string? Name, string? Sector, string? UrusanCode, double? Latitude, double? Longitude, string? Kecamatan,
    string? Description, decimal? EstimatedValue, string? Capacity, int? OpdId, PotentialState? State)
{
    // Indonesia's bounding box, with a little room at its edges (Sabang to Merauke, Miangas to Rote).
    public const double MinLongitude = 95.0, MaxLongitude = 141.1, MinLatitude = -11.1, MaxLatitude = 6.1;

    public static bool InsideIndonesia(double latitude, double longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;

    public static async Task<(Potential? Saved, Dictionary<string, string[]> Problems)> SaveAsync(AppDbContext db, ProposalCaller caller, Potential? existing,
        PotentialDraft draft, int? version, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        if (existing is null ? !PotentialAccess.CanCreate(caller) : !PotentialAccess.CanEdit(caller, existing))
            return (null, new() { [""] = ["Potensi dicatat oleh Admin Kerja Sama, TKKSD, atau Operator OPD untuk OPD-nya."] });
        var region = caller.RegionCode!;
        var name = Web.Text.Clean(draft.Name);
        var sector = Web.Text.Clean(draft.Sector);
        var kecamatan = Web.Text.Clean(draft.Kecamatan);
        var description = Web.Text.CleanLines(draft.Description);
        var capacity = Web.Text.Clean(draft.Capacity);
        if (name is null) problems[nameof(Name)] = ["Tuliskan nama potensi."];
        else if (name.Length > 300) problems[nameof(Name)] = ["Nama potensi paling panjang 300 karakter."];
        if (sector is null) problems[nameof(Sector)] = ["Tuliskan sektor potensi (misalnya pertanian, pariwisata)."];
        else if (sector.Length > 120) problems[nameof(Sector)] = ["Sektor paling panjang 120 karakter."];
        if (draft.UrusanCode is null || !await db.Urusan.AnyAsync(u => u.Code == draft.UrusanCode, ct))
            problems[nameof(UrusanCode)] = ["Pilih urusan pemerintahan potensi ini."];
        if (draft.Latitude is null != draft.Longitude is null)
            problems[draft.Latitude is null ? nameof(Latitude) : nameof(Longitude)] = ["Isi lintang dan bujur bersama-sama, atau kosongkan keduanya."];
        else if (draft.Latitude is double lat && draft.Longitude is double lng && !InsideIndonesia(lat, lng))
            problems[nameof(Latitude)] = [$"Titik {lat.ToString("0.#####", Web.Indonesian.Culture)}, {lng.ToString("0.#####", Web.Indonesian.Culture)} berada di luar wilayah Indonesia " +
                "(lintang -11,1 sampai 6,1; bujur 95 sampai 141,1). Periksa titiknya, atau isi kecamatannya saja."];
        if (draft.Latitude is null && kecamatan is null && !problems.ContainsKey(nameof(Latitude)) && !problems.ContainsKey(nameof(Longitude)))
            problems[nameof(Kecamatan)] = ["Tentukan letak potensi: titik pada peta (lintang dan bujur) atau nama kecamatan."];
        if (kecamatan is { Length: > 120 }) problems[nameof(Kecamatan)] = ["Nama kecamatan paling panjang 120 karakter."];
        if (description is { Length: > 4000 }) problems[nameof(Description)] = ["Uraian paling panjang 4.000 karakter."];
        if (capacity is { Length: > 300 }) problems[nameof(Capacity)] = ["Kapasitas paling panjang 300 karakter."];
        if (draft.EstimatedValue is < 0 or > 1_000_000_000_000_000m) problems[nameof(EstimatedValue)] = ["Nilai ekonomi diisi dalam Rupiah, tidak negatif."];
        var opdId = caller.Is(Roles.OpdOperator) && !caller.Is(Roles.AdminKerjaSama) && !caller.Is(Roles.Tkksd) ? caller.OpdId : draft.OpdId;
        if (opdId is null || !await db.Opds.IgnoreQueryFilters().AnyAsync(o => o.Id == opdId && o.RegionCode == region, ct))
            problems[nameof(OpdId)] = ["Pilih OPD pemilik potensi ini."];
        if (draft.State is null || !Enum.IsDefined(draft.State.Value))
            problems[nameof(State)] = ["Pilih keadaan potensi."];
        if (existing is not null && version is int v && v != existing.Version)
            problems[""] = ["Potensi ini baru saja diubah orang lain. Muat ulang halaman untuk melihat perubahannya."];
        if (problems.Count > 0)
            return (null, problems);

        var potential = existing ?? new Potential { RegionCode = region, Name = name!, Sector = sector!, UrusanCode = draft.UrusanCode!, CreatedByName = caller.Actor.Name };
        var before = existing is null ? null : Describe(existing);
        potential.Name = name!;
        potential.Sector = sector!;
        potential.UrusanCode = draft.UrusanCode!;
        potential.Latitude = draft.Latitude;
        potential.Longitude = draft.Longitude;
        potential.Kecamatan = kecamatan;
        potential.Description = description;
        potential.EstimatedValue = draft.EstimatedValue;
        potential.Capacity = capacity;
        potential.OpdId = opdId!.Value;
        potential.State = draft.State!.Value;
        if (existing is null)
            db.Potentials.Add(potential);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (null, new() { [""] = ["Potensi ini baru saja diubah orang lain. Muat ulang halaman untuk melihat perubahannya."] });
        }
        db.AuditEvents.Add(AuditTrail.Entry(db, region, AuditEntities.Potential, potential.Id, existing is null ? AuditActions.Created : AuditActions.Changed,
            [new AuditChange("Potensi", before, Describe(potential))], caller.Actor));
        await db.SaveChangesAsync(ct);
        return (potential, problems);
    }

    private static string Describe(Potential p) =>
        $"{p.Name} ({p.Sector}, urusan {p.UrusanCode}, {Potential.StateLabel(p.State)})";
}
