using System.IO.Compression;
using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Sinergi.Infrastructure.Pdf;

namespace Sinergi.Tests.Infrastructure.Files;

/// <summary>
/// Files for the upload tests: the committed fixtures (made by Fixtures/make_fixtures.py with
/// Python's standard library), PDFs written by PDFsharp, and deliberately bad input.
/// </summary>
internal static class TestFiles
{
    public const string Sentence = "Kerja sama pengelolaan sampah terpadu Kota Palangkaraya";

    public static byte[] Fixture(string name) =>
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Infrastructure", "Files", "Fixtures", name));

    /// <summary>A PDF written by PDFsharp with one page per entry, each line drawn as text.</summary>
    public static byte[] Pdf(string[][] pages, string? userPassword = null)
    {
        DejaVuFonts.Install();
        using var document = new PdfDocument();
        document.Info.Title = "Perjanjian Kerja Sama";
        var font = new XFont(DejaVuFonts.Family, 12);
        foreach (var lines in pages)
        {
            var page = document.AddPage();
            using var graphics = XGraphics.FromPdfPage(page);
            for (var i = 0; i < lines.Length; i++)
                graphics.DrawString(lines[i], font, XBrushes.Black, new XPoint(56, 80 + 18 * i));
        }
        if (userPassword is not null)
            document.SecuritySettings.UserPassword = userPassword;
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    public static byte[] Pdf(params string[] lines) => Pdf([lines]);

    /// <summary>A ZIP holding the given parts; with the right parts it is a DOCX or an XLSX.</summary>
    public static byte[] Zip(params (string Name, string Text)[] parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
        }
        return output.ToArray();
    }

    /// <summary>A DOCX whose main part holds one paragraph per entry.</summary>
    public static byte[] Docx(params string[] paragraphs) => Zip(
        ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
        ("word/document.xml",
            "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + string.Concat(paragraphs.Select(p => $"<w:p><w:r><w:t>{System.Security.SecurityElement.Escape(p)}</w:t></w:r></w:p>"))
            + "</w:body></w:document>"));

    /// <summary>What a Windows program starts with: "MZ", the DOS stub, "PE".</summary>
    public static byte[] WindowsProgram()
    {
        var bytes = new byte[1024];
        "MZ"u8.CopyTo(bytes);
        bytes[0x3C] = 0x80;
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        "This program cannot be run in DOS mode."u8.CopyTo(bytes.AsSpan(0x4E));
        return bytes;
    }
}
