using System.Text.RegularExpressions;

namespace Sinergi.Features.Import;

/// <summary>A column of the sheet: its index (0-based), its header as written (a two-row header joined with " / ") and the field it maps to.</summary>
public sealed record HeaderColumn(int Index, string Header, ImportField? Field);

/// <summary>Where a sheet's header is and what its columns hold.</summary>
public sealed record HeaderDetection
{
    public bool Found => HeaderRow >= 0;

    /// <summary>The first header row, 0-based; -1 when none was found.</summary>
    public int HeaderRow { get; init; } = -1;

    /// <summary>1, or 2 when a group header ("Jangka Waktu") stands over sub-headers ("Mulai", "Berakhir").</summary>
    public int HeaderRowCount { get; init; }

    /// <summary>The first row of data: after the header and after a row that only numbers the columns (1, 2, 3…).</summary>
    public int FirstDataRow { get; init; }

    /// <summary>Every column with a header, or with data under an empty header.</summary>
    public IReadOnlyList<HeaderColumn> Columns { get; init; } = [];

    /// <summary>Column index → field, for the columns a field was found for (including <see cref="ImportField.Ignore"/> and <see cref="ImportField.RowNumber"/>).</summary>
    public IReadOnlyDictionary<int, ImportField> Mapping { get; init; } = new Dictionary<int, ImportField>();

    public IReadOnlyList<HeaderColumn> Unmapped => Columns.Where(c => c.Field is null).ToList();

    /// <summary>What the person should check, in Bahasa Indonesia: a field read from two columns, a "No" column read as the agreement number.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public string? Error { get; init; }

    /// <summary>The columns mapped to <paramref name="field"/>, left to right.</summary>
    public IReadOnlyList<int> ColumnsOf(ImportField field) => Mapping.Where(m => m.Value == field).Select(m => m.Key).Order().ToList();
}

public static partial class ImportColumns
{
    private static readonly Regex ColumnNumber = new(@"^\(?\d{1,2}\)?\.?$", RegexOptions.CultureInvariant);
    private static readonly Regex Counter = new(@"^\d{1,4}(?:\.0)?\.?$", RegexOptions.CultureInvariant);
    private static readonly Regex NumericCell = new(@"^[\d\s.,/()-]+$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Finds the header among the first <paramref name="maxRowsToScan"/> rows of a sheet (cells as
    /// text; a merged cell is its value in its first cell and empties after). The header is the row
    /// with the most recognised columns, at least two of them besides row counters and ignored
    /// columns, one of them a title or a number; ties go to the earlier row. A row that puts a
    /// group header over sub-headers ("Jangka Waktu" over "Mulai" and "Berakhir", "Nomor" over
    /// "Pihak I" and "Pihak II") is read together with the row below it.
    /// </summary>
    public static HeaderDetection FindHeader(IReadOnlyList<IReadOnlyList<string?>> rows, int maxRowsToScan = 30)
    {
        var limit = Math.Min(rows.Count, maxRowsToScan);
        var width = rows.Select(r => r.Count).DefaultIfEmpty(0).Max();
        (int Row, int Count, List<HeaderColumn> Columns, int Score)? best = null;
        for (var r = 0; r < limit; r++)
        {
            var single = ReadRow(rows, r, width);
            var candidate = (Row: r, Count: 1, Columns: single, Score: Score(single));
            if (r + 1 < rows.Count && IsGroupOverSubHeaders(rows[r], rows[r + 1], width))
            {
                var two = ReadTwoRows(rows[r], rows[r + 1], width);
                if (Score(two) >= candidate.Score)
                    candidate = (r, 2, two, Score(two));
            }
            if (Qualifies(candidate.Columns) && (best is null || candidate.Score > best.Value.Score))
                best = candidate;
        }
        if (best is not { } header)
            return new HeaderDetection
            {
                Error = $"Baris judul kolom tidak ditemukan pada {limit} baris pertama. Pastikan ada judul kolom seperti \"Nomor\" dan \"Tentang\" atau \"Judul\".",
            };

        var firstData = header.Row + header.Count;
        if (firstData < rows.Count && IsColumnNumbering(rows[firstData]))
            firstData++;
        var warnings = new List<string>();
        // The columns are judged by the data under them, not by notes and signatures under the table.
        var found = header.Columns.Where(c => c.Field is not null).ToDictionary(c => c.Index, c => c.Field!.Value);
        var sample = rows.Skip(firstData).Where(r => !ImportFooter.IsNoteLike(r, found)).Take(20).ToList();
        var columns = WithDataColumns(header.Columns, sample, width);
        columns = ReadCounterColumns(columns, sample, warnings);
        foreach (var group in columns.Where(c => c.Field is { } f && !AllowsSeveralColumns(f) && f != ImportField.RowNumber).GroupBy(c => c.Field!.Value).Where(g => g.Count() > 1))
            warnings.Add($"Kolom {string.Join(" dan ", group.Select(c => $"\"{c.Header}\""))} sama-sama dibaca sebagai {Label(group.Key)}; periksa pemetaan kolom.");

