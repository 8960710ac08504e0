using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;
using Sinergi.Features.Import;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

/// <summary>Hostile and oversized spreadsheets: read as big as their data, or refused with the limit they pass, before memory grows.</summary>
public sealed class SpreadsheetLimitsTests
{
    private static SpreadsheetRead Read(string name, byte[] bytes, ImportOptions? limits = null) =>
        SpreadsheetReader.Read(name, new MemoryStream(bytes), 100_000_000, limits);

    [Fact]
    public void A_workbook_declaring_the_whole_sheet_is_read_as_wide_and_as_long_as_its_data()
    {
        var workbook = HostileFiles.SparseWorkbook("A1:XFD1048576", ("A1", "Nomor"), ("B1", "Tentang"), ("A2", "1/PKS/2025"), ("B2", "Kerja sama air bersih"));

        var read = Read("daftar.xlsx", workbook);

        Assert.True(read.Succeeded, read.Error);
        var rows = read.Sheets[0].Rows;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, r.Length));
        Assert.Equal("Kerja sama air bersih", rows[1][1]);
    }

    [Fact]
    public void The_small_workbook_with_one_cell_at_XFD1048576_is_refused_at_once_with_the_row_limit()
    {
        var workbook = HostileFiles.SparseWorkbook();
        Assert.True(workbook.Length < 2_000, $"the hostile workbook is {workbook.Length} bytes");
        var clock = Stopwatch.StartNew();

        var read = Read("jebakan.xlsx", workbook);

        Assert.False(read.Succeeded);
        Assert.Equal("Berkas 'jebakan.xlsx' tidak dapat diimpor: lembar \"Lembar1\" berisi data sampai baris 1.048.576, padahal paling banyak "
            + "100.000 baris data dapat diimpor sekaligus. Bagi daftarnya menjadi beberapa berkas, lalu impor satu per satu.", read.Error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"refused after {clock.Elapsed}");
    }

    [Fact]
    public void A_cell_past_the_columns_read_is_refused_by_its_name()
    {
        var read = Read("lebar.xlsx", HostileFiles.SparseWorkbook("A1:XFD5", ("A1", "Nomor"), ("XFD5", "catatan")));

        Assert.Contains("berisi data di sel XFD5, di luar 200 kolom pertama yang dapat dibaca", read.Error);
    }

    [Fact]
    public void Limits_are_the_configured_ones()
    {
        // Data rows, after the rows above them where titles and the header may stand.
        var csv = Encoding.UTF8.GetBytes("Nomor;Tentang\n" + string.Concat(Enumerable.Range(1, ImportOptions.TitleRows + 10).Select(i => $"{i}/A;Judul {i}\n")));

        Assert.True(Read("daftar.csv", csv).Succeeded);
        Assert.Contains("berisi data sampai baris 36, padahal paling banyak 5 baris data", Read("daftar.csv", csv, new ImportOptions { MaxRows = 5 }).Error);
        Assert.Contains("lebih dari 15 sel terisi", Read("daftar.csv", csv, new ImportOptions { MaxCells = 15 }).Error);
        Assert.Contains("berisi data di sel B1, di luar 1 kolom pertama", Read("daftar.csv", csv, new ImportOptions { MaxColumns = 1 }).Error);
    }

    [Fact]
    public void Xls_has_the_same_limits()
    {
        var xls = ImportSteps.Workbook("daftar-kerja-sama.xls");

        Assert.True(Read("daftar.xls", xls).Succeeded);
        Assert.Contains("di luar 5 kolom pertama", Read("daftar.xls", xls, new ImportOptions { MaxColumns = 5 }).Error);
        Assert.Contains("lebih dari 20 sel terisi", Read("daftar.xls", xls, new ImportOptions { MaxCells = 20 }).Error);
    }

    [Fact]
    public void A_csv_line_of_a_million_separators_costs_nothing_and_a_value_at_its_end_is_refused()
    {
        var empties = new string(';', 1_000_000);
        var wide = Read("lebar.csv", Encoding.UTF8.GetBytes($"Nomor;Tentang{empties}\n1/A;Judul{empties}\n"));
        Assert.True(wide.Succeeded, wide.Error);
        Assert.All(wide.Sheets[0].Rows, r => Assert.Equal(2, r.Length));

        var far = Read("lebar.csv", Encoding.UTF8.GetBytes($"Nomor;Tentang\n1/A;Judul{empties}catatan\n"));
        Assert.Contains("berisi data di sel ", far.Error);
        Assert.Contains(", di luar 200 kolom pertama", far.Error);
    }

    [Fact]
    public void A_workbook_that_unpacks_past_the_limit_is_refused_before_its_sheets_are_read()
    {
        var workbook = HostileFiles.ManySheetWorkbook(sheets: 4, rows: 20_000);
        Assert.True(workbook.Length < 2 * 1024 * 1024, $"{workbook.Length} bytes");

        var read = Read("besar.xlsx", workbook, new ImportOptions { MaxUnpackedMegabytes = 5 });

        Assert.StartsWith("Berkas 'besar.xlsx' tidak dapat diimpor: isinya setelah dibuka berukuran ", read.Error);
        Assert.Contains("melebihi batas 5,0 MB untuk impor", read.Error);
        Assert.Contains("melebihi batas 5,0 MB untuk impor", Read("besar.csv", new byte[6 * 1024 * 1024], new ImportOptions { MaxUnpackedMegabytes = 5 }).Error);
    }

    [Fact]
    public void A_cell_longer_than_excel_allows_is_refused()
    {
        var workbook = HostileFiles.SparseWorkbook("A1:B2", ("A1", "Tentang"), ("A2", new string('a', 40_000)));

        Assert.Contains("sel A2 pada lembar \"Lembar1\" berisi lebih dari 32.767 karakter", Read("panjang.xlsx", workbook).Error);
        Assert.Contains("sel A2 berisi lebih dari 32.767 karakter", Read("panjang.csv", Encoding.UTF8.GetBytes($"Tentang\n{new string('a', 40_000)}\n")).Error);
    }

    [Theory]
    [InlineData("Import:MaxRows", "0")]
    [InlineData("Import:MaxColumns", "20000")]
    [InlineData("Import:MaxProblemsInAnswer", "0")]
    public async Task A_limit_out_of_range_stops_the_app_at_start(string key, string value)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration[key] = value;
        builder.AddImport();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());
        Assert.Contains(key, error.Message);
    }
}
