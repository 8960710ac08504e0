using Sinergi.Infrastructure.Files;

namespace Sinergi.Tests.Infrastructure.Files;

public sealed class TextExtractorTests
{
    private static ExtractedText Extract(byte[] bytes, DocumentKind kind) =>
        TextExtractor.Extract(new MemoryStream(bytes), kind);

    [Fact]
    public void Pdf_written_by_pdfsharp_yields_its_sentence()
    {
        var pdf = TestFiles.Pdf("PERJANJIAN KERJA SAMA", TestFiles.Sentence);

        var stream = new MemoryStream(pdf);

        var extracted = TextExtractor.Extract(stream, DocumentKind.Pdf);

        Assert.False(extracted.Unreadable);
        Assert.Contains(TestFiles.Sentence, extracted.Text, StringComparison.Ordinal);
        Assert.True(stream.CanRead, "the caller's stream stays open");
    }

    [Fact]
    public void Pdf_pages_are_separated_by_newlines()
    {
        var pdf = TestFiles.Pdf([["Halaman satu: para pihak"], ["Halaman dua: ruang lingkup"]]);

        var extracted = Extract(pdf, DocumentKind.Pdf);

        Assert.Equal("Halaman satu: para pihak\nHalaman dua: ruang lingkup", extracted.Text);
    }

    [Fact]
    public void Hand_written_pdf_yields_the_text_of_both_pages()
    {
        var extracted = Extract(TestFiles.Fixture("nota-kesepakatan.pdf"), DocumentKind.Pdf);

        Assert.Equal(
            "NOTA KESEPAKATAN Pemerintah Kota Palangkaraya dan Pemerintah Kabupaten Pulang Pisau\n"
            + "Bidang: pengelolaan sampah regional (TPA bersama)",
            extracted.Text);
    }

    [Fact]
    public void Docx_yields_its_paragraphs_as_lines()
    {
        var extracted = Extract(TestFiles.Fixture("perjanjian.docx"), DocumentKind.Docx);

        Assert.False(extracted.Unreadable);
        Assert.Equal(
            "PERJANJIAN KERJA SAMA\n"
            + "Pemerintah Kota Palangkaraya dan Universitas Palangka Raya\n"
            + "Pasal 1\tRuang lingkup: penelitian gambut & pengabdian masyarakat.",
            extracted.Text);
    }

    [Fact]
    public void Xlsx_yields_shared_and_inline_strings_but_not_phonetic_hints()
    {
        var extracted = Extract(TestFiles.Fixture("anggaran.xlsx"), DocumentKind.Xlsx);

        Assert.False(extracted.Unreadable);
        Assert.Equal(
            "Kegiatan\nNilai (Rp)\nPenyediaan air minum Kabupaten Pulang Pisau\nCatatan: anggaran tahun 2027",
            extracted.Text);
    }

    [Theory]
    [InlineData("foto.jpg", DocumentKind.Jpeg)]
    [InlineData("peta.png", DocumentKind.Png)]
    public void Image_has_no_text_and_is_not_flagged(string fixture, DocumentKind kind)
    {
        Assert.Equal(ExtractedText.Empty, Extract(TestFiles.Fixture(fixture), kind));
    }

    [Fact]
    public void Corrupt_pdf_yields_empty_text_and_the_flag()
    {
        var pdf = TestFiles.Pdf(TestFiles.Sentence);

        var extracted = Extract(pdf[..(pdf.Length / 3)], DocumentKind.Pdf);

        Assert.Equal(ExtractedText.Failed, extracted);
    }

    [Fact]
    public void Corrupt_docx_yields_empty_text_and_the_flag()
    {
        var docx = TestFiles.Fixture("perjanjian.docx");

        Assert.Equal(ExtractedText.Failed, Extract(docx[..(docx.Length / 2)], DocumentKind.Docx));
    }

    [Fact]
    public void Xlsx_without_a_workbook_yields_empty_text_and_the_flag()
    {
        var zip = TestFiles.Zip(("[Content_Types].xml", "<Types/>"), ("xl/sharedStrings.xml", "<sst/>"));

        Assert.Equal(ExtractedText.Failed, Extract(zip, DocumentKind.Xlsx));
    }

    [Fact]
    public void Docx_with_malformed_xml_yields_empty_text_and_the_flag()
    {
        var zip = TestFiles.Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document><w:body><w:p>"));

        Assert.Equal(ExtractedText.Failed, Extract(zip, DocumentKind.Docx));
    }

    [Fact]
    public void Password_protected_pdf_yields_empty_text_and_the_flag()
    {
        var pdf = TestFiles.Pdf([[TestFiles.Sentence]], userPassword: "rahasia");

        Assert.Equal(ExtractedText.Failed, Extract(pdf, DocumentKind.Pdf));
    }

    [Fact]
    public void Text_is_capped_at_a_million_characters()
    {
        var docx = TestFiles.Docx(Enumerable.Repeat(new string('a', 1_234), 1_000).ToArray());

        var extracted = Extract(docx, DocumentKind.Docx);

        Assert.Equal(TextExtractor.MaxCharacters, extracted.Text.Length);
        Assert.True(extracted.Truncated);
        Assert.False(extracted.Unreadable);
    }

    [Fact]
    public void Damaged_documents_never_throw()
    {
        var random = new Random(1945);
        var originals = new[]
        {
            (TestFiles.Fixture("nota-kesepakatan.pdf"), DocumentKind.Pdf),
            (TestFiles.Pdf(TestFiles.Sentence), DocumentKind.Pdf),
            (TestFiles.Fixture("perjanjian.docx"), DocumentKind.Docx),
            (TestFiles.Fixture("anggaran.xlsx"), DocumentKind.Xlsx),
        };
        foreach (var (original, kind) in originals)
        {
            for (var i = 0; i < 100; i++)
            {
                var damaged = (byte[])original.Clone();
                for (var flips = 0; flips < 1 + i % 8; flips++)
                    damaged[random.Next(damaged.Length)] = (byte)random.Next(256);

                var extracted = Extract(damaged, kind); // an exception here fails the test

                Assert.True(extracted.Unreadable ? extracted.Text.Length == 0 : extracted.Text.Length <= TextExtractor.MaxCharacters);
            }
        }
    }
}
