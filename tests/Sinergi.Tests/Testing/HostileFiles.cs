using System.IO.Compression;
using System.Text;

namespace Sinergi.Tests.Testing;

/// <summary>
/// Small files that ask for a lot of work, written here rather than committed: a workbook that
/// declares the whole sheet, a PDF whose content inflates a thousandfold, a DOCX of one endless
/// run, a workbook of many large sheets. The tests use small sizes; the benchmark (which compiles
/// this file too) uses the sizes of the issue.
/// </summary>
public static class HostileFiles
{
    private const string SheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>
    /// A workbook whose one sheet declares <paramref name="dimension"/> and holds the given cells as
    /// inline strings: with <c>A1:XFD1048576</c> and one cell at its end it is 1.6 KB.
    /// </summary>
    public static byte[] SparseWorkbook(string dimension = "A1:XFD1048576", params (string Cell, string Text)[] cells)
    {
        if (cells.Length == 0)
            cells = [("XFD1048576", "akhir")];
        var rows = cells.GroupBy(c => RowOf(c.Cell)).OrderBy(g => g.Key).Select(g =>
            $"<row r=\"{g.Key}\">" + string.Concat(g.Select(c => $"<c r=\"{c.Cell}\" t=\"inlineStr\"><is><t>{System.Security.SecurityElement.Escape(c.Text)}</t></is></c>")) + "</row>");
        return Workbook([$"<worksheet xmlns=\"{SheetNamespace}\"><dimension ref=\"{dimension}\"/><sheetData>{string.Concat(rows)}</sheetData></worksheet>"]);
    }

    /// <summary>
    /// A workbook of <paramref name="sheets"/> sheets of <paramref name="rows"/> rows of numbers and
    /// words each; 20 sheets of 60.000 rows make a file of some 9 MB.
    /// </summary>
    public static byte[] ManySheetWorkbook(int sheets, int rows, string word = "anggaran")
    {
        var parts = new List<string>();
        for (var s = 0; s < sheets; s++)
        {
            var xml = new StringBuilder($"<worksheet xmlns=\"{SheetNamespace}\"><sheetData>");
            for (var r = 1; r <= rows; r++)
                xml.Append($"<row r=\"{r}\"><c r=\"A{r}\"><v>{r * 7919 % 100003}</v></c><c r=\"B{r}\" t=\"inlineStr\"><is><t>{word} {s}-{r}</t></is></c><c r=\"C{r}\"><v>{r * 104729 % 999983}.{r % 97}</v></c></row>");
            parts.Add(xml.Append("</sheetData></worksheet>").ToString());
        }
        return Workbook(parts);
    }

