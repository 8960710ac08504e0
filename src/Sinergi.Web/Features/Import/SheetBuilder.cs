using Sinergi.Web;

namespace Sinergi.Features.Import;

/// <summary>Why a spreadsheet is refused part way through reading it: the end of a sentence for the person.</summary>
internal sealed class SpreadsheetLimitException(string message) : Exception(message);

/// <summary>The cells of every sheet of one file, counted against <see cref="ImportOptions.MaxCells"/>.</summary>
internal sealed class CellCount
{
    public int Cells { get; set; }
}

/// <summary>
/// Collects the cells a reader finds into the rows of a <see cref="Sheet"/>, trusting nothing the
/// file declares about its size: empty cells are never stored, empty rows take no memory until a
/// later row has data, and a cell past a limit stops the reading before it is kept. The rows come
/// out as wide as the rightmost cell with data, so positions are the spreadsheet's own (row 1 is
/// index 0, column A is index 0).
/// </summary>
internal sealed class SheetBuilder(string? sheetName, ImportOptions limits, CellCount count)
{
    private static readonly object?[] NoCells = [];

    private readonly List<object?[]> _rows = [];
    private readonly List<(int Column, object Value)> _pending = [];
    private int _pendingRow = -1;
    private int _width;

    /// <summary>Adds one cell (0-based row and column); empty text, whitespace and nulls are skipped.</summary>
    public void Add(int row, int column, object? value)
    {
        value = Clean(value);
        if (value is null)
            return;
        if (row >= limits.MaxRows + ImportOptions.TitleRows)
            throw new SpreadsheetLimitException(
                $"{Where()} berisi data sampai baris {Indonesian.Number(row + 1L)}, padahal paling banyak {Indonesian.Number(limits.MaxRows)} baris data dapat diimpor sekaligus. Bagi daftarnya menjadi beberapa berkas, lalu impor satu per satu.");
        if (column >= limits.MaxColumns)
            throw new SpreadsheetLimitException(
                $"{Where()} berisi data di sel {CellName(row, column)}, di luar {Indonesian.Number(limits.MaxColumns)} kolom pertama yang dapat dibaca. Hapus isi kolom yang tidak dipakai, lalu unggah lagi.");
        if (value is string text && text.Length > limits.MaxCellCharacters)
            throw TooLong(row, column);
        if (++count.Cells > limits.MaxCells)
            throw new SpreadsheetLimitException(
                $"berkas ini berisi lebih dari {Indonesian.Number(limits.MaxCells)} sel terisi, melebihi batas impor. Bagi daftarnya menjadi beberapa berkas, lalu impor satu per satu.");
        if (row != _pendingRow)
        {
            Flush();
            _pendingRow = row;
        }
        _pending.Add((column, value));
    }

    /// <summary>For readers that must stop reading a cell before its text is whole.</summary>
    public SpreadsheetLimitException TooLong(int row, int column) => new(
        $"sel {CellName(row, column)}{(sheetName is null ? "" : $" pada lembar \"{sheetName}\"")} berisi lebih dari {Indonesian.Number(limits.MaxCellCharacters)} karakter. Perpendek isinya, lalu unggah lagi.");

    public Sheet Build(string name)
    {
        Flush();
        var empty = new object?[_width];
        for (var i = 0; i < _rows.Count; i++)
        {
            var cells = _rows[i];
            if (cells.Length == 0)
                _rows[i] = empty; // never written to, so every empty row can share it
            else if (cells.Length < _width)
            {
                Array.Resize(ref cells, _width);
                _rows[i] = cells;
            }
        }
        return new Sheet(name, _rows);
    }

    private void Flush()
    {
        if (_pending.Count == 0)
            return;
        var last = _pending.Max(c => c.Column);
        while (_rows.Count <= _pendingRow)
            _rows.Add(NoCells);
        var cells = _rows[_pendingRow];
        if (cells.Length <= last)
            Array.Resize(ref cells, last + 1); // a row seen before (out of order) keeps what it had
        foreach (var (column, value) in _pending)
            cells[column] = value;
        _rows[_pendingRow] = cells;
        _width = Math.Max(_width, last + 1);
        _pending.Clear();
    }

    private string Where() => sheetName is null ? "berkas ini" : $"lembar \"{sheetName}\"";

    private static object? Clean(object? value) => value switch
    {
        string text when string.IsNullOrWhiteSpace(text) => null,
        string text => text.Trim(),
        DBNull => null,
        _ => value,
    };

    /// <summary>B7, XFD1048576: a cell as the spreadsheet names it.</summary>
    public static string CellName(int row, int column) => ColumnName(column) + (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string ColumnName(int column)
    {
        var name = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
