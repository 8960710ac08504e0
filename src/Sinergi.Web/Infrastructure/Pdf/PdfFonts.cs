using PdfSharp.Drawing;

namespace Sinergi.Infrastructure.Pdf;

/// <summary>The few type sizes Sinergi's documents use, all DejaVu Sans.</summary>
public static class PdfFonts
{
    public static readonly XFont Title = Make(14, XFontStyleEx.Bold);
    public static readonly XFont Subtitle = Make(11, XFontStyleEx.Bold);
    public static readonly XFont Heading = Make(11, XFontStyleEx.Bold);
    public static readonly XFont Body = Make(9.5);
    public static readonly XFont Table = Make(8);
    public static readonly XFont TableBold = Make(8, XFontStyleEx.Bold);
    public static readonly XFont Small = Make(7.5);
    public static readonly XFont Note = Make(8, XFontStyleEx.Italic);
    public static readonly XFont HeaderBold = Make(8.5, XFontStyleEx.Bold);

    /// <summary>The bold face of the same size.</summary>
    public static XFont Bold(XFont font) => Make(font.Size, XFontStyleEx.Bold);

    public static XFont Make(double size, XFontStyleEx style = XFontStyleEx.Regular)
    {
        DejaVuFonts.Install();
        return new XFont(DejaVuFonts.Family, size, style);
    }
}
