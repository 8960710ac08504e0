using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Import;

/// <summary>
/// Reads an .xlsx as a stream of XML, cell by cell, into <see cref="SheetBuilder"/>s. What the
/// workbook declares (its dimension, its used range) is never used to size anything: only cells
/// with a value are kept, so a small file that claims A1:XFD1048576 costs what it holds. Before
/// any part is inflated, the sizes the ZIP declares for the parts to read (which is all it will
/// ever inflate) are checked against <see cref="ImportOptions.MaxUnpackedBytes"/>.
/// </summary>
internal static partial class XlsxReader
{
    private const string OfficeDocument = "/officeDocument";

    public static List<Sheet> Read(Stream content, string fileName, ImportOptions limits, CancellationToken ct)
    {
        if (ZipDirectory.HasTooManyEntries(content))
            throw new InvalidDataException("The package declares more entries than an Office file has.");
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        var parts = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in zip.Entries)
            parts.TryAdd(entry.FullName.TrimStart('/'), entry);

        var workbookPath = Relationships(parts, "_rels/.rels", "").FirstOrDefault(r => r.Type.EndsWith(OfficeDocument, StringComparison.Ordinal)).Target
            ?? "xl/workbook.xml";
        var workbookRels = Relationships(parts, RelsPathOf(workbookPath), Folder(workbookPath));
        var (sheets, date1904) = Workbook(Part(parts, workbookPath), workbookRels);
        var sharedStringsPath = workbookRels.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal)).Target;
        var stylesPath = workbookRels.FirstOrDefault(r => r.Type.EndsWith("/styles", StringComparison.Ordinal)).Target;

        var toRead = new[] { workbookPath, sharedStringsPath, stylesPath }.Concat(sheets.Select(s => s.Path))
            .OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Select(p => parts.GetValueOrDefault(p)).OfType<ZipArchiveEntry>();
        var unpacked = toRead.Sum(e => e.Length);
        if (unpacked > limits.MaxUnpackedBytes)
            throw new SpreadsheetLimitException(
                $"isinya setelah dibuka berukuran {Indonesian.FileSize(unpacked)}, melebihi batas {Indonesian.FileSize(limits.MaxUnpackedBytes)} untuk impor. Hapus lembar yang tidak dipakai atau bagi daftarnya menjadi beberapa berkas.");

        var dates = stylesPath is not null && parts.TryGetValue(stylesPath, out var styles) ? DateStyles(styles) : [];
        var collector = new TextCollector(limits.MaxCellCharacters);
        var sharedStrings = sharedStringsPath is not null && parts.TryGetValue(sharedStringsPath, out var sst)
            ? SharedStrings(sst, collector, ct) : [];
        var count = new CellCount();
        var result = new List<Sheet>();
        foreach (var (name, path) in sheets)
        {
            var builder = new SheetBuilder(name, limits, count);
            if (parts.TryGetValue(path, out var part))
                ReadSheet(part, builder, new CellValues(sharedStrings, dates, date1904), collector, ct);
            result.Add(builder.Build(name));
        }
        return result;
    }

    private sealed record CellValues(List<string?> SharedStrings, Dictionary<int, NumberKind> Styles, bool Date1904);

    private static void ReadSheet(ZipArchiveEntry part, SheetBuilder builder, CellValues values, TextCollector collector, CancellationToken ct)
    {
        using var xml = XmlReader.Create(part.Open(), OfficeXml.Settings);
        var row = -1;
        var column = -1;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            if (xml.LocalName == "row")
            {
                ct.ThrowIfCancellationRequested();
                row = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r >= 1 ? r - 1 : row + 1;
                column = -1;
            }
            else if (xml.LocalName == "c" && row >= 0)
            {
                column = ColumnOf(xml.GetAttribute("r")) ?? column + 1;
                var type = xml.GetAttribute("t");
                var style = int.TryParse(xml.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
                if (xml.IsEmptyElement)
                    continue;
                var (text, tooLong) = collector.Collect(xml, type == "inlineStr" ? "t" : "v");
                if (tooLong)
                    throw builder.TooLong(row, column);
                builder.Add(row, column, Value(text, type, style, values, out var sharedTooLong));
                if (sharedTooLong)
                    throw builder.TooLong(row, column);
            }
        }
    }

    /// <summary>
    /// Reads the element the reader is on to its end and collects the text of its descendants named
    /// <paramref name="name"/> (a value <c>v</c>, or the runs <c>t</c> of a string), leaving out
    /// phonetic hints (<c>rPh</c>). The text is read in chunks, so a value of 190 million characters
    /// is never one string; past <paramref name="maxCharacters"/> the rest is read and dropped. The
    /// buffers are reused from cell to cell: a sheet of 400.000 cells allocates little more than its values.
    /// </summary>
    internal sealed class TextCollector(int maxCharacters)
    {
        private readonly StringBuilder _text = new();
        private readonly char[] _buffer = new char[1024];

        public (string? Text, bool TooLong) Collect(XmlReader xml, string name)
        {
            if (xml.IsEmptyElement)
                return (null, false);
            var depth = xml.Depth;
            _text.Clear();
            var found = false;
            var tooLong = false;
            int? inside = null;
            xml.Read();
            while (!xml.EOF && xml.Depth > depth)
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
                {
                    xml.Skip();
                    continue;
                }
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == name)
                {
                    found = true;
                    inside = xml.IsEmptyElement ? null : xml.Depth;
                }
                else if (xml.NodeType == XmlNodeType.EndElement && xml.Depth == inside)
                    inside = null;
                else if (inside is not null && xml.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
                {
                    int read;
                    while ((read = xml.ReadValueChunk(_buffer, 0, _buffer.Length)) > 0)
                    {
                        if (_text.Length + read > maxCharacters)
                            tooLong = true;
                        else
                            _text.Append(_buffer, 0, read);
                    }
                }
                xml.Read();
            }
            return (found && !tooLong ? _text.ToString() : null, tooLong);
        }
    }

    private static object? Value(string? text, string? type, int style, CellValues values, out bool sharedTooLong)
    {
        sharedTooLong = false;
        if (text is null)
            return null;
        switch (type)
        {
            case "s":
                if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= values.SharedStrings.Count)
                    return null;
                sharedTooLong = values.SharedStrings[index] is null;
                return values.SharedStrings[index];
            case "str" or "inlineStr":
                return Unescape(text);
            case "b":
                return text.Trim() is "1" or "true";
            case "e":
                return null;
            case "d":
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var date) ? date : text;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            return text;
        return values.Styles.GetValueOrDefault(style, (NumberKind)(-1)) switch
        {
            NumberKind.Date => FromOADate(number, values.Date1904),
            NumberKind.Duration when Math.Abs(number) < TimeSpan.MaxValue.TotalDays => TimeSpan.FromDays(number),
            _ => number,
        };
    }

    /// <summary>Excel's serial date, with its 1900 leap-year quirk and the 1904 system of old Mac workbooks.</summary>
    private static object FromOADate(double serial, bool date1904)
    {
        var value = date1904 ? serial + 1462 : serial is >= 0 and < 60 ? serial + 1 : serial;
        return value is > -657435.0 and < 2958466.0 ? DateTime.FromOADate(value) : serial;
    }

    /// <summary>The column of a reference such as <c>B7</c> (0-based), or null when there is none.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
            return null;
        var column = 0;
        var letters = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
                column = column * 26 + (c - 'A' + 1);
            else if (c is >= 'a' and <= 'z')
                column = column * 26 + (c - 'a' + 1);
            else
                break;
            if (++letters > 3)
                throw new InvalidDataException($"The cell reference {reference} is not one.");
        }
        return letters == 0 ? null : column - 1;
    }

    /// <summary>Excel writes characters XML cannot hold as <c>_x000D_</c>.</summary>
    private static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
            return text;
        return System.Text.RegularExpressions.Regex.Replace(text, "_x([0-9A-Fa-f]{4})_",
            m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());
    }
}
