using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Opds;
using Sinergi.Web;

namespace Sinergi.Features.Settings;

/// <summary>
/// The official who signs the region's reports, as the end of a report shows them: the place and
/// date, the office, room for the signature and stamp, the name and the NIP. A region that has not
/// set one gets the block with dotted lines, to be filled in by hand.
/// </summary>
public sealed record ReportSigner(string? Place, string? Title, string? Name, string? Nip)
{
    public const int MaxPlace = 80;
    public const int MaxTitle = 150;
    public const int MaxName = 120;
    private const string Blank = "……………………………";

    public bool IsSet => Title is not null && Name is not null;

    /// <summary>"Palangka Raya, 1 Desember 2026"</summary>
    public string PlaceAndDate(DateOnly day) => $"{Place ?? Blank}, {Indonesian.Date(day)}";

    public string TitleLine => (Title ?? Blank) + ",";

    public string NameLine => Name ?? Blank;

    /// <summary>"NIP 19700101 199001 1 001": birth date, appointment, sex and number, as printed on decrees.</summary>
    public string NipLine => Nip is { Length: 18 } nip ? $"NIP {nip[..8]} {nip[8..14]} {nip[14..15]} {nip[15..]}" : $"NIP {Blank}";

    public static async Task<ReportSigner> OfAsync(AppDbContext db, string regionCode, CancellationToken ct = default) =>
        await db.RegionSettings.AsNoTracking().Where(s => s.RegionCode == regionCode)
            .Select(s => new ReportSigner(s.ReportPlace, s.ReportSignerTitle, s.ReportSignerName, s.ReportSignerNip))
            .SingleOrDefaultAsync(ct)
        ?? new ReportSigner(null, null, null, null);

    /// <summary>Cleaned, as the settings page submits it.</summary>
    public ReportSigner Normalized() => new(Text.Clean(Place), Text.Clean(Title), Text.Clean(Name), Text.Clean(Nip)?.Replace(" ", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal));

    /// <summary>Field name → messages; empty when it can be saved. All four empty is allowed: the block then has dotted lines.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var problems = new Dictionary<string, string[]>();
        if (Place is { Length: > MaxPlace })
            problems[nameof(Place)] = [$"Tempat paling panjang {MaxPlace} karakter."];
        if (Title is { Length: > MaxTitle })
            problems[nameof(Title)] = [$"Jabatan paling panjang {MaxTitle} karakter."];
        if (Name is { Length: > MaxName })
            problems[nameof(Name)] = [$"Nama paling panjang {MaxName} karakter."];
        if (Nip is not null && !Opd.IsValidNip(Nip))
            problems[nameof(Nip)] = ["NIP terdiri dari 18 angka, mis. 19700101 199001 1 001."];
        if ((Title is null) != (Name is null))
            problems[Title is null ? nameof(Title) : nameof(Name)] = ["Isi jabatan dan nama penanda tangan bersama-sama."];
        return problems;
    }

    public void ApplyTo(RegionSettings settings)
    {
        settings.ReportPlace = Place;
        settings.ReportSignerTitle = Title;
        settings.ReportSignerName = Name;
        settings.ReportSignerNip = Nip;
    }
}
