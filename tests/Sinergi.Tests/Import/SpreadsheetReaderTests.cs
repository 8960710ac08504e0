using Sinergi.Features.Import;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

/// <summary>Real workbooks, written by LibreOffice, by hand and by Excel-style CSV export (see Workbooks/make_workbooks.py).</summary>
public sealed class SpreadsheetReaderTests
{
    private static SpreadsheetRead Read(string name, long maxBytes = 10_000_000)
    {
        using var stream = File.OpenRead(ImportSteps.WorkbookPath(name));
        return SpreadsheetReader.Read(name, stream, maxBytes);
    }

    [Theory]
    [InlineData("daftar-kerja-sama.xlsx")]
    [InlineData("daftar-kerja-sama.xls")]
    [InlineData("daftar-kerja-sama-tangan.xlsx")]
    [InlineData("daftar-kerja-sama-titik-koma.csv")]
    [InlineData("daftar-kerja-sama-koma.csv")]
    public void Every_format_an_office_saves_is_read_with_its_rows(string file)
    {
        var read = Read(file);
        Assert.True(read.Succeeded, read.Error);
        var rows = read.Sheets[0].Rows;
        var title = rows.Single(r => r.Any(c => c is string s && s.StartsWith("Kesepakatan Bersama tentang Kerja Sama Pembangunan", StringComparison.Ordinal)));
        Assert.Contains("180/012/PEM/2023", title);
        Assert.Contains(rows, r => r.Any(c => c is "Universitas Palangka Raya; Universitas Muhammadiyah Palangkaraya"));
    }

    [Theory]
    [InlineData("daftar-kerja-sama.xlsx")]
    [InlineData("daftar-kerja-sama.xls")]
    [InlineData("daftar-kerja-sama-tangan.xlsx")]
    public void Date_cells_come_back_as_dates(string file)
    {
        var rows = Read(file).Sheets[0].Rows;
        Assert.Contains(rows, r => r.Any(c => c is DateTime d && d == new DateTime(2025, 3, 1)));
    }

    [Fact]
    public void Windows_1252_csv_keeps_its_characters_and_semicolons_split_columns()
    {
        var read = Read("daftar-kerja-sama-titik-koma.csv");
        var header = read.Sheets[0].Rows[0];
        Assert.Equal(["No", "Nomor KB/PKS", "Tentang", "Para Pihak"], header.Take(4).Cast<string>());
        Assert.Equal(11, header.Length);
    }

    [Fact]
    public void Sheet_name_and_title_rows_are_kept_for_the_header_finder()
    {
        var sheet = Read("daftar-kerja-sama.xlsx").Sheets[0];
        Assert.Equal("Kerja Sama 2025", sheet.Name);
        Assert.Equal("DAFTAR KERJA SAMA DAERAH", sheet.Rows[0][0]);
    }

    [Theory]
    [InlineData("rusak.xlsx", "rusak")]
    [InlineData("dilindungi.xls", "dilindungi kata sandi")]
    public void Corrupt_or_protected_workbooks_are_refused_with_a_reason(string file, string reason)
    {
        var read = Read(file);
        Assert.False(read.Succeeded);
        Assert.Contains(reason, read.Error);
        Assert.Contains(file, read.Error);
    }

    [Fact]
    public void Other_kinds_of_file_and_oversized_files_are_refused()
    {
        using var pdf = new MemoryStream("%PDF-1.4"u8.ToArray());
        Assert.Contains("tidak dapat diimpor", SpreadsheetReader.Read("laporan.pdf", pdf, 1000).Error);
        Assert.Contains("melebihi batas", Read("daftar-kerja-sama.xlsx", maxBytes: 100).Error);
        using var empty = new MemoryStream();
        Assert.Contains("kosong", SpreadsheetReader.Read("kosong.csv", empty, 1000).Error);
    }
}
