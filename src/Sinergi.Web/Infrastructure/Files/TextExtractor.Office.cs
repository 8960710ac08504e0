using System.IO.Compression;
using System.Xml;
using Sinergi.Web;

namespace Sinergi.Infrastructure.Files;

/// <summary>DOCX and XLSX: their XML parts, read as streams against the unpacking budget.</summary>
public static partial class TextExtractor
{
    private static readonly string[] WordNamespaces =
        ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"];

    private static readonly string[] SheetNamespaces =
        ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"];

    /// <summary>The runs of the main document part; a paragraph or line break becomes a newline.</summary>
    private static void ReadDocx(Stream content, TextBuffer text, ExtractionBudget budget)
    {
        using var zip = OpenPackage(content);
        using var xml = XmlReader.Create(Open(Part(zip, "word/document.xml"), budget), OfficeXml.Settings);
        var nodes = 0;
        while (!xml.EOF)
        {
            if (++nodes % 4096 == 0)
                budget.Check();
            if (xml.NodeType == XmlNodeType.Element && WordNamespaces.Contains(xml.NamespaceURI))
            {
                switch (xml.LocalName)
                {
                    case "t":
                        ReadRun(xml, text);
                        break;
                    case "tab":
                        text.Append("\t");
                        break;
                    case "br" or "cr":
                        text.Separate('\n');
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "p" && WordNamespaces.Contains(xml.NamespaceURI))
                text.Separate('\n');
            xml.Read();
        }
    }

    /// <summary>The shared strings, then the inline strings and cached formula strings of every sheet, one per line.</summary>
    private static void ReadXlsx(Stream content, TextBuffer text, ExtractionBudget budget)
    {
        using var zip = OpenPackage(content);
        Part(zip, "xl/workbook.xml"); // a package without one is not a workbook
        if (FindPart(zip, "xl/sharedStrings.xml") is { } shared)
            ReadSheetXml(shared, text, budget, sharedStrings: true);
        var sheets = zip.Entries
            .Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                && !e.FullName.Contains("/_rels/", StringComparison.Ordinal))
            .OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal).ToList();
        foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
        {
            if (index == budget.Options.MaxPages)
                throw budget.Reached($"bukunya lebih dari {Indonesian.Number(budget.Options.MaxPages)} lembar");
            ReadSheetXml(sheet, text, budget, sharedStrings: false);
        }
    }

    /// <summary>
    /// In sharedStrings.xml every <c>t</c> counts except phonetic hints (<c>rPh</c>); in a sheet only
    /// the <c>t</c> of an inline string (<c>is</c>) and the value of a cell of type <c>str</c>.
    /// </summary>
    private static void ReadSheetXml(ZipArchiveEntry part, TextBuffer text, ExtractionBudget budget, bool sharedStrings)
    {
        using var xml = XmlReader.Create(Open(part, budget), OfficeXml.Settings);
        string? cellType = null;
        var nodes = 0;
        while (!xml.EOF)
        {
            if (++nodes % 4096 == 0)
                budget.Check();
            if (xml.NodeType == XmlNodeType.Element && SheetNamespaces.Contains(xml.NamespaceURI))
            {
                switch (xml.LocalName)
                {
                    case "rPh":
                        xml.Skip();
                        continue;
                    case "c":
                        cellType = xml.GetAttribute("t");
                        break;
                    case "t" when sharedStrings || cellType == "inlineStr":
                    case "v" when !sharedStrings && cellType == "str":
                        ReadRun(xml, text);
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName is "si" or "c" && SheetNamespaces.Contains(xml.NamespaceURI))
            {
                text.Separate('\n');
                cellType = null;
            }
            xml.Read();
        }
        text.Separate('\n');
    }

    /// <summary>
    /// The text of the element the reader is on, in chunks: a run of 190 million characters is never
    /// one string, and past its cap the rest is read without being kept. Ends on the element's end.
    /// </summary>
    private static void ReadRun(XmlReader xml, TextBuffer text)
    {
        if (xml.IsEmptyElement)
            return;
        var depth = xml.Depth;
        var buffer = new char[4096];
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace))
                continue;
            int read;
            while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                text.Append(buffer.AsSpan(0, read));
        }
        text.EndRun();
    }

    private static ZipArchive OpenPackage(Stream content)
    {
        if (ZipDirectory.HasTooManyEntries(content))
            throw new InvalidDataException("The package declares more entries than an Office file has.");
        return new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
    }

    /// <summary>A part's stream, counted against the budget as it inflates.</summary>
    private static Stream Open(ZipArchiveEntry part, ExtractionBudget budget) => new CountingStream(part.Open(), budget);

    private static ZipArchiveEntry Part(ZipArchive zip, string name) =>
        FindPart(zip, name) ?? throw new InvalidDataException($"The package has no part {name}.");

    private static ZipArchiveEntry? FindPart(ZipArchive zip, string name) =>
        zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Counts what is read through it against <see cref="ExtractionBudget.Unpack"/>, and checks the time on every read.</summary>
    private sealed class CountingStream(Stream inner, ExtractionBudget budget) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        private int Counted(int read)
        {
            budget.Unpack(read);
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
