using System.Text.RegularExpressions;

namespace Sinergi.Features.Import;

/// <summary>
/// Where a sheet's table ends. Offices close their lists with notes ("Keterangan: …", "* …") and
/// a signature block (place and date, the official's title, "ttd", a name, a rank and a NIP),
/// often right under the last row. These rows carry no agreement number and no row counter, and
/// fill one or two cells; the footer is the run of such rows at the bottom of the sheet that
/// begins with one holding no title, or with a note or signature line. A short row higher up,
/// followed by real data, is a broken row of the table, never skipped.
/// </summary>
internal static partial class ImportFooter
{
    /// <summary>
    /// The index of the first footer row of <paramref name="rows"/> (cells as text), or
    /// <c>rows.Count</c> when the table runs to the last row. Rows before <paramref name="firstData"/> are the header.
    /// </summary>
    public static int Start(IReadOnlyList<IReadOnlyList<string?>> rows, int firstData, IReadOnlyDictionary<int, ImportField> mapping)
    {
        var start = rows.Count;
        for (var r = rows.Count - 1; r >= firstData; r--)
        {
            var row = rows[r];
            if (IsBlank(row))
                continue;
            if (!MayFollowTable(row, mapping))
                break;
            if (MayBeginFooter(row, mapping))
                start = r;
        }
        return start;
    }

    /// <summary>A row to leave out when the header is judged by the data under it: a note, a signature line, a sum.</summary>
    public static bool IsNoteLike(IReadOnlyList<string?> row, IReadOnlyDictionary<int, ImportField> mapping) =>
        !IsBlank(row) && MayBeginFooter(row, mapping);

    public static bool IsBlank(IReadOnlyList<string?> row) => row.All(c => ImportText.Collapse(c) is null);

    /// <summary>One or two cells, none of them an agreement number.</summary>
    private static bool MayFollowTable(IReadOnlyList<string?> row, IReadOnlyDictionary<int, ImportField> mapping)
    {
        var filled = Filled(row);
        return filled.Count is >= 1 and <= 2
            && !filled.Any(c => mapping.GetValueOrDefault(c.Index, ImportField.Ignore) is ImportField.Number or ImportField.PartnerNumber && IsAgreementNumber(c.Text));
    }

    /// <summary>As <see cref="MayFollowTable"/>, without a row counter, and without a title unless it is a note or signature line.</summary>
    private static bool MayBeginFooter(IReadOnlyList<string?> row, IReadOnlyDictionary<int, ImportField> mapping)
    {
        if (!MayFollowTable(row, mapping))
            return false;
        var filled = Filled(row);
        if (filled.Any(c => mapping.GetValueOrDefault(c.Index, ImportField.Ignore) == ImportField.RowNumber && Counter().IsMatch(c.Text)))
            return false;
        return filled.Any(c => IsNoteOrSignature(c.Text))
            || !filled.Any(c => mapping.GetValueOrDefault(c.Index, ImportField.Ignore) == ImportField.Title);
    }

    private static List<(int Index, string Text)> Filled(IReadOnlyList<string?> row)
    {
        var filled = new List<(int, string)>();
        for (var c = 0; c < row.Count; c++)
        {
            if (ImportText.Collapse(row[c]) is { } text && !ImportText.IsDash(text))
                filled.Add((c, text));
        }
        return filled;
    }

    /// <summary>
    /// Whether a cell in the number column reads as an agreement's number: it has a digit, and it
    /// is not a note, a numbered note line ("1. Data per …") or a line of prose.
    /// </summary>
    private static bool IsAgreementNumber(string text) =>
        text.Any(char.IsAsciiDigit) && !IsNoteOrSignature(text) && !NumberedLine().IsMatch(text)
        && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 4;

    /// <summary>"Keterangan: …", "Mengetahui,", "ttd", "NIP. …", "KEPALA BAGIAN …", "JUMLAH", "Palangka Raya, 30 September 2026".</summary>
    internal static bool IsNoteOrSignature(string text)
    {
        if (NoteOrSignature().IsMatch(text))
            return true;
        var comma = text.LastIndexOf(',');
        return comma > 1 && comma < 40 && PlaceName().IsMatch(text[..comma])
            && IndonesianDates.ParseDate(text[(comma + 1)..].Trim()).Value is not null;
    }

    [GeneratedRegex(@"^\s*(?:\*|\(\*\)|(?:keterangan|ket|catatan|cat|nb|n\.b|note|notes|sumber|mengetahui|menyetujui|disetujui|diperiksa|disahkan|dibuat\s+(?:oleh|di)|ditetapkan\s+di|tertanda|ttd|t\.t\.d|nip|nrp|nik|a\.n|an|plt|plh|pj|kepala|sekretaris|asisten|wali\s*kota|walikota|wakil|bupati|gubernur|camat|lurah|pembina|penata|jumlah|total|sub\s*total)\b)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoteOrSignature();

    [GeneratedRegex(@"^\(?\d{1,2}[.)]\s+\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedLine();

    [GeneratedRegex(@"^\d{1,4}(?:\.0)?\.?$", RegexOptions.CultureInvariant)]
    private static partial Regex Counter();

    [GeneratedRegex(@"^[\p{L}][\p{L} .'-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlaceName();
}
