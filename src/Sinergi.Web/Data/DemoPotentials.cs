using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Potentials;
using Sinergi.Features.Proposals;
using Sinergi.Features.WorkPlans;

namespace Sinergi.Data;

/// <summary>
/// Palangka Raya's potentials (a dozen, each scored by the demo TKKSD member so the ranked list is
/// full, one already in the proposal "Pengelolaan Bank Sampah Digital"), a few potentials of
/// Pulang Pisau for the province's view, and this year's TKKSD work plan about half done with one
/// activity late. Dated relative to the demo day.
/// </summary>
public static class DemoPotentials
{
    public const string InProposal = "Bank Sampah Kelurahan Langkai";
    public const string InProposalTitle = "Pengelolaan Bank Sampah Digital";

    private sealed record Seed(string Name, string Sector, string Urusan, string Opd, PotentialState State, double? Lat, double? Lng, string? Kecamatan,
        decimal? Value, string? Capacity, string Description, int[] Scores);

    private static readonly Seed[] PalangkaRaya =
    [
        new("Gula Merah Aren Rakumpit", "Pertanian", "3.27", "DKPPP", PotentialState.Dikaji, null, null, "Rakumpit", 2_400_000_000, "120 ton per tahun",
            "Gula merah dari nira aren petani Rakumpit; siap dipasarkan bila kemasan dan sertifikat halal tersedia.", [5, 4, 4, 4, 5]),
        new("Wisata Susur Sungai Kahayan", "Pariwisata", "3.26", "Disbudpar", PotentialState.Ditawarkan, -2.2105, 113.9262, null, 5_000_000_000, "20.000 wisatawan per tahun",
            "Dermaga Flamboyan sebagai titik awal wisata sungai dengan kapal bersama kabupaten tetangga.", [5, 4, 5, 5, 4]),
        new(InProposal, "Lingkungan hidup", "2.11", "DLH", PotentialState.Ditawarkan, -2.1864, 113.8802, null, null, "1,5 ton sampah terpilah per bulan",
            "Bank sampah warga yang dapat dihubungkan dengan pengepul dan industri daur ulang.", [4, 5, 4, 5, 3]),
        new("Kerajinan Rotan dan Anyaman Dayak", "Industri kreatif", "3.31", "Disperdagin", PotentialState.Teridentifikasi, null, null, "Jekan Raya", 900_000_000, null,
            "Perajin rotan dan anyaman dengan motif Dayak; perlu mitra pemasaran daring.", [4, 3, 4, 4, 4]),
        new("Ikan Patin dan Nila Keramba Sabangau", "Perikanan", "3.25", "DKPPP", PotentialState.Dikaji, -2.2891, 113.9455, null, 1_800_000_000, "300 ton per tahun",
            "Budidaya keramba di Sungai Sabangau; pengolahan menjadi ikan asap dan kerupuk.", [4, 4, 3, 4, 4]),
        new("Taman Wisata Alam Bukit Tangkiling", "Pariwisata", "3.26", "Disbudpar", PotentialState.Teridentifikasi, -1.9961, 113.7622, null, null, null,
            "Kawasan bukit batu dan hutan untuk wisata alam dan pendidikan lingkungan.", [3, 3, 4, 4, 3]),
        new("Pasar Kuliner Tepi Sungai", "Perdagangan", "3.30", "Disperdagin", PotentialState.Teridentifikasi, null, null, "Pahandut", null, "150 lapak",
            "Kawasan kuliner malam tepi sungai yang dapat dikelola bersama BUMD dan swasta.", [3, 4, 3, 3, 4]),
        new("Madu Kelulut Hutan Gambut", "Pertanian", "3.27", "DKPPP", PotentialState.Teridentifikasi, null, null, "Sabangau", 600_000_000, "5 ton per tahun",
            "Madu lebah tanpa sengat dari hutan gambut; nilai jual tinggi dan mendukung restorasi gambut.", [4, 3, 4, 3, 3]),
        new("Energi Surya Atap Gedung Pemerintah", "Energi", "2.11", "DLH", PotentialState.Dikaji, -2.2081, 113.9133, null, 3_200_000_000, "1,2 MWp",
            "Atap gedung pemerintah kota yang dapat dipasangi panel surya bersama badan usaha.", [3, 3, 4, 3, 4]),
        new("Pelabuhan Sungai Rambang", "Perhubungan", "2.15", "Dishub", PotentialState.Teridentifikasi, -2.2032, 113.9351, null, null, null,
            "Dermaga barang dan penumpang yang dapat dikembangkan untuk angkutan sungai antardaerah.", [3, 2, 3, 3, 3]),
        new("Klinik Herbal Tanaman Obat Dayak", "Kesehatan", "1.02", "Dinkes", PotentialState.Teridentifikasi, null, null, "Jekan Raya", null, null,
            "Kebun dan pengetahuan tanaman obat Dayak yang dapat diteliti bersama perguruan tinggi.", [2, 2, 3, 3, 3]),
        new("UMKM Kain Batik Benang Bintik", "Industri kreatif", "2.17", "Diskop UKM", PotentialState.Teridentifikasi, null, null, "Pahandut", 750_000_000, "40 perajin",
            "Batik khas Kalimantan Tengah; perlu pelatihan desain dan akses pasar.", [3, 3, 2, 3, 3]),
    ];