        return new HeaderDetection
        {
            HeaderRow = header.Row,
            HeaderRowCount = header.Count,
            FirstDataRow = firstData,
            Columns = columns,
            Mapping = columns.Where(c => c.Field is not null).ToDictionary(c => c.Index, c => c.Field!.Value),
            Warnings = warnings,
        };
    }

    private static string? Cell(IReadOnlyList<string?> row, int column) => column < row.Count ? ImportText.Collapse(row[column]) : null;

    private static List<HeaderColumn> ReadRow(IReadOnlyList<IReadOnlyList<string?>> rows, int r, int width)
    {
        var columns = new List<HeaderColumn>();
        for (var c = 0; c < width; c++)
        {
            if (Cell(rows[r], c) is { } text)
                columns.Add(new HeaderColumn(c, text, Match(text)));
        }
        return columns;
    }

    private static int Score(List<HeaderColumn> columns) => columns.Count(c => c.Field is not null);

    private static bool Qualifies(List<HeaderColumn> columns) =>
        columns.Count(c => c.Field is not null and not ImportField.Ignore and not ImportField.RowNumber) >= 2
        && columns.Any(c => c.Field is ImportField.Title or ImportField.Number or ImportField.PartnerNumber);

    /// <summary>
    /// The upper row has a header spanning several columns (text, then empties) over sub-headers
    /// in the lower row, itself a header (two cells or more, one recognised), and the lower row
    /// holds no data (no dates, no numbers).
    /// </summary>
    private static bool IsGroupOverSubHeaders(IReadOnlyList<string?> upper, IReadOnlyList<string?> lower, int width)
    {
        var upperCells = Enumerable.Range(0, width).Select(c => Cell(upper, c)).ToList();
        if (upperCells.Count(t => t is not null) < 2 || !upperCells.Any(t => t is not null && Match(t) is not null))
            return false;
        var lowerCells = Enumerable.Range(0, width).Select(c => Cell(lower, c)).Where(t => t is not null).Select(t => t!).ToList();
        if (lowerCells.Any(t => t.Length > 60 || NumericCell.IsMatch(t) || IndonesianDates.ParseDate(t).Value is not null))
            return false;
        for (var c = 0; c + 1 < width; c++)
        {
            if (upperCells[c] is not null && upperCells[c + 1] is null && Cell(lower, c) is not null && Cell(lower, c + 1) is not null)
                return true;
        }
        return false;
    }

    private static List<HeaderColumn> ReadTwoRows(IReadOnlyList<string?> upper, IReadOnlyList<string?> lower, int width)
    {
        var columns = new List<HeaderColumn>();
        string? group = null;
        for (var c = 0; c < width; c++)
        {
            var (top, bottom) = (Cell(upper, c), Cell(lower, c));
            // A group runs from a header with a sub-header under it over the empties to its right that have sub-headers too.
            group = top is not null ? (bottom is not null ? top : null) : (bottom is not null ? group : null);
            var header = (top ?? group, bottom) switch
            {
                ({ } g, { } b) => $"{g} / {b}",
                ({ } g, null) => g,
                (null, { } b) => b,
                _ => null,
            };
            if (header is null)
                continue;
            var field = Match(header) ?? Match(bottom) ?? Match(top ?? group);
            columns.Add(new HeaderColumn(c, header, field));
        }
        return columns;
    }

    private static bool IsColumnNumbering(IReadOnlyList<string?> row)
    {
        var cells = row.Select(ImportText.Collapse).Where(t => t is not null).Select(t => t!).ToList();
        if (cells.Count < 2 || !cells.All(ColumnNumber.IsMatch))
            return false;
        var numbers = cells.Select(t => int.Parse(t.Trim('(', ')', '.'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return numbers.Zip(numbers.Skip(1)).All(p => p.Second > p.First);
    }

    /// <summary>Adds the columns that have data under an empty header, so the person can map them.</summary>
    private static List<HeaderColumn> WithDataColumns(List<HeaderColumn> columns, List<IReadOnlyList<string?>> sample, int width)
    {
        var known = columns.Select(c => c.Index).ToHashSet();
        var added = Enumerable.Range(0, width).Where(c => !known.Contains(c) && sample.Any(r => Cell(r, c) is not null))
            .Select(c => new HeaderColumn(c, "", null));
        return columns.Concat(added).OrderBy(c => c.Index).ToList();
    }

    /// <summary>
    /// "No" is the row counter and "Nomor" the agreement number, unless the data says otherwise:
    /// a "Nomor" column holding only 1, 2, 3… is a counter, and a "No" column holding numbers
    /// like 119/PKS/2024 is the agreement number when no other column is.
    /// </summary>
    private static List<HeaderColumn> ReadCounterColumns(List<HeaderColumn> columns, List<IReadOnlyList<string?>> sample, List<string> warnings)
    {
        List<string> ValuesOf(int c) => sample.Select(r => Cell(r, c)).Where(t => t is not null).Select(t => t!).ToList();
        var result = new List<HeaderColumn>(columns.Count);
        foreach (var column in columns)
        {
            var values = column.Field is ImportField.Number or ImportField.RowNumber ? ValuesOf(column.Index) : [];
            var counting = values.Count >= 2 && values.All(Counter.IsMatch);
            if (column.Field == ImportField.Number && counting)
            {
                warnings.Add($"Kolom \"{column.Header}\" hanya berisi nomor urut ({string.Join(", ", values.Take(3))}, …); dibaca sebagai nomor urut, bukan nomor perjanjian.");
                result.Add(column with { Field = ImportField.RowNumber });
            }
            else if (column.Field == ImportField.RowNumber && values.Count > 0 && !counting
                && values.Any(v => v.Any(char.IsLetter) || v.Contains('/')) && !columns.Any(c => c.Field == ImportField.Number))
            {
                warnings.Add($"Kolom \"{column.Header}\" berisi nomor perjanjian (misalnya {values[0]}); dibaca sebagai Nomor, bukan nomor urut.");
                result.Add(column with { Field = ImportField.Number });
            }
            else
                result.Add(column);
        }
        return result;
    }
}