    /// <summary>
    /// A DOCX whose first paragraph says <paramref name="words"/> and whose second is one run of
    /// <paramref name="characters"/> letters: 190 million of them zip to some 190 KB.
    /// </summary>
    public static byte[] LongRunDocx(int characters, string words = "Naskah perjanjian")
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
            writer.Write($"<w:p><w:r><w:t>{words}</w:t></w:r></w:p><w:p><w:r><w:t>");
            var chunk = new string('a', 1 << 16);
            for (var left = characters; left > 0; left -= chunk.Length)
                writer.Write(chunk.AsSpan(0, Math.Min(chunk.Length, left)));
            writer.Write("</w:t></w:r></w:p></w:body></w:document>");
        }
        return output.ToArray();
    }

    /// <summary>
    /// A PDF of two pages: the first says <paramref name="words"/>, the second's content stream
    /// inflates to <paramref name="inflatedBytes"/> of spaces (a gigabyte of them is a 1 MB file).
    /// </summary>
    public static byte[] InflatingPdf(long inflatedBytes, string words = "Naskah perjanjian")
    {
        var text = Encoding.ASCII.GetBytes($"BT /F1 12 Tf 72 720 Td ({words}) Tj ET");
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(inflated, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var spaces = new byte[1 << 20];
            Array.Fill(spaces, (byte)' ');
            for (var left = inflatedBytes; left > 0; left -= spaces.Length)
                zlib.Write(spaces, 0, (int)Math.Min(spaces.Length, left));
        }
        return Pdf([(text, false), (inflated.ToArray(), true)]);
    }

    /// <summary>A PDF of <paramref name="pages"/> pages, each naming its number, as plain (uncompressed) objects.</summary>
    public static byte[] ManyPagePdf(int pages, string words = "halaman") =>
        Pdf(Enumerable.Range(1, pages).Select(p => (Encoding.ASCII.GetBytes($"BT /F1 12 Tf 72 720 Td ({words} {p}) Tj ET"), false)).ToList());

    /// <summary>
    /// A PDF of one page that draws a form <paramref name="draws"/> times, the form showing
    /// <paramref name="letters"/> letters: a few kilobytes that ask for millions of letters.
    /// </summary>
    public static byte[] FormPdf(int draws, int letters)
    {
        var page = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("/Fm1 Do ", draws)));
        var form = Encoding.ASCII.GetBytes($"BT /F1 12 Tf 72 720 Td ({new string('a', letters)}) Tj ET");
        return PdfOf(
        [
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes("<< /Type /Pages /Kids [4 0 R] /Count 1 >>"),
            Encoding.ASCII.GetBytes("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
            Encoding.ASCII.GetBytes("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Fm1 6 0 R >> >> /Contents 5 0 R >>"),
            Stream(page, ""),
            Stream(form, " /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >>"),
        ]);
    }

    /// <summary>A PDF with one page per content stream (Helvetica, not embedded).</summary>
    private static byte[] Pdf(IReadOnlyList<(byte[] Content, bool Flate)> pages)
    {
        var objects = new List<byte[]>
        {
            Encoding.ASCII.GetBytes("<< /Type /Catalog /Pages 2 0 R >>"),
            Encoding.ASCII.GetBytes($"<< /Type /Pages /Kids [{string.Join(" ", pages.Select((_, i) => $"{4 + 2 * i} 0 R"))}] /Count {pages.Count} >>"),
            Encoding.ASCII.GetBytes("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
        };
        for (var i = 0; i < pages.Count; i++)
        {
            objects.Add(Encoding.ASCII.GetBytes($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>"));
            var (content, flate) = pages[i];
            objects.Add(Stream(content, flate ? " /Filter /FlateDecode" : ""));
        }
        return PdfOf(objects);
    }

    private static byte[] Stream(byte[] content, string entries) =>
        [.. Encoding.ASCII.GetBytes($"<< /Length {content.Length}{entries} >>\nstream\n"), .. content, .. "\nendstream"u8];

    /// <summary>Objects 1, 2, 3… written one after the other, with their cross-reference table.</summary>
    private static byte[] PdfOf(IReadOnlyList<byte[]> objects)
    {
        using var output = new MemoryStream();
        void Write(string text) => output.Write(Encoding.ASCII.GetBytes(text));
        Write("%PDF-1.4\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n");
            output.Write(objects[i]);
            Write("\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            Write($"{offset:D10} 00000 n \n");
        Write($"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    private static byte[] Workbook(IReadOnlyList<string> sheets)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml",
                "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + string.Concat(sheets.Select((_, i) => $"<Override PartName=\"/xl/worksheets/sheet{i + 1}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"))
                + "</Types>");
            Write(zip, "_rels/.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Write(zip, "xl/workbook.xml",
                $"<workbook xmlns=\"{SheetNamespace}\" xmlns:r=\"{RelationshipNamespace}\"><sheets>"
                + string.Concat(sheets.Select((_, i) => $"<sheet name=\"Lembar{i + 1}\" sheetId=\"{i + 1}\" r:id=\"rId{i + 1}\"/>")) + "</sheets></workbook>");
            Write(zip, "xl/_rels/workbook.xml.rels",
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + string.Concat(sheets.Select((_, i) => $"<Relationship Id=\"rId{i + 1}\" Type=\"{RelationshipNamespace}/worksheet\" Target=\"worksheets/sheet{i + 1}.xml\"/>"))
                + "</Relationships>");
            for (var i = 0; i < sheets.Count; i++)
                Write(zip, $"xl/worksheets/sheet{i + 1}.xml", sheets[i]);
        }
        return output.ToArray();
    }

    private static void Write(ZipArchive zip, string name, string text)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(text);
    }

    private static int RowOf(string cell) => int.Parse(cell.AsSpan(cell.IndexOfAny("0123456789".ToCharArray())), System.Globalization.CultureInfo.InvariantCulture);
}
