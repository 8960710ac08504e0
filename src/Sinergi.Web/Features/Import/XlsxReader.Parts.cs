using System.Globalization;
using System.IO.Compression;
using System.Xml;
using ExcelDataReader.Core.NumberFormat;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Features.Import;

/// <summary>The parts of an .xlsx around its sheets: the workbook and its relationships, styles, shared strings.</summary>
internal static partial class XlsxReader
{
    private enum NumberKind
    {
        Date,
        Duration,
    }

    /// <summary>The strings a cell of type <c>s</c> points at; one over the cap is kept as null, refused only if a cell uses it.</summary>
    private static List<string?> SharedStrings(ZipArchiveEntry part, TextCollector collector, CancellationToken ct)
    {
        var strings = new List<string?>();
        using var xml = XmlReader.Create(part.Open(), OfficeXml.Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
                continue;
            if (strings.Count % 1024 == 0)
                ct.ThrowIfCancellationRequested();
            var (text, tooLong) = collector.Collect(xml, "t");
            strings.Add(tooLong ? null : Unescape(text ?? ""));
        }
        return strings;
    }

    /// <summary>Which cell styles show numbers as dates (or durations), from their number format.</summary>
    private static Dictionary<int, NumberKind> DateStyles(ZipArchiveEntry part)
    {
        var formats = new Dictionary<int, string>();
        var result = new Dictionary<int, NumberKind>();
        using var xml = XmlReader.Create(part.Open(), OfficeXml.Settings);
        var inCellFormats = false;
        var index = 0;
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "cellXfs")
                inCellFormats = false;
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            switch (xml.LocalName)
            {
                case "numFmt" when int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var id):
                    formats[id] = xml.GetAttribute("formatCode") ?? "";
                    break;
                case "cellXfs":
                    inCellFormats = !xml.IsEmptyElement;
                    break;
                case "xf" when inCellFormats:
                    var formatId = int.TryParse(xml.GetAttribute("numFmtId"), CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (KindOf(formatId, formats) is { } kind)
                        result[index] = kind;
                    index++;
                    break;
            }
        }
        return result;
    }

    private static NumberKind? KindOf(int formatId, Dictionary<int, string> formats)
    {
        if (formats.TryGetValue(formatId, out var code))
        {
            var format = new NumberFormatString(code);
            return format.IsDateTimeFormat ? NumberKind.Date : format.IsTimeSpanFormat ? NumberKind.Duration : null;
        }
        // Excel's built-in formats: 14–22 dates and times, 45 and 47 times, 46 a duration.
        return formatId switch
        {
            >= 14 and <= 22 or 45 or 47 => NumberKind.Date,
            46 => NumberKind.Duration,
            _ => null,
        };
    }

    private static (List<(string Name, string Path)> Sheets, bool Date1904) Workbook(ZipArchiveEntry workbook, List<(string Id, string Type, string Target)> rels)
    {
        var sheets = new List<(string, string)>();
        var date1904 = false;
        using var xml = XmlReader.Create(workbook.Open(), OfficeXml.Settings);
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element)
                continue;
            if (xml.LocalName == "workbookPr")
                date1904 = xml.GetAttribute("date1904") is "1" or "true";
            else if (xml.LocalName == "sheet" && RelationshipId(xml) is { } id && rels.FirstOrDefault(r => r.Id == id).Target is { } target)
                sheets.Add((xml.GetAttribute("name") ?? $"Lembar {sheets.Count + 1}", target));
        }
        return (sheets, date1904);
    }

    private static string? RelationshipId(XmlReader xml)
    {
        for (var i = 0; i < xml.AttributeCount; i++)
        {
            xml.MoveToAttribute(i);
            if (xml.LocalName == "id" && xml.NamespaceURI.Contains("relationships", StringComparison.Ordinal))
            {
                var id = xml.Value;
                xml.MoveToElement();
                return id;
            }
        }
        xml.MoveToElement();
        return null;
    }

    /// <summary>The relationships of a part, their targets resolved to paths inside the package.</summary>
    private static List<(string Id, string Type, string Target)> Relationships(Dictionary<string, ZipArchiveEntry> parts, string relsPath, string folder)
    {
        var result = new List<(string, string, string)>();
        if (!parts.TryGetValue(relsPath, out var part))
            return result;
        using var xml = XmlReader.Create(part.Open(), OfficeXml.Settings);
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("TargetMode") != "External"
                && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                result.Add((id, xml.GetAttribute("Type") ?? "", Resolve(folder, target)));
        }
        return result;
    }

    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var segments = new List<string>();
        foreach (var segment in Uri.UnescapeDataString(path).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                    segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("." or ""))
                segments.Add(segment);
        }
        return string.Join('/', segments);
    }

    private static string Folder(string path) => path.LastIndexOf('/') is var slash and >= 0 ? path[..(slash + 1)] : "";

    private static string RelsPathOf(string path) => $"{Folder(path)}_rels/{path[(path.LastIndexOf('/') + 1)..]}.rels";

    private static ZipArchiveEntry Part(Dictionary<string, ZipArchiveEntry> parts, string path) =>
        parts.GetValueOrDefault(path) ?? throw new InvalidDataException($"The package has no part {path}.");
}
