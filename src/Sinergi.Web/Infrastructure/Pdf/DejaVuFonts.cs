using PdfSharp.Fonts;

namespace Sinergi.Infrastructure.Pdf;

/// <summary>
/// PDFsharp's core build finds no system fonts on Linux; this resolver hands it DejaVu Sans (regular,
/// bold, oblique) from Debian's fonts-dejavu-core. The resolver is process-wide in PDFsharp, so it is
/// installed once, by whoever draws a PDF first (the app or a test).
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly Lock Gate = new();

    private static readonly string[] Folders =
        ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts/dejavu"];

    private DejaVuFonts()
    {
    }

    /// <summary>Installs the resolver unless one is already set; safe to call from every PDF writer.</summary>
    public static void Install()
    {
        lock (Gate)
            GlobalFontSettings.FontResolver ??= new DejaVuFonts();
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        });

    public byte[] GetFont(string faceName)
    {
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, faceName + ".ttf");
            if (File.Exists(path))
                return File.ReadAllBytes(path);
        }
        throw new FileNotFoundException(
            $"{faceName}.ttf not found in {string.Join(", ", Folders)}; install Debian's fonts-dejavu-core.");
    }
}