    private static readonly Seed[] PulangPisau =
    [
        new("Gula Merah Kelapa Maliku", "Pertanian", "3.27", "Distan", PotentialState.Ditawarkan, -2.8761, 114.0531, null, 1_200_000_000, "60 ton per tahun",
            "Gula merah kelapa rakyat yang dapat dipasarkan bersama Palangka Raya.", []),
        new("Wisata Sungai Kahayan Hilir", "Pariwisata", "3.26", "Disparpora", PotentialState.Teridentifikasi, null, null, "Kahayan Hilir", null, null,
            "Wisata sungai dan desa adat di hilir Kahayan.", []),
        new("Sawah Food Estate Pandih Batu", "Pertanian", "3.27", "Distan", PotentialState.Dikaji, null, null, "Pandih Batu", null, "10.000 hektare",
            "Lahan pertanian pangan dengan irigasi; peluang kerja sama pengolahan beras.", []),
    ];

    public static async Task SeedAsync(AppDbContext db, string regionCode, string neighbourCode, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Potentials.IgnoreQueryFilters().AnyAsync(p => p.RegionCode == regionCode, ct))
            return;
        var tkksd = await db.Users.Where(u => u.Email == "tkksd.palangkaraya@sinergi.test").Select(u => new { u.Id, u.FullName }).SingleOrDefaultAsync(ct);
        var criteria = PotentialSettings.DefaultCriteria;
        var at = DateTime.SpecifyKind(today.AddDays(-14).ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc);
        foreach (var (code, seeds) in new[] { (regionCode, PalangkaRaya), (neighbourCode, PulangPisau) })
        {
            var opds = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == code).ToDictionaryAsync(o => o.ShortName, o => o.Id, ct);
            foreach (var seed in seeds.Where(s => opds.ContainsKey(s.Opd)))
            {
                var potential = new Potential
                {
                    RegionCode = code, Name = seed.Name, Sector = seed.Sector, UrusanCode = seed.Urusan, OpdId = opds[seed.Opd], State = seed.State,
                    Latitude = seed.Lat, Longitude = seed.Lng, Kecamatan = seed.Kecamatan, EstimatedValue = seed.Value, Capacity = seed.Capacity,
                    Description = seed.Description, CreatedByName = "Data demo",
                };
                db.Potentials.Add(potential);
                await db.SaveChangesAsync(ct);
                if (tkksd is not null && seed.Scores.Length == criteria.Count)
                    db.PotentialScores.Add(new PotentialScore
                    {
                        PotentialId = potential.Id, UserId = tkksd.Id, UserName = tkksd.FullName, At = at,
                        Scores = [.. criteria.Select((c, i) => new VoteScore(c.Name, c.Weight, seed.Scores[i]))],
                    });
                if (seed.Name == InProposal && await db.Proposals.IgnoreQueryFilters().Where(p => p.RegionCode == code && p.Title == InProposalTitle)
                        .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct) is int proposalId)
                    db.PotentialProposals.Add(new PotentialProposal { PotentialId = potential.Id, ProposalId = proposalId });
            }
        }
        await db.SaveChangesAsync(ct);
        await SeedWorkPlanAsync(db, regionCode, today, ct);
    }

    /// <summary>This year's plan: activities that ended are done (one is late), one runs now, the rest are still ahead.</summary>
    private static async Task SeedWorkPlanAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct)
    {
        var m = today.Month;
        var past = Math.Max(1, m - 1);
        var opds = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode).ToDictionaryAsync(o => o.ShortName, o => (o.Id, o.Name), ct);
        var tkksd = await db.Users.Where(u => u.Email == "tkksd.palangkaraya@sinergi.test").Select(u => new { u.Id, u.FullName }).SingleOrDefaultAsync(ct);
        (string Title, string? Opd, int Start, int End, string Target, int Progress, string? Note)[] rows =
        [
            ("Penyusunan rencana kerja dan SOP kerja sama", null, 1, 1, "Rencana kerja dan SOP ditetapkan dengan keputusan Sekda", 100, "SOP ditetapkan."),
            ("Inventarisasi dan pemetaan potensi daerah", "Bapperida", 1, Math.Max(1, past - 1), "12 potensi tercatat di Sinergi dengan letak dan bukti", 100, "12 potensi tercatat."),
            ("Sosialisasi SOP kerja sama kepada OPD", null, Math.Min(2, past), past, "29 OPD mengikuti sosialisasi", 100, "Tiga angkatan, 29 OPD hadir."),
            ("Penilaian dan pemeringkatan objek prioritas kerja sama", null, Math.Min(3, past), past, "Peringkat prioritas disampaikan kepada Wali Kota", 100, "Peringkat disampaikan."),
            ("Evaluasi kerja sama semester I", "Bapperida", Math.Min(6, past), past, "Seluruh kerja sama berlaku dievaluasi", 60, "Laporan 3 OPD belum masuk."),
            ("Koordinasi dengan Biro Pemerintahan Provinsi", null, Math.Max(1, m - 1), Math.Min(12, m + 1), "Dua rapat koordinasi dengan provinsi", 50, "Rapat pertama sudah dilaksanakan."),
            ("Penawaran potensi kepada calon mitra", "DPMPTSP", Math.Min(12, m + 1), 12, "Lima potensi ditawarkan dalam forum investasi", 0, null),
            ("Evaluasi kerja sama semester II dan laporan tahunan", "Bapperida", 12, 12, "Laporan tahunan TKKSD kepada Wali Kota", 0, null),
        ];
        foreach (var r in rows)
        {
            var owner = r.Opd is { } shortName && opds.TryGetValue(shortName, out var opd) ? opd : ((int Id, string Name)?)null;
            db.WorkPlanActivities.Add(new WorkPlanActivity
            {
                RegionCode = regionCode, Year = today.Year, Title = r.Title, Target = r.Target, StartMonth = Math.Min(r.Start, r.End), EndMonth = r.End,
                OwnerOpdId = owner?.Id, OwnerUserId = owner is null ? tkksd?.Id : null, OwnerName = owner?.Name ?? tkksd?.FullName ?? "Sekretariat TKKSD",
                Progress = r.Progress, ProgressNote = r.Note,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
