using Sinergi.Features.Import;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

/// <summary>What a row says: each problem once, in its most useful words; periods written as years start when the agreement was signed.</summary>
public abstract class ImportRowMessagesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private Task<ImportPlan> PlanCsvAsync(string csv) => app.WithDbAsync(db =>
        ImportPlanner.PlanAsync(db, Demo.Home, "daftar.csv", SpreadsheetReader.Read("daftar.csv", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv)), 1_000_000)));

    private Task<ImportPlan> PlanAsync(string fixture) => app.WithDbAsync(db =>
        ImportPlanner.PlanAsync(db, Demo.Home, fixture, SpreadsheetReader.Read(fixture, new MemoryStream(ImportSteps.Workbook(fixture)), 10_000_000)));

    [Fact]
    public async Task An_empty_title_is_said_once()
    {
        var plan = await PlanCsvAsync("Nomor;Tentang;Mitra;Tanggal\n119/1/M/2025;;Universitas Palangka Raya;3 Maret 2025\n");
        var errors = plan.Rows.Single().Messages.Where(m => m.IsError).ToList();
        Assert.Equal([("Tentang", "Judul kerja sama kosong.")], errors.Select(m => (m.Column, m.Text)));
    }

    [Fact]
    public async Task A_kind_that_cannot_be_told_is_said_once()
    {
        var plan = await PlanCsvAsync("Nomor;Tentang;Tanggal\n119/2/M/2025;Kerja Sama Tanpa Mitra;3 Maret 2025\n");
        var messages = plan.Rows.Single().Messages.Where(m => m.Column is "Jenis kerja sama" or "Mitra").ToList();
        Assert.Equal("Jenis kerja sama tidak dapat ditentukan. Tambahkan kolom \"Jenis\" (KSDD, KSDPK, Sinergi, KSDPL atau KSDLL) atau isi mitranya.", Assert.Single(messages).Text);
        Assert.True(Assert.Single(messages).IsError);

        // With a kind that can be told, the missing partner is said by itself.
        var told = await PlanCsvAsync("Nomor;Tentang;Jenis;Tanggal\n119/5/M/2025;Kerja Sama Tanpa Mitra;KSDPK;3 Maret 2025\n");
        Assert.Equal("Mitra kosong; lengkapi setelah diimpor.", Assert.Single(told.Rows.Single().Messages, m => m.Column == "Mitra").Text);
    }

    [Fact]
    public async Task A_bad_signing_date_is_said_once_without_what_follows_from_it()
    {
        var plan = await PlanCsvAsync("Nomor;Tentang;Mitra;Tanggal Penandatanganan;Jangka Waktu\n119/3/M/2025;Kerja Sama Tanggal Salah;Universitas Palangka Raya;31 Februari 2025;5 tahun\n");
        var row = plan.Rows.Single();

        Assert.Equal([("Tanggal Penandatanganan", "Tanggal \"31 Februari 2025\" tidak ada.")], row.Messages.Where(m => m.IsError).Select(m => (m.Column, m.Text)));
        Assert.DoesNotContain(row.Messages, m => m.Text.Contains("dicatat sebagai draf") || m.Text.Contains("tanggal mulai"));
    }

    [Fact]
    public async Task An_empty_signing_date_still_says_the_row_becomes_a_draft()
    {
        var plan = await PlanCsvAsync("Nomor;Tentang;Mitra;Tanggal Penandatanganan\n119/4/M/2025;Kerja Sama Belum Ditandatangani;Universitas Palangka Raya;\n");
        var row = plan.Rows.Single();
        Assert.Equal(ImportOutcome.Create, row.Outcome);
        Assert.Contains(row.Messages, m => !m.IsError && m.Text == "Tanggal penandatanganan kosong; dicatat sebagai draf.");
    }

    [Fact]
    public async Task A_period_in_years_starts_on_the_signing_date_and_ends_on_the_last_day_of_its_year()
    {
        var plan = await PlanAsync("ttd-libreoffice.xlsx");
        var row = plan.Rows.Single(r => r.Number == "415.4/021/PEM/2023");

        Assert.Equal(new DateOnly(2023, 3, 1), row.Draft!.EffectiveStart);
        Assert.Equal(new DateOnly(2028, 12, 31), row.Draft.EffectiveEnd);
        Assert.Equal("\"2023 s.d. 2028\" dibaca sebagai 1 Januari 2023 sampai 31 Desember 2028. Mulai berlaku 1 Maret 2023, bukan 1 Januari 2023.",
            Assert.Single(row.Messages, m => m.Column == "Jangka Waktu").Text);

        var older = await PlanAsync("daftar-kerja-sama.xlsx");
        Assert.Equal(new DateOnly(2024, 1, 15), older.Rows.Single(r => r.Number == "119/045/DLH/2024").Draft!.EffectiveStart);
    }

    [Fact]
    public async Task A_row_without_a_number_is_warned_and_a_file_without_a_number_column_is_told_once()
    {
        var plan = await PlanAsync("ttd-libreoffice.xlsx");
        var row = plan.Rows.Single(r => r.Title == "Kesepakatan Bersama Magang Mahasiswa");
        Assert.Equal(ImportOutcome.Create, row.Outcome);
        Assert.Equal("Nomor perjanjian kosong; bila berkas ini diimpor lagi, baris ini dikenali dari judul dan tanggal penandatanganannya.",
            Assert.Single(row.Messages, m => m.Column == "Nomor Perjanjian").Text);
        Assert.DoesNotContain(plan.Rows.Where(r => r.Number is not null).SelectMany(r => r.Messages), m => m.Text.StartsWith("Nomor perjanjian kosong", StringComparison.Ordinal));

        var noColumn = await PlanCsvAsync("Tentang;Mitra;Tanggal\nKerja Sama Tanpa Nomor Satu;Universitas Palangka Raya;3 Maret 2025\nKerja Sama Tanpa Nomor Dua;Universitas Palangka Raya;4 Maret 2025\n");
        Assert.DoesNotContain(noColumn.Rows.SelectMany(r => r.Messages), m => m.Text.StartsWith("Nomor perjanjian kosong", StringComparison.Ordinal));
        Assert.Equal("Berkas ini tidak punya kolom nomor perjanjian: bila diimpor lagi, baris dikenali dari judul dan tanggal penandatanganannya.", Assert.Single(noColumn.Notices));
    }
}

public sealed class ImportRowMessagesTestsOnSqlite(SqliteApp app) : ImportRowMessagesTests<SqliteApp>(app);

public sealed class ImportRowMessagesTestsOnPostgres(PostgresApp app) : ImportRowMessagesTests<PostgresApp>(app);
