using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Web;

namespace Sinergi.Features.Opds;

/// <summary>
/// What a person or a program submits to create or change an OPD; the settings page and the API
/// both check and apply it here, so they accept and refuse the same things.
/// </summary>
public sealed record OpdDraft(string? Name, string? ShortName, string? HeadName, string? HeadNip, IReadOnlyList<string>? UrusanCodes)
{
    public OpdDraft Normalized() => this with
    {
        Name = Text.Clean(Name),
        ShortName = Text.Clean(ShortName),
        HeadName = Text.Clean(HeadName),
        HeadNip = Text.Clean(HeadNip)?.Replace(" ", "", StringComparison.Ordinal),
        UrusanCodes = (UrusanCodes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
    };

    /// <summary>Field name → messages in Bahasa Indonesia; empty when the draft can be saved.</summary>
    public async Task<Dictionary<string, string[]>> ProblemsAsync(AppDbContext db, string regionCode, int? opdId, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, List<string>>();
        void Add(string field, string message) =>
            (problems.TryGetValue(field, out var list) ? list : problems[field] = []).Add(message);

        if (string.IsNullOrEmpty(Name))
            Add(nameof(Name), "Nama OPD wajib diisi.");
        else if (Name.Length > 200)
            Add(nameof(Name), "Nama OPD paling panjang 200 karakter.");
        if (string.IsNullOrEmpty(ShortName))
            Add(nameof(ShortName), "Singkatan wajib diisi.");
        else if (ShortName.Length > 40)
            Add(nameof(ShortName), "Singkatan paling panjang 40 karakter.");
        if (HeadName is { Length: > 120 })
            Add(nameof(HeadName), "Nama kepala OPD paling panjang 120 karakter.");
        if (HeadNip is not null && !Opd.IsValidNip(HeadNip))
            Add(nameof(HeadNip), "NIP terdiri dari 18 angka.");

        var codes = UrusanCodes ?? [];
        if (codes.Count == 0)
            Add(nameof(UrusanCodes), "Pilih minimal satu urusan yang dijalankan OPD ini.");
        var known = await db.Urusan.Where(u => codes.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct);
        foreach (var unknown in codes.Except(known))
            Add(nameof(UrusanCodes), $"Kode urusan '{unknown}' tidak dikenal.");

        var others = db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode && o.Id != opdId);
        if (!string.IsNullOrEmpty(Name) && await others.AnyAsync(o => o.Name.ToLower() == Name.ToLower(), ct))
            Add(nameof(Name), "Sudah ada OPD dengan nama ini di daerah Anda.");
        if (!string.IsNullOrEmpty(ShortName) && await others.AnyAsync(o => o.ShortName.ToLower() == ShortName.ToLower(), ct))
            Add(nameof(ShortName), "Singkatan ini sudah dipakai OPD lain di daerah Anda.");

        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>Copies a checked draft onto <paramref name="opd"/>, replacing its urusan.</summary>
    public async Task ApplyToAsync(AppDbContext db, Opd opd, CancellationToken ct = default)
    {
        var codes = UrusanCodes ?? [];
        var urusanChanged = !opd.Urusan.Select(u => u.Code).Order(StringComparer.Ordinal).SequenceEqual(codes.Order(StringComparer.Ordinal));
        opd.Name = Name!;
        opd.ShortName = ShortName!;
        opd.HeadName = HeadName;
        opd.HeadNip = HeadNip;
        opd.Urusan.Clear();
        opd.Urusan.AddRange(await db.Urusan.Where(u => codes.Contains(u.Code)).ToListAsync(ct));
        // A change of urusan alone touches only the join table; the OPD's version must move too (and only then).
        if (urusanChanged && db.Entry(opd).State == EntityState.Unchanged)
            db.Entry(opd).Property(o => o.UpdatedAt).IsModified = true;
    }
}

public static class OpdRemoval
{
    /// <summary>What still depends on an OPD, listed so the admin knows what to move first.</summary>
    public static async Task<List<string>> BlockersAsync(AppDbContext db, int opdId, CancellationToken ct = default)
    {
        var accounts = await db.Users.Where(u => u.OpdId == opdId)
            .OrderBy(u => u.FullName)
            .Select(u => "Akun " + u.FullName + " (" + u.Email + ")")
            .ToListAsync(ct);
        var agreements = await db.Agreements.IgnoreQueryFilters().Where(a => a.Opds.Any(o => o.Id == opdId))
            .OrderBy(a => a.Title)
            .Select(a => "Kerja sama " + (a.Number != null ? a.Number + " " : "") + "\"" + a.Title + "\"")
            .ToListAsync(ct);
        // A budget line names the OPD whose DPA carries it, which need not run the agreement.
        var budget = await db.BudgetLines.IgnoreQueryFilters().Where(l => l.OpdId == opdId)
            .OrderBy(l => l.FiscalYear).ThenBy(l => l.Id)
            .Select(l => new { l.FiscalYear, l.Agreement!.Title })
            .ToListAsync(ct);
        return [.. accounts, .. agreements, .. budget.Select(l => $"Baris anggaran {l.FiscalYear} kerja sama \"{l.Title}\"")];
    }
}
