using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Regions;

namespace Sinergi.Data;

/// <summary>
/// Loads the reference lists that ship inside the binary (see Data/Reference/README.md): every
/// province and kab/kota from idn-area-data with an approximate centre, and the urusan list.
/// Safe to run on every start: it adds what is missing and renames what changed.
/// </summary>
public static class ReferenceData
{
    public sealed record Result(int Regions, int Urusan);

    public static async Task<Result> SyncAsync(AppDbContext db, CancellationToken ct = default)
    {
        var regions = LoadRegions();
        var existingRegions = await db.Regions.ToDictionaryAsync(r => r.Code, ct);
        // Provinces first, so that a kab/kota always finds its province.
        foreach (var region in regions.OrderBy(r => r.Code.Length).ThenBy(r => r.Code, StringComparer.Ordinal))
        {
            if (existingRegions.TryGetValue(region.Code, out var current))
            {
                current.Name = region.Name;
                current.Level = region.Level;
                current.Latitude = region.Latitude;
                current.Longitude = region.Longitude;
            }
            else
            {
                db.Regions.Add(region);
            }
        }

        var urusan = LoadUrusan();
        var existingUrusan = await db.Urusan.ToDictionaryAsync(u => u.Code, ct);
        foreach (var item in urusan)
        {
            if (existingUrusan.TryGetValue(item.Code, out var current))
            {
                current.Name = item.Name;
                current.Group = item.Group;
            }
            else
            {
                db.Urusan.Add(item);
            }
        }

        await db.SaveChangesAsync(ct);
        return new Result(regions.Count, urusan.Count);
    }

    public static List<Region> LoadRegions()
    {
        var centres = ReadCsv("region_centroids.csv", "code", "name", "level", "lat", "lng")
            .ToDictionary(row => row[0], row => (Lat: ParseDouble(row[3]), Lng: ParseDouble(row[4])));
        var regions = new List<Region>();
        foreach (var row in ReadCsv("provinces.csv", "code", "name"))
            regions.Add(Build(row[0], row[1], provinceCode: null));
        foreach (var row in ReadCsv("regencies.csv", "code", "province_code", "name"))
            regions.Add(Build(row[0], row[2], provinceCode: row[1]));
        return regions;

        Region Build(string code, string name, string? provinceCode)
        {
            if (!Region.IsWellFormedCode(code))
                throw new InvalidDataException($"Region code '{code}' in the reference data is not a Kemendagri code.");
            centres.TryGetValue(code, out var centre);
            return new Region
            {
                Code = code,
                Name = name,
                Level = Region.LevelOf(code, name),
                ProvinceCode = provinceCode,
                Latitude = centre.Lat,
                Longitude = centre.Lng,
            };
        }
    }

    public static List<Urusan> LoadUrusan() =>
        ReadCsv("urusan.csv", "code", "name", "group")
            .Select(row => new Urusan { Code = row[0], Name = row[1], Group = Enum.Parse<UrusanGroup>(row[2]) })
            .ToList();

    private static double? ParseDouble(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>Reads an embedded CSV (RFC 4180 quoting, one record per line) whose header must be exactly <paramref name="header"/>.</summary>
    private static IEnumerable<string[]> ReadCsv(string name, params string[] header)
    {
        var resource = $"Sinergi.Reference.{name}";
        using var stream = typeof(ReferenceData).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Reference file {resource} is not embedded; was npm ci run by the build?");
        using var reader = new StreamReader(stream);
        var first = reader.ReadLine() is { } headerLine ? SplitLine(headerLine) : null;
        if (first is null || !first.SequenceEqual(header))
            throw new InvalidDataException($"{name}: expected header '{string.Join(',', header)}'.");
        var rows = new List<string[]>();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.Length == 0)
                continue;
            var fields = SplitLine(line);
            if (fields.Length != header.Length)
                throw new InvalidDataException($"{name}: line '{line}' does not have {header.Length} fields.");
            rows.Add(fields);
        }
        return rows;
    }

    private static string[] SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                field.Append(line[++i]);
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
                field.Append(c);
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
