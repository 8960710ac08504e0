using Sinergi.Infrastructure.Files;

namespace Sinergi.Tests.Infrastructure.Files;

public sealed class FileNamesTests
{
    [Theory]
    // A right-to-left override makes "rapor\u202Eexe.pdf" read as "raporfdp.exe".
    [InlineData("rapor\u202Eexe.pdf", "raporexe.pdf")]
    [InlineData("\u2067laporan\u2069 \u200Fakhir\u200E.pdf", "laporan akhir.pdf")]
    [InlineData("naskah\u0000\u0007\u001B[31m.docx", "naskah[31m.docx")]
    [InlineData("baris\r\nbaru\t.xlsx", "baris baru .xlsx")]
    [InlineData("C:\\Users\\dinkes\\Dokumen\\pks.pdf", "pks.pdf")]
    [InlineData("../../etc/passwd.pdf", "passwd.pdf")]
    [InlineData("  Nota   Kesepakatan.pdf  ", "Nota Kesepakatan.pdf")]
    [InlineData("Perjanjian Kerja Sama – Dinas Kesehatan (final) ✓.pdf", "Perjanjian Kerja Sama – Dinas Kesehatan (final) ✓.pdf")]
    public void Control_and_direction_characters_and_folders_are_removed(string sent, string stored)
    {
        Assert.Equal(stored, FileNames.Clean(sent));
    }

    [Fact]
    public void A_name_longer_than_the_column_is_shortened_and_keeps_its_extension()
    {
        var name = FileNames.Clean(new string('a', 400) + ".pdf");
        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith("aaa.pdf", name);
    }

    [Fact]
    public void A_lone_surrogate_is_dropped_and_a_name_of_nothing_gets_one()
    {
        Assert.Equal("foto.png", FileNames.Clean("fo\uD800to.png"));
        Assert.Equal("berkas", FileNames.Clean("\u202E\u0000"));
        Assert.Equal("berkas", FileNames.Clean(null));
    }

    [Fact]
    public void The_inspector_gives_the_clean_name_of_an_accepted_file()
    {
        var inspection = FileInspector.Inspect("rapor\u202Eexe.pdf", new MemoryStream(TestFiles.Fixture("nota-kesepakatan.pdf")), 1_000_000);
        Assert.True(inspection.IsAccepted, inspection.Error);
        Assert.Equal("raporexe.pdf", inspection.FileName);
    }
}
