using PdfSharp.Drawing;

namespace Sinergi.Infrastructure.Pdf;

/// <summary>A column: its header, its share of the width, and whether it holds numbers (right-aligned).</summary>
public sealed record PdfColumn(string Header, double Weight, bool Numeric = false);

/// <summary>Rows of text under a header row; a row never splits, the header repeats on every page.</summary>
public sealed class PdfTable(params PdfColumn[] columns)
{
    public IReadOnlyList<PdfColumn> Columns { get; } = columns;

    public List<string[]> Rows { get; } = [];

    /// <summary>A closing row in bold (totals), drawn after the rows.</summary>
    public string[]? Total { get; set; }

    /// <summary>What the table says when it has no rows.</summary>
    public string EmptyText { get; set; } = "Tidak ada.";

    /// <summary>Longest a cell may wrap before it is cut with "…".</summary>
    public int MaxLinesPerCell { get; set; } = 12;

    public PdfTable Add(params string[] cells)
    {
        if (cells.Length != Columns.Count)
            throw new ArgumentException($"A row needs {Columns.Count} cells, got {cells.Length}.", nameof(cells));
        Rows.Add(cells);
        return this;
    }
}

public sealed partial class PdfDocumentBuilder
{
    private const double CellPadding = 3;
    private static readonly XColor HeaderFill = XColor.FromArgb(0xe3, 0xee, 0xeb);
    private static readonly XColor ZebraFill = XColor.FromArgb(0xf5, 0xf7, 0xf7);

    public void Table(PdfTable table)
    {
        var widths = Widths(table);
        var header = Layout(table.Columns.Select(c => c.Header).ToArray(), widths, PdfFonts.TableBold, table.MaxLinesPerCell);
        var rows = table.Rows.Select(r => Layout(r, widths, PdfFonts.Table, table.MaxLinesPerCell)).ToList();
        if (table.Total is { } total)
            rows.Add(Layout(total, widths, PdfFonts.TableBold, table.MaxLinesPerCell));

        var firstRow = rows.Count > 0 ? RowHeight(rows[0]) : RowHeight([[""]]);
        if (Remaining < RowHeight(header) + firstRow)
            NewPage();
        DrawRow(table, header, widths, PdfFonts.TableBold, HeaderFill);
        if (rows.Count == 0)
        {
            DrawRow(table, [[table.EmptyText]], [ContentWidth], PdfFonts.Note, null, spanning: true);
            Space(8);
            return;
        }
        for (var i = 0; i < rows.Count; i++)
        {
            if (Remaining < RowHeight(rows[i]))
            {
                NewPage();
                DrawRow(table, header, widths, PdfFonts.TableBold, HeaderFill);
            }
            var isTotal = table.Total is not null && i == rows.Count - 1;
            DrawRow(table, rows[i], widths, isTotal ? PdfFonts.TableBold : PdfFonts.Table, isTotal ? HeaderFill : i % 2 == 1 ? ZebraFill : null);
        }
        Space(8);
    }

    /// <summary>Shares of the width, except that a numeric column is widened to its widest value (numbers never wrap).</summary>
    private double[] Widths(PdfTable table)
    {
        var weights = table.Columns.Sum(c => c.Weight);
        var widths = table.Columns.Select(c => ContentWidth * c.Weight / weights).ToArray();
        var cells = table.Total is null ? table.Rows : table.Rows.Append(table.Total);
        for (var c = 0; c < widths.Length; c++)
        {
            if (!table.Columns[c].Numeric)
                continue;
            var font = table.Total is null ? PdfFonts.Table : PdfFonts.TableBold;
            var needed = cells.Select(r => Measure(r[c], font)).DefaultIfEmpty(0).Max() + 2 * CellPadding + 1;
            var widest = Array.IndexOf(widths, widths.Where((_, i) => !table.Columns[i].Numeric).DefaultIfEmpty(0).Max());
            if (needed > widths[c] && widest >= 0 && widest != c)
            {
                var extra = Math.Min(needed - widths[c], widths[widest] / 2);
                widths[c] += extra;
                widths[widest] -= extra;
            }
        }
        return widths;
    }

    private List<string>[] Layout(string[] cells, double[] widths, XFont font, int maxLines) =>
        cells.Select((text, i) =>
        {
            var lines = Wrap(text, font, widths[i] - 2 * CellPadding);
            Truncate(lines, font, widths[i] - 2 * CellPadding, maxLines);
            return lines;
        }).ToArray();

    private static double RowHeight(List<string>[] cells) =>
        cells.Max(c => c.Count) * PdfFonts.Table.GetHeight() + 2 * CellPadding;

    private void DrawRow(PdfTable table, List<string>[] cells, double[] widths, XFont font, XColor? fill, bool spanning = false)
    {
        var height = RowHeight(cells);
        var area = new XRect(Margin, _y, ContentWidth, height);
        if (fill is { } colour)
            _graphics.DrawRectangle(new XSolidBrush(colour), area);
        var x = Margin;
        for (var c = 0; c < cells.Length; c++)
        {
            var numeric = !spanning && table.Columns[c].Numeric;
            for (var l = 0; l < cells[c].Count; l++)
            {
                var line = cells[c][l];
                var left = numeric ? x + widths[c] - CellPadding - Measure(line, font) : x + CellPadding;
                Draw(line, font, Ink, left, _y + CellPadding + l * PdfFonts.Table.GetHeight());
            }
            x += widths[c];
        }
        _graphics.DrawLine(new XPen(Rule, 0.5), Margin, _y + height, Margin + ContentWidth, _y + height);
        _y += height;
    }
}
