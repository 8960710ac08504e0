using System.IO.Compression;
using System.Text;
using Sinergi.Features.Import;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Tests.Infrastructure.Files;

/// <summary>
/// An Office file whose XML declares an entity that points at a file on the server (XXE): neither
/// the text extractor nor the import ever reads that file into a document's text or a preview.
/// </summary>
public sealed class OfficeXmlTests : IDisposable
{
    private readonly string _secret = Path.Combine(Path.GetTempPath(), $"sinergi-rahasia-{Guid.NewGuid():N}.txt");

    public OfficeXmlTests() => File.WriteAllText(_secret, "KATA-SANDI-SERVER");

    public void Dispose() => File.Delete(_secret);

    private string Doctype(string root) => $"<!DOCTYPE {root} [<!ENTITY rahasia SYSTEM \"file://{_secret}\">]>";

    private static byte[] Package(params (string Name, string Xml)[] parts)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, xml) in parts)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(xml);
            }
        return output.ToArray();
    }

    [Fact]
    public void A_docx_with_an_external_entity_is_not_read_and_the_server_file_stays_out_of_its_text()
    {
        var docx = Package(("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("word/document.xml", Doctype("w:document") + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>Naskah &rahasia;</w:t></w:r></w:p></w:body></w:document>"));

        var extracted = TextExtractor.Extract(new MemoryStream(docx), DocumentKind.Docx, new TextExtractionOptions(), TimeProvider.System);

        Assert.True(extracted.Unreadable);
        Assert.DoesNotContain("KATA-SANDI-SERVER", extracted.Text ?? "");
    }

    [Fact]
    public void A_workbook_with_an_external_entity_is_refused_with_a_message_and_reads_nothing()
    {
        const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        var xlsx = Package(
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("_rels/.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"),
            ("xl/workbook.xml", $"<workbook xmlns=\"{main}\" xmlns:r=\"{rel}\"><sheets><sheet name=\"Lembar1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"{rel}/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"),
            ("xl/worksheets/sheet1.xml", Doctype("worksheet") + $"<worksheet xmlns=\"{main}\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Judul</t></is></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>&rahasia;</t></is></c></row></sheetData></worksheet>"));

        var read = SpreadsheetReader.Read("jebakan.xlsx", new MemoryStream(xlsx), 10_000_000);

        Assert.False(read.Succeeded);
        Assert.StartsWith("Berkas 'jebakan.xlsx'", read.Error);
        Assert.DoesNotContain("KATA-SANDI-SERVER", read.Error);
    }
}
