using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Sinergi.Web;
using CellText = DocumentFormat.OpenXml.Spreadsheet.Text;
using Text = Sinergi.Web.Text;

namespace Sinergi.Infrastructure.Spreadsheets;

/// <summary>A column of an exported table: its Indonesian header and how its cells are written.</summary>
public sealed record ExportColumn(string Header, ExportKind Kind = ExportKind.Text);

/// <summary>One sheet of a workbook: its name (at most 31 characters are kept), columns and rows.</summary>
public sealed record ExportSheet(string Name, IReadOnlyList<ExportColumn> Columns, IEnumerable<object?[]> Rows);

public enum ExportKind
{
    Text,
    /// <summary>A <see cref="DateOnly"/>, written as a real date that Excel shows as "25 November 2026".</summary>
    Date,
    /// <summary>A whole number (Rupiah, counts), grouped with dots in Indonesian Excel.</summary>
    Number,
}

/// <summary>
/// Writes a table as an Excel workbook (real dates and numbers, bold frozen header, a filter,
/// widths that fit) or as CSV (UTF-8 with BOM, semicolons, as Excel with Indonesian settings
/// opens it). Whatever a value holds, the file is written: text loses the characters XML cannot
/// carry (<see cref="Text.WithoutControls"/>), and a date or number Excel cannot hold is written
/// as text a person can still read.
/// </summary>
public static class TableExport
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint NumberStyle = 3;
    private const uint WrapStyle = 4;

    /// <summary>The first day Excel's 1900 date system shows as itself (it counts a 29 February 1900 that never was).</summary>
    private static readonly DateOnly FirstExcelDate = new(1900, 3, 1);

    public static void WriteXlsx(Stream output, string sheetName, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows) =>
        WriteXlsx(output, [new ExportSheet(sheetName, columns, rows)]);

    /// <summary>A workbook of several tables, one sheet each, in order.</summary>
    public static void WriteXlsx(Stream output, IReadOnlyList<ExportSheet> sheets)
    {
        using var package = new MemoryStream();
        WritePackage(package, sheets);
        package.Position = 0;
        PackageRelationships.CopyWithRelativeTargets(package, output);
    }

    private static void WritePackage(Stream output, IReadOnlyList<ExportSheet> sheets)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        AddStyles(workbook);
        var list = new Sheets();
        uint sheetId = 0;
        foreach (var (sheetName, columns, rows) in sheets)
        {
            var sheetPart = WriteSheet(workbook, columns, rows);
            list.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = ++sheetId, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
        }
        workbook.Workbook.Append(list);
        workbook.Workbook.Save();
    }

    private static WorksheetPart WriteSheet(WorkbookPart workbook, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows)
    {
        var sheetPart = workbook.AddNewPart<WorksheetPart>();

        var widths = columns.Select(c => (double)Math.Max(8, c.Header.Length + 2)).ToArray();
        var data = new SheetData();
        data.Append(Row(1, columns.Select((c, i) => TextCell(i, 1, Text.WithoutControls(c.Header), HeaderStyle))));
        uint rowIndex = 1;
        foreach (var values in rows)
        {
            rowIndex++;
            var cells = new List<Cell>();
            for (var i = 0; i < columns.Count; i++)
            {
                var value = i < values.Length ? values[i] : null;
                if (value is null)
                    continue;
                var (cell, width) = columns[i].Kind switch
                {
                    ExportKind.Date when value is DateOnly date && date >= FirstExcelDate =>
                        (NumberCell(i, rowIndex, date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle), 18.0),
                    ExportKind.Number when AsNumber(value) is { } number && double.IsFinite(number) => (NumberCell(i, rowIndex, number, NumberStyle), 16.0),
                    _ => TextColumn(i, rowIndex, Shown(value)),
                };
                cells.Add(cell);
                widths[i] = Math.Max(widths[i], width);
            }
            data.Append(Row(rowIndex, cells));
        }

        var sheetView = new SheetView { WorkbookViewId = 0 };
        sheetView.Append(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen });
        sheetPart.Worksheet = new Worksheet(
            new SheetViews(sheetView),
            new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
            data,
            new AutoFilter { Reference = $"A1:{ColumnName(columns.Count - 1)}{Math.Max(rowIndex, 1)}" });
        return sheetPart;
    }

    public static void WriteCsv(Stream output, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(';', columns.Select(c => Quote(c.Header))));
        foreach (var values in rows)
        {
            writer.WriteLine(string.Join(';', columns.Select((c, i) => Quote((i < values.Length ? values[i] : null) switch
            {
                null => "",
                DateOnly date => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
                decimal or int or long when c.Kind == ExportKind.Number => Convert.ToDecimal(values[i], CultureInfo.InvariantCulture).ToString("0", CultureInfo.InvariantCulture),
                double number when c.Kind == ExportKind.Number && Math.Abs(number) < 1e28 => ((decimal)number).ToString("0", CultureInfo.InvariantCulture),
                var other => Text.WithoutControls(Convert.ToString(other, CultureInfo.InvariantCulture) ?? ""),
            }))));
        }
    }

    private static (Cell Cell, double Width) TextColumn(int column, uint row, string text) =>
        (TextCell(column, row, text, WrapStyle), Math.Min(60, text.Length + 2.0));

    private static double? AsNumber(object value) => value switch
    {
        decimal or int or long or short or byte or float or double => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A value as the text of a cell: dates as a person reads them, never a character XML cannot hold.</summary>
    private static string Shown(object value) => value switch
    {
        DateOnly date => Indonesian.Date(date),
        IFormattable formattable => Text.WithoutControls(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Text.WithoutControls(value.ToString() ?? ""),
    };

    private static string Quote(string value) =>
        value.IndexOfAny([';', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        row.Append(cells);
        return row;
    }

    private static Cell TextCell(int column, uint row, string text, uint style) => new()
    {
        CellReference = $"{ColumnName(column)}{row}",
        DataType = CellValues.InlineString,
        StyleIndex = style,
        InlineString = new InlineString(new CellText(text) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Cell NumberCell(int column, uint row, double value, uint style) => new()
    {
        CellReference = $"{ColumnName(column)}{row}",
        StyleIndex = style,
        CellValue = new CellValue(value),
    };

    private static string ColumnName(int index) =>
        index < 26 ? ((char)('A' + index)).ToString() : ColumnName((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>0 default, 1 bold header with a fill, 2 Indonesian long date, 3 grouped integer, 4 wrapped text.</summary>
    private static void AddStyles(WorkbookPart workbook)
    {
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "[$-421]d mmmm yyyy" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "#,##0" }) { Count = 2 },
            new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDCEFEA" }) { PatternType = PatternValues.Solid })) { Count = 3 },
            new Borders(new Border()) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            new CellFormats(
                new CellFormat(),
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 164, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 165, ApplyNumberFormat = true, ApplyAlignment = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 5 });
        styles.Stylesheet.Save();
    }
}
