using System.IO.Compression;
using System.Text;
using System.Xml;
using UglyToad.PdfPig;

namespace Sinergi.Infrastructure.Files;

/// <summary>The searchable text of a document.</summary>
/// <param name="Text">Plain text, at most <see cref="TextExtractor.MaxCharacters"/> characters.</param>
/// <param name="Unreadable">The file could not be read (damaged, or locked with a password): the text is empty.</param>
/// <param name="Truncated">The document had more text than is kept.</param>
public sealed record ExtractedText(string Text, bool Unreadable, bool Truncated)
{
    public static readonly ExtractedText Empty = new("", Unreadable: false, Truncated: false);

    public static readonly ExtractedText Failed = new("", Unreadable: true, Truncated: false);
}

/// <summary>
/// Plain text of a PDF, DOCX or XLSX for search; images have none. A pure function of the bytes,
/// synchronous and CPU-bound, so callers run it off the request thread. Damaged input gives
/// <see cref="ExtractedText.Failed"/>, never an exception (except cancellation).
/// </summary>
public static class TextExtractor
{
    public const int MaxCharacters = 1_000_000;

    private static readonly string[] WordNamespaces =
        ["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"];

    private static readonly string[] SheetNamespaces =
        ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"];

    // OOXML never carries a DTD; the character cap stops a small ZIP that inflates to gigabytes of XML.
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 200_000_000,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <param name="content">The whole file, readable and seekable (as <see cref="FileStore.OpenRead"/> gives it).</param>
    /// <param name="kind">The kind <see cref="FileInspector"/> decided.</param>
    public static ExtractedText Extract(Stream content, DocumentKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var text = new TextBuffer(MaxCharacters);
        try
        {
            switch (kind)
            {
                case DocumentKind.Pdf:
                    ReadPdf(content, text, cancellationToken);
                    break;
                case DocumentKind.Docx:
                    ReadDocx(content, text, cancellationToken);
                    break;
                case DocumentKind.Xlsx:
                    ReadXlsx(content, text, cancellationToken);
                    break;
                default:
                    return ExtractedText.Empty;
            }
        }
        // Damaged files surface from PdfPig, ZipArchive and XmlReader as many exception types.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ExtractedText.Failed;
        }
        return new ExtractedText(text.ToString(), Unreadable: false, text.IsFull);
    }

    /// <summary>Words joined by spaces, pages by newlines. An encrypted PDF without an empty user password fails.</summary>
    private static void ReadPdf(Stream content, TextBuffer text, CancellationToken cancellationToken)
    {
        using var document = PdfDocument.Open(content, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        foreach (var page in document.GetPages())
        {
            cancellationToken.ThrowIfCancellationRequested();
            text.Separate('\n');
            foreach (var word in page.GetWords())
            {
                text.Separate(' ');
                text.Append(word.Text);
                if (text.IsFull)
                    return;
            }
        }
    }

    /// <summary>The runs of the main document part; a paragraph or line break becomes a newline.</summary>
    private static void ReadDocx(Stream content, TextBuffer text, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        using var xml = XmlReader.Create(Part(zip, "word/document.xml").Open(), XmlSettings);
        while (!xml.EOF && !text.IsFull)
        {
            if (xml.NodeType == XmlNodeType.Element && WordNamespaces.Contains(xml.NamespaceURI))
            {
                switch (xml.LocalName)
                {
                    case "t":
                        text.Append(xml.ReadElementContentAsString());
                        continue; // the reader is already on the next node
                    case "tab":
                        text.Append("\t");
                        break;
                    case "br" or "cr":
                        text.Separate('\n');
                        break;
                }
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "p" && WordNamespaces.Contains(xml.NamespaceURI))
            {
                text.Separate('\n');
                cancellationToken.ThrowIfCancellationRequested();
            }
            xml.Read();
        }
    }

    /// <summary>The shared strings, then the inline strings and cached formula strings of every sheet, one per line.</summary>
    private static void ReadXlsx(Stream content, TextBuffer text, CancellationToken cancellationToken)
    {
        using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
        Part(zip, "xl/workbook.xml"); // a package without one is not a workbook
        if (FindPart(zip, "xl/sharedStrings.xml") is { } shared)
            ReadSheetXml(shared, text, sharedStrings: true);
        var sheets = zip.Entries
            .Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase)
                && e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                && !e.FullName.Contains("/_rels/", StringComparison.Ordinal))
            .OrderBy(e => e.FullName.Length).ThenBy(e => e.FullName, StringComparer.Ordinal);
        foreach (var sheet in sheets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (text.IsFull)
                return;
            ReadSheetXml(sheet, text, sharedStrings: false);
        }
    }

    /// <summary>
    /// In sharedStrings.xml every <c>t</c> counts except phonetic hints (<c>rPh</c>); in a sheet only
    /// the <c>t</c> of an inline string (<c>is</c>) and the value of a cell of type <c>str</c>.
    /// </summary>
    private static void ReadSheetXml(ZipArchiveEntry part, TextBuffer text, bool sharedStrings)
    {
        using var xml = XmlReader.Create(part.Open(), XmlSettings);
        string? cellType = null;
        while (!xml.EOF && !text.IsFull)
        {
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
                        text.Append(xml.ReadElementContentAsString());
                        continue;
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

    private static ZipArchiveEntry Part(ZipArchive zip, string name) =>
        FindPart(zip, name) ?? throw new InvalidDataException($"The package has no part {name}.");

    private static ZipArchiveEntry? FindPart(ZipArchive zip, string name) =>
        zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Collects text up to a cap, with single separators and no split surrogate pair at the cut.</summary>
    private sealed class TextBuffer(int capacity)
    {
        private readonly StringBuilder _text = new();

        public bool IsFull { get; private set; }

        public void Append(ReadOnlySpan<char> value)
        {
            if (IsFull)
                return;
            var room = capacity - _text.Length;
            if (value.Length > room)
            {
                value = value[..room];
                if (value.Length > 0 && char.IsHighSurrogate(value[^1]))
                    value = value[..^1];
                IsFull = true;
            }
            _text.Append(value);
        }

        /// <summary>Adds a space or newline unless the text is empty or already ends with one.</summary>
        public void Separate(char separator)
        {
            if (_text.Length == 0 || _text[^1] == '\n' || (separator == ' ' && char.IsWhiteSpace(_text[^1])))
                return;
            if (separator == '\n' && _text[^1] == ' ')
                _text[^1] = '\n';
            else
                Append([separator]);
        }

        public override string ToString() => _text.ToString().TrimEnd();
    }
}
