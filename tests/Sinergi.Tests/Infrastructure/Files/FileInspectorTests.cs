using Sinergi.Infrastructure.Files;

namespace Sinergi.Tests.Infrastructure.Files;

public sealed class FileInspectorTests
{
    private const long Limit = 20 * UploadOptions.BytesPerMegabyte;

    private static FileInspection Inspect(string fileName, byte[] bytes, long maxBytes = Limit) =>
        FileInspector.Inspect(fileName, new MemoryStream(bytes), maxBytes);

    [Theory]
    [InlineData("nota-kesepakatan.pdf", DocumentKind.Pdf, "application/pdf")]
    [InlineData("perjanjian.docx", DocumentKind.Docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("anggaran.xlsx", DocumentKind.Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("foto.jpg", DocumentKind.Jpeg, "image/jpeg")]
    [InlineData("peta.png", DocumentKind.Png, "image/png")]
    public void Each_accepted_kind_is_accepted_with_its_content_type(string fixture, DocumentKind kind, string contentType)
    {
        var inspection = Inspect(fixture, TestFiles.Fixture(fixture));

        Assert.True(inspection.IsAccepted, inspection.Error);
        Assert.Equal(kind, inspection.Kind);
        Assert.Equal(contentType, inspection.ContentType);
    }

    [Fact]
    public void Pdf_written_by_pdfsharp_is_accepted()
    {
        var inspection = Inspect("kesepakatan.pdf", TestFiles.Pdf(TestFiles.Sentence));

        Assert.True(inspection.IsAccepted, inspection.Error);
        Assert.Equal(DocumentKind.Pdf, inspection.Kind);
    }

    [Theory]
    [InlineData("FOTO.JPEG")]
    [InlineData("foto.Jpg")]
    public void Extension_letter_case_and_jpeg_spelling_do_not_matter(string fileName)
    {
        var inspection = Inspect(fileName, TestFiles.Fixture("foto.jpg"));

        Assert.True(inspection.IsAccepted, inspection.Error);
        Assert.Equal(DocumentKind.Jpeg, inspection.Kind);
    }

    [Fact]
    public void Exe_renamed_to_pdf_is_refused_by_content()
    {
        var inspection = Inspect("laporan.pdf", TestFiles.WindowsProgram());

        Assert.False(inspection.IsAccepted);
        Assert.Null(inspection.Kind);
        Assert.Equal("Berkas 'laporan.pdf' bukan PDF yang sah: isinya tidak cocok dengan jenis berkasnya.", inspection.Error);
    }

    [Fact]
    public void Png_named_pdf_is_refused_and_told_what_it_is()
    {
        var inspection = Inspect("scan-perjanjian.pdf", TestFiles.Fixture("peta.png"));

        Assert.Equal("Berkas 'scan-perjanjian.pdf' bukan PDF yang sah: isinya berkas PNG.", inspection.Error);
    }

    [Fact]
    public void Pdf_named_docx_is_refused()
    {
        var inspection = Inspect("perjanjian.docx", TestFiles.Fixture("nota-kesepakatan.pdf"));

        Assert.Equal("Berkas 'perjanjian.docx' bukan DOCX yang sah: isinya berkas PDF.", inspection.Error);
    }

    [Fact]
    public void Xlsx_named_docx_is_refused()
    {
        var inspection = Inspect("anggaran.docx", TestFiles.Fixture("anggaran.xlsx"));

        Assert.Equal("Berkas 'anggaran.docx' bukan DOCX yang sah: isinya berkas XLSX.", inspection.Error);
    }

    [Fact]
    public void Empty_file_is_refused()
    {
        var inspection = Inspect("x.pdf", []);

        Assert.Equal("Berkas 'x.pdf' kosong.", inspection.Error);
    }

    [Fact]
    public void File_over_the_limit_is_refused_with_sizes_written_the_indonesian_way()
    {
        var bytes = new byte[(int)(1.25 * UploadOptions.BytesPerMegabyte)];
        "%PDF-1.7"u8.CopyTo(bytes);

        var inspection = Inspect("lampiran.pdf", bytes, maxBytes: UploadOptions.BytesPerMegabyte);

        Assert.Equal("Berkas 'lampiran.pdf' berukuran 1,3 MB, melebihi batas 1 MB.", inspection.Error);
    }

    [Fact]
    public void File_a_byte_over_the_limit_does_not_read_as_the_limit_itself()
    {
        var bytes = new byte[UploadOptions.BytesPerMegabyte + 1];
        "%PDF-1.7"u8.CopyTo(bytes);

        Assert.Equal("Berkas 'a.pdf' berukuran 1,1 MB, melebihi batas 1 MB.", Inspect("a.pdf", bytes, UploadOptions.BytesPerMegabyte).Error);
        Assert.True(Inspect("a.pdf", bytes[..^1], UploadOptions.BytesPerMegabyte).IsAccepted);
    }

    [Fact]
    public void Random_zip_named_docx_is_refused()
    {
        var zip = TestFiles.Zip(("catatan.txt", "bukan dokumen Word"), ("word/document.xml", "<w:document/>"));

        var inspection = Inspect("notulen.docx", zip);

        Assert.Equal("Berkas 'notulen.docx' bukan DOCX yang sah: isinya tidak cocok dengan jenis berkasnya.", inspection.Error);
    }

    [Fact]
    public void Corrupt_zip_named_docx_is_refused_without_an_exception()
    {
        var docx = TestFiles.Fixture("perjanjian.docx");

        var inspection = Inspect("perjanjian.docx", docx[..(docx.Length / 2)]);

        Assert.Equal("Berkas 'perjanjian.docx' bukan DOCX yang sah: arsipnya rusak atau tidak lengkap.", inspection.Error);
    }

    [Fact]
    public void Damaged_office_files_never_throw()
    {
        var random = new Random(2026);
        foreach (var fixture in new[] { "perjanjian.docx", "anggaran.xlsx" })
        {
            var original = TestFiles.Fixture(fixture);
            for (var i = 0; i < 300; i++)
            {
                var damaged = (byte[])original.Clone();
                for (var flips = 0; flips < 1 + i % 8; flips++)
                    damaged[4 + random.Next(damaged.Length - 4)] = (byte)random.Next(256);
                var cut = i % 3 == 0 ? damaged[..random.Next(5, damaged.Length)] : damaged;

                var inspection = Inspect(fixture, cut); // an exception here fails the test

                Assert.True(inspection.IsAccepted || inspection.Error.StartsWith($"Berkas '{fixture}' bukan", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Password_protected_office_file_is_refused_with_advice()
    {
        var compoundFile = new byte[512];
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(compoundFile, 0);

        var inspection = Inspect("anggaran.xlsx", compoundFile);

        Assert.Equal("Berkas 'anggaran.xlsx' bukan XLSX yang sah: berkas ini dilindungi kata sandi atau berformat Office lama (.doc/.xls). "
            + "Simpan ulang tanpa kata sandi sebagai XLSX.", inspection.Error);
    }

    [Theory]
    [InlineData("setup.exe", "Jenis berkas '.exe' pada 'setup.exe' tidak diterima. Unggah PDF, DOCX, XLSX, JPG atau PNG.")]
    [InlineData("perjanjian.doc", "Jenis berkas '.doc' pada 'perjanjian.doc' tidak diterima. Unggah PDF, DOCX, XLSX, JPG atau PNG.")]
    [InlineData("laporan.pdf.exe", "Jenis berkas '.exe' pada 'laporan.pdf.exe' tidak diterima. Unggah PDF, DOCX, XLSX, JPG atau PNG.")]
    [InlineData("kontrak", "Berkas 'kontrak' tidak berekstensi. Unggah PDF, DOCX, XLSX, JPG atau PNG.")]
    public void Extension_not_allowed_is_refused(string fileName, string message)
    {
        var inspection = Inspect(fileName, TestFiles.Fixture("nota-kesepakatan.pdf"));

        Assert.Equal(message, inspection.Error);
    }

    [Fact]
    public void Folder_sent_with_the_name_is_left_out_of_the_name()
    {
        var inspection = Inspect(@"C:\Users\Operator\Dokumen\setup.exe", TestFiles.WindowsProgram());

        Assert.Equal("setup.exe", inspection.FileName);
        Assert.StartsWith("Jenis berkas '.exe' pada 'setup.exe'", inspection.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspection_leaves_the_stream_where_it_was_so_it_can_be_saved()
    {
        var stream = new MemoryStream(TestFiles.Fixture("perjanjian.docx"));

        FileInspector.Inspect("perjanjian.docx", stream, Limit);

        Assert.Equal(0, stream.Position);
        Assert.True(stream.CanRead);
    }
}
