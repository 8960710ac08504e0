using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Sinergi.Infrastructure.Pdf;

/// <summary>What every page repeats: the government's name and the document's title on top, the print date at the bottom.</summary>
/// <param name="Title">The document's title, in the running header and the PDF's properties.</param>
/// <param name="Header">Who issues it: "Pemerintah Kota Palangkaraya".</param>
/// <param name="PrintedOn">The print date as a person reads it: "25 November 2026".</param>
public sealed record PdfPageSetup(string Title, string Header, string PrintedOn);

/// <summary>
/// A small flow-layout writer over PDFsharp for A4 portrait documents: title, headings, wrapped
/// paragraphs, key–value blocks and tables (<see cref="PdfTable"/>) that break between rows and
/// repeat their header. Content flows down the page and onto new pages; the running header and
/// the footer "Halaman X dari Y" are drawn at the end, when the page count is known.
/// </summary>
public sealed partial class PdfDocumentBuilder : IDisposable
{
    public const double Margin = 50;
    private const double Top = 64;
    private const double Bottom = 58;
    private const double ContentTop = Top + 12;

    private static readonly XColor Ink = XColor.FromArgb(0x21, 0x25, 0x29);
    private static readonly XColor Muted = XColor.FromArgb(0x5c, 0x66, 0x70);
    private static readonly XColor Primary = XColor.FromArgb(0x0b, 0x5d, 0x51);
    private static readonly XColor Rule = XColor.FromArgb(0xc9, 0xd3, 0xd0);

    private readonly PdfDocument _document = new();
    private readonly PdfPageSetup _setup;
    private PdfPage _page = null!;
    private XGraphics _graphics = null!;
    private double _y;
    private bool _finished;

    public PdfDocumentBuilder(PdfPageSetup setup)
    {
        DejaVuFonts.Install();
        _setup = new PdfPageSetup(PdfTextLayout.Printable(setup.Title), PdfTextLayout.Printable(setup.Header), PdfTextLayout.Printable(setup.PrintedOn));
        _document.Info.Title = _setup.Title;
        _document.Info.Author = _setup.Header;
        _document.Info.Creator = "Sinergi — Sistem Informasi Kerja Sama Daerah";
        _document.PageLayout = PdfPageLayout.SinglePage;
        NewPage();
    }

    /// <summary>Pages so far; read it before <see cref="ToArray"/>, which ends the document.</summary>
    public int PageCount => _document.PageCount;

    public double ContentWidth => _page.Width.Point - 2 * Margin;

    /// <summary>Height left on the current page.</summary>
    public double Remaining => PageBottom - _y;

    private double PageBottom => _page.Height.Point - Bottom;

    /// <summary>The document's big title, centred, with an optional subtitle under it (cut to <paramref name="subtitleLines"/>).</summary>
    public void Title(string text, string? subtitle = null, int subtitleLines = int.MaxValue)
    {
        foreach (var line in Wrap(text, PdfFonts.Title, ContentWidth))
            WriteLine(line, PdfFonts.Title, Primary, centred: true);
        if (subtitle is not null)
        {
            var lines = Wrap(subtitle, PdfFonts.Subtitle, ContentWidth);
            Truncate(lines, PdfFonts.Subtitle, ContentWidth, subtitleLines);
            foreach (var line in lines)
                WriteLine(line, PdfFonts.Subtitle, Ink, centred: true);
        }
        Space(10);
    }

    /// <summary>A section heading, kept together with at least <paramref name="keepWithNext"/> points of what follows.</summary>
    public void Heading(string text, double keepWithNext = 60)
    {
        var lines = Wrap(text, PdfFonts.Heading, ContentWidth);
        var height = lines.Count * PdfFonts.Heading.GetHeight() + 10;
        if (_y > ContentTop && Remaining < height + keepWithNext)
            NewPage();
        else
            Space(6);
        foreach (var line in lines)
            WriteLine(line, PdfFonts.Heading, Primary);
        _graphics.DrawLine(new XPen(Rule, 0.6), Margin, _y + 1, Margin + ContentWidth, _y + 1);
        Space(5);
    }

    /// <summary>Wrapped text; with <paramref name="maxLines"/> the rest is cut and the last line ends in "…".</summary>
    /// <returns>True when the text was cut.</returns>
    public bool Paragraph(string text, XFont? font = null, int maxLines = int.MaxValue, bool muted = false)
    {
        font ??= PdfFonts.Body;
        var lines = Wrap(text, font, ContentWidth);
        var cut = Truncate(lines, font, ContentWidth, maxLines);
        foreach (var line in lines)
            WriteLine(line, font, muted ? Muted : Ink);
        Space(4);
        return cut;
    }

    /// <summary>Label and value pairs in two columns; a long value wraps (up to <paramref name="maxLines"/> lines).</summary>
    public void KeyValues(IEnumerable<(string Key, string Value)> pairs, double keyWidth = 165, int maxLines = int.MaxValue, XFont? font = null)
    {
        font ??= PdfFonts.Body;
        var keyFont = PdfFonts.Bold(font);
        var lineHeight = font.GetHeight();
        var valueWidth = ContentWidth - keyWidth;
        foreach (var (key, value) in pairs)
        {
            var keyLines = Wrap(key, keyFont, keyWidth - 8);
            var valueLines = Wrap(value, font, valueWidth);
            Truncate(valueLines, font, valueWidth, maxLines);
            var height = Math.Max(keyLines.Count, valueLines.Count) * lineHeight + 3;
            if (Remaining < height)
                NewPage();
            for (var i = 0; i < keyLines.Count; i++)
                Draw(keyLines[i], keyFont, Muted, Margin, _y + i * lineHeight);
            for (var i = 0; i < valueLines.Count; i++)
                Draw(valueLines[i], font, Ink, Margin + keyWidth, _y + i * lineHeight);
            _y += height;
        }
        Space(4);
    }

