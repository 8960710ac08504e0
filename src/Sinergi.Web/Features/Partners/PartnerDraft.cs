using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Web;

namespace Sinergi.Features.Partners;

/// <summary>A partner as submitted by the directory page, the API or the import; checked and applied here.</summary>
public sealed record PartnerDraft
{
    public PartnerType? Type { get; init; }
    public string? Name { get; init; }
    public string? LinkedRegionCode { get; init; }
    public string? Address { get; init; }
    public string? Country { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactEmail { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }

    public PartnerDraft Normalized() => this with
    {
        Name = Text.Clean(Name),
        LinkedRegionCode = Type == PartnerType.PemerintahDaerah ? Text.Clean(LinkedRegionCode) : null,
        Address = Text.Clean(Address),
        Country = Type == PartnerType.LuarNegeri ? Text.Clean(Country) : null,
        ContactName = Text.Clean(ContactName),
        ContactPhone = Text.Clean(ContactPhone),
        ContactEmail = Text.Clean(ContactEmail),
    };

    /// <summary>Field name → messages; empty when it can be saved. A duplicate names the partner it duplicates.</summary>
    public async Task<Dictionary<string, string[]>> ProblemsAsync(AppDbContext db, string regionCode, int? partnerId, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, List<string>>();
        void Add(string field, string message) =>
            (problems.TryGetValue(field, out var list) ? list : problems[field] = []).Add(message);

        if (Type is null || !Enum.IsDefined(Type.Value))
            Add(nameof(Type), "Pilih jenis mitra.");
        Region? linked = null;
        if (Type == PartnerType.PemerintahDaerah)
        {
            if (LinkedRegionCode is null)
                Add(nameof(LinkedRegionCode), "Pilih pemerintah daerah mitra dari daftar wilayah.");
            else if ((linked = await db.Regions.SingleOrDefaultAsync(r => r.Code == LinkedRegionCode, ct)) is null)
                Add(nameof(LinkedRegionCode), $"Kode wilayah '{LinkedRegionCode}' tidak dikenal.");
            else if (linked.Code == regionCode)
                Add(nameof(LinkedRegionCode), "Daerah Anda sendiri bukan mitra; pilih daerah lain.");
        }
        var name = NameFor(linked);
        if (string.IsNullOrEmpty(name))
            Add(nameof(Name), "Nama mitra wajib diisi.");
        else if (name.Length > 300)
            Add(nameof(Name), "Nama mitra paling panjang 300 karakter.");
        if (ContactEmail is not null && !new EmailAddressAttribute().IsValid(ContactEmail))
            Add(nameof(ContactEmail), "Format email tidak valid.");
        if (Latitude is { } latitude && !double.IsFinite(latitude))
            Add(nameof(Latitude), "Lintang harus berupa angka, mis. -2.2076.");
        else if (Latitude is < -90 or > 90 || (Latitude is null) != (Longitude is null))
            Add(nameof(Latitude), "Isi lintang dan bujur bersama-sama; lintang antara -90 dan 90.");
        if (Longitude is { } longitude && !double.IsFinite(longitude))
            Add(nameof(Longitude), "Bujur harus berupa angka, mis. 113.9164.");
        else if (Longitude is < -180 or > 180)
            Add(nameof(Longitude), "Bujur antara -180 dan 180.");

        if (Type is { } type && !string.IsNullOrEmpty(name))
        {
            var normalized = Partner.NormalizeName(name);
            var duplicate = await db.Partners.IgnoreQueryFilters()
                .Where(p => p.RegionCode == regionCode && p.Type == type && p.Id != partnerId
                    && (p.NormalizedName == normalized || (LinkedRegionCode != null && p.LinkedRegionCode == LinkedRegionCode)))
                .Select(p => p.Name).FirstOrDefaultAsync(ct);
            if (duplicate is not null)
                Add(nameof(Name), $"Mitra ini sudah ada di direktori: \"{duplicate}\". Pakai yang sudah ada, atau gabungkan bila keduanya sama.");
        }
        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    public async Task ApplyToAsync(AppDbContext db, Partner partner, CancellationToken ct = default)
    {
        var linked = LinkedRegionCode is null ? null : await db.Regions.SingleOrDefaultAsync(r => r.Code == LinkedRegionCode, ct);
        partner.Type = Type!.Value;
        partner.Name = NameFor(linked)!;
        partner.NormalizedName = Partner.NormalizeName(partner.Name);
        partner.LinkedRegionCode = linked?.Code;
        partner.Address = Address;
        partner.Country = Country;
        partner.ContactName = ContactName;
        partner.ContactPhone = ContactPhone;
        partner.ContactEmail = ContactEmail;
        // A region partner without its own point sits on the region's centre.
        partner.Latitude = Latitude ?? linked?.Latitude;
        partner.Longitude = Longitude ?? linked?.Longitude;
    }

    /// <summary>A Pemerintah Daerah without a typed name is called by its government's name.</summary>
    internal string? NameFor(Region? linked) => Name ?? linked?.GovernmentName;
}
