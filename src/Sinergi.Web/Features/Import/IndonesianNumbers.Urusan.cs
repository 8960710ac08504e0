using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sinergi.Features.Import;

public static partial class IndonesianNumbers
{
    private static readonly Regex UrusanCode = new(@"(?<![\d.])(?<major>\d{1,2})\.(?<minor>\d{1,2})(?:\.\d+)*(?![\d])", Options);
    private static readonly Regex UrusanSeparators = new(@"[;,/|\n]+|\b(?:dan|serta)\b", Options);
    private static readonly Regex UrusanFiller = new(@"\b(?:urusan|bidang|pemerintahan|wajib|pilihan|pelayanan|dasar|non|sub|kode)\b|[-–:()\[\].]", Options);

    // One pattern per urusan name, made once: an import reads the same names on every row.
    private static readonly ConcurrentDictionary<string, Regex> NamePatterns = new(StringComparer.Ordinal);

    // Short names offices use for an urusan, by the name in the urusan list they stand for.
    private static readonly (string Alias, string Name)[] UrusanAliases =
    [
        ("pu", "Pekerjaan Umum dan Penataan Ruang"), ("pupr", "Pekerjaan Umum dan Penataan Ruang"),
        ("pekerjaan umum", "Pekerjaan Umum dan Penataan Ruang"), ("penataan ruang", "Pekerjaan Umum dan Penataan Ruang"),
        ("perkim", "Perumahan dan Kawasan Permukiman"), ("perumahan", "Perumahan dan Kawasan Permukiman"),
        ("trantibum", "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat"),
        ("ketertiban umum", "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat"),
        ("naker", "Tenaga Kerja"), ("ketenagakerjaan", "Tenaga Kerja"),
        ("pppa", "Pemberdayaan Perempuan dan Perlindungan Anak"), ("perlindungan anak", "Pemberdayaan Perempuan dan Perlindungan Anak"),
        ("dukcapil", "Administrasi Kependudukan dan Pencatatan Sipil"), ("kependudukan", "Administrasi Kependudukan dan Pencatatan Sipil"),
        ("pmd", "Pemberdayaan Masyarakat dan Desa"), ("pemberdayaan masyarakat", "Pemberdayaan Masyarakat dan Desa"),
        ("keluarga berencana", "Pengendalian Penduduk dan Keluarga Berencana"),
        ("kominfo", "Komunikasi dan Informatika"), ("diskominfo", "Komunikasi dan Informatika"),
        ("umkm", "Koperasi, Usaha Kecil, dan Menengah"), ("ukm", "Koperasi, Usaha Kecil, dan Menengah"),
        ("koperasi", "Koperasi, Usaha Kecil, dan Menengah"),
        ("investasi", "Penanaman Modal"), ("olahraga", "Kepemudaan dan Olahraga"), ("kepemudaan", "Kepemudaan dan Olahraga"),
        ("perikanan", "Kelautan dan Perikanan"), ("kelautan", "Kelautan dan Perikanan"),
        ("esdm", "Energi dan Sumber Daya Mineral"), ("energi", "Energi dan Sumber Daya Mineral"),
    ];

    /// <summary>
    /// The urusan codes a cell names: codes (<c>1.02</c>, <c>1.02; 2.11</c>, <c>1.2</c>), names from
    /// <paramref name="codesByName"/> (name → code, e.g. the urusan table) in any case, and a few
    /// short names offices use (<c>PUPR</c>, <c>Kominfo</c>, <c>UMKM</c>). Codes not in the list
    /// and words that name no urusan come back in <paramref name="unrecognised"/>; with an
    /// empty list every well-formed code is taken as it is.
    /// </summary>
    public static IReadOnlyList<string> UrusanCodes(string? cell, IReadOnlyDictionary<string, string> codesByName, out IReadOnlyList<string> unrecognised)
    {
        var codes = new List<string>();
        var unknown = new List<string>();
        unrecognised = unknown;
        var text = ImportText.Collapse(cell);
        if (text is null)
            return codes;

        var known = codesByName.Values.ToHashSet(StringComparer.Ordinal);
        foreach (Match match in UrusanCode.Matches(text))
        {
            var code = $"{int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture)}.{int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture):00}";
            if (known.Count == 0 || known.Contains(code))
                codes.Add(code);
            else
                unknown.Add(match.Value);
        }
        var rest = UrusanCode.Replace(text, " ; ");

        var names = codesByName.Select(p => (Phrase: p.Key, Code: (string?)p.Value))
            .Concat(UrusanAliases.Select(a => (Phrase: a.Alias, Code: CodeOf(a.Name, codesByName))))
            .Where(n => n.Code is not null && ImportText.Fold(n.Phrase).Length > 0)
            .OrderByDescending(n => ImportText.Fold(n.Phrase).Length);
        foreach (var (phrase, code) in names)
        {
            var pattern = NamePatterns.GetOrAdd(ImportText.Fold(phrase), folded =>
                new Regex(@"(?<![\p{L}\d])" + string.Join(@"[\s,.&]+", folded.Split(' ').Select(Regex.Escape)) + @"(?![\p{L}\d])", Options));
            if (!pattern.IsMatch(rest))
                continue;
            codes.Add(code!);
            rest = pattern.Replace(rest, " ; ");
        }

        unknown.AddRange(UrusanSeparators.Split(rest)
            .Select(part => ImportText.Collapse(part))
            .Where(part => part is not null && ImportText.Collapse(UrusanFiller.Replace(part, " ")) is not null)
            .Select(part => part!));
        return codes.Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The urusan codes a cell names; see the overload that reports what it could not read.</summary>
    public static IReadOnlyList<string> UrusanCodes(string? cell, IReadOnlyDictionary<string, string> codesByName) =>
        UrusanCodes(cell, codesByName, out _);

    private static string? CodeOf(string name, IReadOnlyDictionary<string, string> codesByName)
    {
        var folded = ImportText.Fold(name);
        return codesByName.FirstOrDefault(p => ImportText.Fold(p.Key) == folded).Value;
    }
}