    public void Space(double points) => _y = Math.Min(_y + points, PageBottom);

    /// <summary>
    /// A signature block on the right half of the page, kept on one page: the lines above, room of
    /// <paramref name="signingSpace"/> points for the signature and stamp, then the lines below, the
    /// first of them (the name) in bold.
    /// </summary>
    public void SignatureBlock(IReadOnlyList<string> above, IReadOnlyList<string> below, double signingSpace = 64)
    {
        var font = PdfFonts.Body;
        var width = ContentWidth / 2;
        var left = Margin + ContentWidth - width;
        var aboveLines = above.SelectMany(l => Wrap(l, font, width)).ToList();
        var belowLines = below.Select((l, i) => (Lines: Wrap(l, i == 0 ? PdfFonts.Bold(font) : font, width), Bold: i == 0))
            .SelectMany(l => l.Lines.Select(line => (Line: line, l.Bold))).ToList();
        var height = (aboveLines.Count + belowLines.Count) * font.GetHeight() + signingSpace + 16;
        if (Remaining < height)
            NewPage();
        Space(16);
        foreach (var line in aboveLines)
        {
            Draw(line, font, Ink, left, _y);
            _y += font.GetHeight();
        }
        _y += signingSpace;
        foreach (var (line, bold) in belowLines)
        {
            Draw(line, bold ? PdfFonts.Bold(font) : font, Ink, left, _y);
            _y += font.GetHeight();
        }
        Space(4);
    }

    /// <summary>The finished PDF, with the running header and the page numbers on every page.</summary>
    public byte[] ToArray()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        _graphics.Dispose();
        var count = _document.PageCount;
        for (var i = 0; i < count; i++)
        {
            using var graphics = XGraphics.FromPdfPage(_document.Pages[i], XGraphicsPdfPageOptions.Append);
            DrawFrame(graphics, _document.Pages[i], i + 1, count);
        }
        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public void Dispose()
    {
        if (!_finished)
            _graphics.Dispose();
        _finished = true;
        _document.Dispose();
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _page.Orientation = PageOrientation.Portrait;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = ContentTop;
    }

    private void DrawFrame(XGraphics graphics, PdfPage page, int number, int count)
    {
        var width = page.Width.Point;
        var height = page.Height.Point;
        var right = width - Margin;
        var pen = new XPen(Rule, 0.6);
        var brush = new XSolidBrush(Muted);
        // The issuer's name takes what it needs (up to 60 %), the title the rest.
        var header = Fit(_setup.Header, PdfFonts.HeaderBold, (right - Margin) * 0.6, graphics);
        var headerWidth = graphics.MeasureString(header, PdfFonts.HeaderBold).Width;
        graphics.DrawString(header, PdfFonts.HeaderBold, new XSolidBrush(Primary), Margin, Top - 24, XStringFormats.TopLeft);
        var title = Fit(_setup.Title, PdfFonts.Small, right - Margin - headerWidth - 16, graphics);
        graphics.DrawString(title, PdfFonts.Small, brush, right - graphics.MeasureString(title, PdfFonts.Small).Width, Top - 23, XStringFormats.TopLeft);
        graphics.DrawLine(new XPen(Primary, 0.8), Margin, Top - 10, right, Top - 10);

        var footerY = height - Bottom + 16;
        graphics.DrawLine(pen, Margin, footerY - 5, right, footerY - 5);
        graphics.DrawString($"Dicetak {_setup.PrintedOn} · Sinergi", PdfFonts.Small, brush, Margin, footerY, XStringFormats.TopLeft);
        var pages = $"Halaman {number} dari {count}";
        graphics.DrawString(pages, PdfFonts.Small, brush, right - graphics.MeasureString(pages, PdfFonts.Small).Width, footerY, XStringFormats.TopLeft);
    }

    private void WriteLine(string line, XFont font, XColor colour, bool centred = false)
    {
        if (Remaining < font.GetHeight())
            NewPage();
        var x = centred ? Margin + (ContentWidth - Measure(line, font)) / 2 : Margin;
        Draw(line, font, colour, x, _y);
        _y += font.GetHeight();
    }

    private void Draw(string text, XFont font, XColor colour, double x, double y) =>
        _graphics.DrawString(text, font, new XSolidBrush(colour), x, y, XStringFormats.TopLeft);

    private double Measure(string text, XFont font) => _graphics.MeasureString(text, font).Width;

    /// <summary>Every text of the document passes here (or through <see cref="Fit"/>), so none draws a character the page cannot show.</summary>
    private List<string> Wrap(string text, XFont font, double width) => PdfTextLayout.Wrap(PdfTextLayout.Printable(text), width, s => Measure(s, font));

    private bool Truncate(List<string> lines, XFont font, double width, int maxLines) =>
        PdfTextLayout.Truncate(lines, maxLines, width, s => Measure(s, font));

    private static string Fit(string text, XFont font, double width, XGraphics graphics) =>
        PdfTextLayout.Ellipsize(PdfTextLayout.Printable(text), width, s => graphics.MeasureString(s, font).Width);
}
