using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Agreements;
using Sinergi.Features.Import;
using Sinergi.Features.Opds;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Import;

/// <summary>Planning and saving the messy registry workbooks of Import/Workbooks against the demo region.</summary>
public abstract class ImportPlanTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static SpreadsheetRead Read(string name)
    {
        using var stream = File.OpenRead(ImportSteps.WorkbookPath(name));
        return SpreadsheetReader.Read(name, stream, 10_000_000);
    }

    private Task<ImportPlan> PlanAsync(string file, string region = Demo.Home) =>
        app.WithDbAsync(db => ImportPlanner.PlanAsync(db, region, file, Read(file)));

    [Theory]
    [InlineData("daftar-kerja-sama.xlsx")]
    [InlineData("daftar-kerja-sama.xls")]
    [InlineData("daftar-kerja-sama-tangan.xlsx")]
    [InlineData("daftar-kerja-sama-titik-koma.csv")]
    [InlineData("daftar-kerja-sama-koma.csv")]
    public async Task Every_format_gives_the_same_seven_agreements_with_their_dates(string file)
    {
        var plan = await PlanAsync(file);
        Assert.Null(plan.Error);
        Assert.Equal(7, plan.Rows.Count);
        Assert.All(plan.Rows, r => Assert.Equal(ImportOutcome.Create, r.Outcome));
        var byNumber = plan.Rows.Where(r => r.Number is not null).ToDictionary(r => r.Number!, r => r.Draft!);

        // 15 Januari 2023 + "5 (lima) tahun"
        Assert.Equal((new DateOnly(2023, 1, 15), new DateOnly(2028, 1, 14)), (byNumber["180/012/PEM/2023"].SignedOn!.Value, byNumber["180/012/PEM/2023"].EffectiveEnd!.Value));
        // 15-01-2024 with "2024 s.d. 2027"
        Assert.Equal((new DateOnly(2024, 1, 15), new DateOnly(2027, 12, 31)), (byNumber["119/045/DLH/2024"].SignedOn!.Value, byNumber["119/045/DLH/2024"].EffectiveEnd!.Value));
        // 15/1/2024 + "2 tahun"
        Assert.Equal(new DateOnly(2026, 1, 14), byNumber["119/046/DINKES/2024"].EffectiveEnd);
        // 15 Jan 2022 with "s/d 31 Desember 2027"
        Assert.Equal((new DateOnly(2022, 1, 15), new DateOnly(2027, 12, 31)), (byNumber["180/050/PEM/2022"].SignedOn!.Value, byNumber["180/050/PEM/2022"].EffectiveEnd!.Value));
        // a real date cell (or its text in CSV) + "5 (lima) tahun"
        Assert.Equal((new DateOnly(2025, 3, 1), new DateOnly(2030, 2, 28)), (byNumber["119/060/BPKAD/2025"].SignedOn!.Value, byNumber["119/060/BPKAD/2025"].EffectiveEnd!.Value));
        // 2 Mei 2024 + "4 tahun 6 bulan"
        Assert.Equal(new DateOnly(2028, 11, 1), byNumber["005/UPR/2024"].EffectiveEnd);
        Assert.Equal(2_400_000_000m, byNumber["119/045/DLH/2024"].Value);
    }

    [Fact]
    public async Task Partners_and_opds_are_matched_to_the_directory_and_guesses_are_said()
    {
        var plan = await PlanAsync("daftar-kerja-sama.xlsx");
        var rows = plan.Rows.ToDictionary(r => r.Title!);
        var perbatasan = rows["Perjanjian Kerja Sama Pengelolaan Sampah Regional"];
        Assert.Equal(["Pemerintah Kabupaten Pulang Pisau"], perbatasan.Partners);
        Assert.Equal(["DLH"], perbatasan.Opds);
        Assert.Equal(AgreementKind.Ksdd, perbatasan.Draft!.Kind);
        Assert.Contains(perbatasan.Messages, m => !m.IsError && m.Text.Contains("ditebak dari jenis mitra"));
        Assert.Equal(["Universitas Palangka Raya", "Universitas Muhammadiyah Palangkaraya"], rows["Kesepakatan Bersama Tridharma Perguruan Tinggi"].Partners);
        Assert.Equal(["Setda"], rows["Kesepakatan Bersama tentang Kerja Sama Pembangunan Wilayah Perbatasan"].Opds);
        Assert.Equal(AgreementDocumentType.LoiMou, rows["MoU Kota Bersaudara Palangka Raya - Kuching"].Draft!.DocumentType);
        Assert.Empty(plan.NewPartners);
        Assert.Empty(plan.NewOpds);
        Assert.Equal("Masa Berlaku / Berlaku s.d.", perbatasan.Messages.Single(m => m.Text.Contains("2024 s.d. 2027")).Column);
    }

    [Fact]
    public async Task Saving_is_all_or_nothing_and_importing_again_adds_no_duplicates()
    {
        // Another region imports the same list, so the demo registry of Palangka Raya stays as it is.
        var before = await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.RegionCode == "62.02"));
        var plan = await PlanAsync("daftar-kerja-sama.xlsx", "62.02");
        Assert.Equal(2, plan.NewOpds.Count(o => o.Name is "Sekretariat Daerah" or "DLH"));
        await app.WithDbAsync(db => ImportSaver.SaveAsync(db, "62.02", plan, new Actor(null, "Uji impor")));

        var saved = await app.WithDbAsync(db => db.Agreements.Include(a => a.Partners).Where(a => a.RegionCode == "62.02").ToListAsync());
        Assert.Equal(before + 7, saved.Count);
        Assert.Contains(saved, a => a.Number == "180/012/PEM/2023" && a.Partners.Single().LinkedRegionCode == Demo.PartnerRegion);
        var history = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.RegionCode == "62.02" && e.Action == "Dibuat").CountAsync());
        Assert.Equal(7, history);

        var again = await PlanAsync("daftar-kerja-sama.xlsx", "62.02");
        Assert.All(again.Rows, r => Assert.Equal(ImportOutcome.Unchanged, r.Outcome));
        Assert.Equal("imported=0 updated=0 skipped=7 errors=0", again.Summary);
        Assert.Empty(again.NewPartners);
        Assert.Empty(again.NewOpds);
    }

    [Fact]
    public async Task A_changed_value_updates_the_agreement_it_created_and_says_so()
    {
        var plan = await PlanAsync("daftar-kerja-sama-koma.csv", "62.04");
        await app.WithDbAsync(db => ImportSaver.SaveAsync(db, "62.04", plan, new Actor(null, "Uji impor")));
        var csv = File.ReadAllText(ImportSteps.WorkbookPath("daftar-kerja-sama-koma.csv"))
            .Replace("Rp 2.400.000.000", "Rp 2.650.000.000", StringComparison.Ordinal);
        using var changed = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        var replan = await app.WithDbAsync(db => ImportPlanner.PlanAsync(db, "62.04", "revisi.csv", SpreadsheetReader.Read("revisi.csv", changed, 1_000_000)));

        Assert.Equal("imported=0 updated=1 skipped=6 errors=0", replan.Summary);
        await app.WithDbAsync(db => ImportSaver.SaveAsync(db, "62.04", replan, new Actor(null, "Uji impor")));
        var agreement = await app.WithDbAsync(db => db.Agreements.SingleAsync(a => a.RegionCode == "62.04" && a.Number == "119/045/DLH/2024"));
        Assert.Equal(2_650_000_000m, agreement.Value);
        var change = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityId == agreement.Id && e.Action == "Diubah").SingleAsync());
        Assert.Contains(change.Changes, c => c.Field == "Nilai" && c.Old == "Rp2.400.000.000" && c.New == "Rp2.650.000.000");
        Assert.Contains(change.Changes, c => c.Field == "Sumber" && c.New == "Impor revisi.csv, baris 3");
    }

    [Fact]
    public async Task Several_opds_in_one_cell_are_read_apart_and_new_long_names_get_distinct_short_names()
    {
        // Kabupaten Seruyan (62.05) with three OPDs of its own, one of them with a comma and "dan" in its name.
        await app.WithDbAsync(async db =>
        {
            db.Opds.AddRange(
                new Opd { RegionCode = "62.05", Name = "Dinas Kesehatan", ShortName = "Dinkes" },
                new Opd { RegionCode = "62.05", Name = "Dinas Pendidikan", ShortName = "Disdik" },
                new Opd { RegionCode = "62.05", Name = "Dinas Perumahan, Kawasan Permukiman dan Pertanahan", ShortName = "Disperkimtan" });
            await db.SaveChangesAsync();
        });
        var csv = "Nomor;Tentang;Mitra;Tanggal;OPD Pelaksana\n"
            + "1/A/2025;Layanan Kesehatan Sekolah;Universitas Palangka Raya;2 Mei 2025;Dinkes, Disdik\n"
            + "2/A/2025;Penataan Permukiman;PT Sinar Abadi;3 Mei 2025;Dinas Perumahan, Kawasan Permukiman dan Pertanahan\n"
            + "3/A/2025;Gizi Anak;PT Sinar Abadi;4 Mei 2025;Dinas Pendidikan dan Dinas Kesehatan\n"
            + "4/A/2025;Pariwisata Sungai;PT Sinar Abadi;5 Mei 2025;Dinas Kebudayaan, Kepemudaan, Olahraga dan Pariwisata Kabupaten\n"
            + "5/A/2025;Pariwisata Danau;PT Sinar Abadi;6 Mei 2025;Dinas Kebudayaan, Kepemudaan, Olahraga dan Pariwisata Kota\n"
            + "6/A/2025;Air Limbah;PT Sinar Abadi;7 Mei 2025;Dinkes, UPT Pengelolaan Air Limbah\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        var plan = await app.WithDbAsync(db => ImportPlanner.PlanAsync(db, "62.05", "opd.csv", SpreadsheetReader.Read("opd.csv", stream, 1_000_000)));

        Assert.True(plan.CanSave, string.Join("; ", plan.Rows.SelectMany(r => r.Messages).Select(m => m.Text)));
        Assert.Equal(["Dinkes", "Disdik"], plan.Rows[0].Opds);
        Assert.Equal(["Disperkimtan"], plan.Rows[1].Opds);
        Assert.Equal(["Disdik", "Dinkes"], plan.Rows[2].Opds);
        // A known OPD and a new unit in one cell.
        Assert.Equal(["Dinkes", "UPT Pengelolaan Air Limbah (baru)"], plan.Rows[5].Opds);
        // Two new OPDs whose names begin with the same forty characters, kept whole for their commas.
        Assert.Equal(["Dinas Kebudayaan, Kepemudaan, Olahraga dan Pariwisata Kabupaten", "Dinas Kebudayaan, Kepemudaan, Olahraga dan Pariwisata Kota", "UPT Pengelolaan Air Limbah"],
            plan.NewOpds.Select(o => o.Name));
        var shortNames = plan.NewOpds.Take(2).Select(o => o.ShortName).ToList();
        Assert.Equal(2, shortNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(shortNames, n => Assert.True(n.Length <= 40, n));

        await app.WithDbAsync(db => ImportSaver.SaveAsync(db, "62.05", plan, new Actor(null, "Uji impor")));
        var opds = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == "62.05" && a.Number != null && a.Number.EndsWith("/A/2025"))
            .OrderBy(a => a.Number).Select(a => a.Opds.Count).ToListAsync());
        Assert.Equal([2, 1, 2, 1, 1, 2], opds);
    }

    [Fact]
    public async Task A_row_with_an_unreadable_date_stops_the_whole_file()
    {
        var csv = "Nomor;Tentang;Mitra;Tanggal Penandatanganan;Jangka Waktu\n"
            + "119/1/X/2025;Kerja Sama Baik;Universitas Palangka Raya;12 Maret 2025;2 tahun\n"
            + "119/2/X/2025;Kerja Sama Salah;Universitas Palangka Raya;31 Februari 2025;2 tahun\n";
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
        var plan = await app.WithDbAsync(db => ImportPlanner.PlanAsync(db, Demo.Home, "salah.csv", SpreadsheetReader.Read("salah.csv", stream, 1_000_000)));

        Assert.False(plan.CanSave);
        Assert.Equal(ImportOutcome.Create, plan.Rows[0].Outcome);
        var bad = plan.Rows[1];
        Assert.Equal((3, ImportOutcome.Error), (bad.RowNumber, bad.Outcome));
        Assert.Contains(bad.Messages, m => m.IsError && m.Column == "Tanggal Penandatanganan" && m.Text.Contains("31 Februari 2025"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(db => ImportSaver.SaveAsync(db, Demo.Home, plan, new Actor(null, "Uji"))));
        Assert.Equal(0, await app.WithDbAsync(db => db.Agreements.CountAsync(a => a.Title == "Kerja Sama Baik")));
    }

    [Fact]
    public async Task A_file_without_a_recognisable_header_or_without_data_says_so()
    {
        using var noHeader = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("a;b;c\n1;2;3\n"));
        var plan = await app.WithDbAsync(db => ImportPlanner.PlanAsync(db, Demo.Home, "x.csv", SpreadsheetReader.Read("x.csv", noHeader, 1000)));
        Assert.Contains("judul kolom", plan.Error);

        using var onlyHeader = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("Nomor;Tentang;Mitra\n"));
        var empty = await app.WithDbAsync(db => ImportPlanner.PlanAsync(db, Demo.Home, "y.csv", SpreadsheetReader.Read("y.csv", onlyHeader, 1000)));
        Assert.Equal("Tidak ada baris data di bawah judul kolom.", empty.Error);

        var corrupt = await PlanAsync("rusak.xlsx");
        Assert.Contains("rusak", corrupt.Error);
    }
}

public sealed class ImportPlanTestsOnSqlite(SqliteApp app) : ImportPlanTests<SqliteApp>(app);

public sealed class ImportPlanTestsOnPostgres(PostgresApp app) : ImportPlanTests<PostgresApp>(app);
