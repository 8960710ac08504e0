using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;
using static Sinergi.Features.Agreements.AgreementDocumentType;
using static Sinergi.Features.Agreements.AgreementKind;

namespace Sinergi.Data;

/// <summary>
/// The registry of Kota Palangka Raya in the demo: about forty agreements of every kind, dated
/// relative to the day the demo is loaded so that some have ended, some end within the window,
/// one has not started, one was ended early and one is still a draft. The cooperation is
/// invented; the partners are real institutions one would expect.
/// </summary>
internal static class DemoAgreements
{
    private sealed record PartnerSeed(string Key, PartnerType Type, string Name, string? Region = null, string? Contact = null, string? Address = null);

    private static readonly PartnerSeed[] Partners =
    [
        new("pulpis", PartnerType.PemerintahDaerah, "", "62.11"),
        new("katingan", PartnerType.PemerintahDaerah, "", "62.06"),
        new("gumas", PartnerType.PemerintahDaerah, "", "62.10"),
        new("kapuas", PartnerType.PemerintahDaerah, "", "62.03"),
        new("kalteng", PartnerType.PemerintahDaerah, "", "62"),
        new("banjarmasin", PartnerType.PemerintahDaerah, "", "63.71"),
        new("upr", PartnerType.PerguruanTinggi, "Universitas Palangka Raya", Contact: "Biro Kerja Sama", Address: "Jl. Yos Sudarso, Palangka Raya"),
        new("iain", PartnerType.PerguruanTinggi, "Institut Agama Islam Negeri Palangka Raya", Address: "Jl. G. Obos, Palangka Raya"),
        new("ump", PartnerType.PerguruanTinggi, "Universitas Muhammadiyah Palangkaraya", Address: "Jl. RTA Milono Km 1,5, Palangka Raya"),
        new("bankkalteng", PartnerType.BumnBumd, "PT Bank Pembangunan Daerah Kalimantan Tengah", Address: "Jl. RTA Milono, Palangka Raya"),
        new("bri", PartnerType.BumnBumd, "PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang Palangka Raya"),
        new("pln", PartnerType.BumnBumd, "PT PLN (Persero) UP3 Palangka Raya"),
        new("pos", PartnerType.BumnBumd, "PT Pos Indonesia (Persero) KCU Palangka Raya"),
        new("telkom", PartnerType.BumnBumd, "PT Telkom Indonesia (Persero) Tbk Witel Kalteng"),
        new("bpjskes", PartnerType.KementerianLembaga, "BPJS Kesehatan Cabang Palangka Raya"),
        new("bpjstk", PartnerType.KementerianLembaga, "BPJS Ketenagakerjaan Cabang Palangka Raya"),
        new("dukcapil", PartnerType.KementerianLembaga, "Direktorat Jenderal Kependudukan dan Pencatatan Sipil, Kementerian Dalam Negeri"),
        new("pupr", PartnerType.KementerianLembaga, "Balai Prasarana Permukiman Wilayah Kalimantan Tengah, Kementerian PUPR"),
        new("bps", PartnerType.KementerianLembaga, "Badan Pusat Statistik Kota Palangka Raya"),
        new("kejari", PartnerType.KementerianLembaga, "Kejaksaan Negeri Palangka Raya"),
        new("bpn", PartnerType.KementerianLembaga, "Kantor Pertanahan Kota Palangka Raya"),
        new("bnn", PartnerType.KementerianLembaga, "Badan Narkotika Nasional Kota Palangka Raya"),
        new("bnf", PartnerType.Ormas, "Yayasan Borneo Nature Indonesia"),
        new("wwf", PartnerType.Ormas, "Yayasan WWF Indonesia"),
        new("kuching", PartnerType.LuarNegeri, "Kuching North City Commission, Malaysia"),
        new("jica", PartnerType.LuarNegeri, "Japan International Cooperation Agency (JICA)"),
    ];

    /// <param name="Signed">Months before the demo day it was signed; negative for the future.</param>
    /// <param name="Months">Duration in months from the start.</param>
    /// <param name="EndsIn">When set, days from the demo day to its end, overriding the duration (for "akan berakhir").</param>
    private sealed record Seed(
        string Key, AgreementKind Kind, AgreementDocumentType Type, string Title, string Scope, string[] With, string[] Opds, string[] Urusan,
        int Signed, int Months, decimal? Value = null, FundingSource? Funding = null, string? Parent = null, string? Extends = null,
        int? EndsIn = null, int StartsAfterDays = 0, bool Draft = false, bool Dprd = false, string? TerminatedBecause = null, bool DprdPending = false);

    private static readonly Seed[] Seeds =
    [
        new("kb-pulpis", Ksdd, KesepakatanBersama, "Kerja Sama Pembangunan Wilayah Perbatasan Kota Palangka Raya dan Kabupaten Pulang Pisau",
            "Penyelenggaraan urusan pemerintahan yang berbatasan: persampahan, air minum, dan pemasaran hasil pertanian.", ["pulpis"], ["Setda"], ["4.01"], 30, 60),
        new("pks-sampah", Ksdd, PerjanjianKerjaSama, "Pengelolaan Sampah Regional di Tempat Pemrosesan Akhir Bersama",
            "Pengangkutan dan pemrosesan sampah dari kecamatan perbatasan ke TPA regional.", ["pulpis"], ["DLH"], ["2.11"], 28, 36, 2_400_000_000m, FundingSource.ApbdDanMitra, "kb-pulpis"),
        new("add-sampah", Ksdd, Adendum, "Adendum I Pengelolaan Sampah Regional: Penambahan Armada Pengangkut",
            "Penambahan dua unit truk pengangkut dan jadwal pengangkutan harian.", ["pulpis"], ["DLH"], ["2.11"], 10, 18, 650_000_000m, FundingSource.Apbd, "pks-sampah"),
        new("pks-air", Ksdd, PerjanjianKerjaSama, "Penyediaan Air Bersih Lintas Wilayah", "Penyambungan jaringan pipa distribusi air bersih ke permukiman perbatasan.",
            ["pulpis"], ["DPUPR"], ["1.03"], 26, 48, 5_750_000_000m, FundingSource.Apbd, "kb-pulpis"),
        new("pks-pangan", Ksdd, PerjanjianKerjaSama, "Pemasaran Bersama Produk Pertanian dan Perikanan", "Pasar tani bersama dan distribusi ikan air tawar.",
            ["pulpis"], ["DKPPP"], ["3.27", "3.25"], 24, 24, EndsIn: 40),
        new("kb-upr", Ksdpk, KesepakatanBersama, "Pelaksanaan Tridharma Perguruan Tinggi untuk Pembangunan Daerah",
            "Pendidikan, penelitian dan pengabdian masyarakat yang mendukung RPJMD Kota Palangka Raya.", ["upr"], ["Bapperida"], ["5.05"], 40, 60),
        new("pks-stunting", Ksdpk, PerjanjianKerjaSama, "Kuliah Kerja Nyata Tematik Percepatan Penurunan Stunting",
            "Pendampingan keluarga berisiko stunting oleh mahasiswa KKN di 30 kelurahan.", ["upr"], ["Dinkes", "DP3APPKB"], ["1.02", "2.14"], 14, 12, 350_000_000m, FundingSource.Apbd, "kb-upr", EndsIn: 25),
        new("pks-rdtr", Ksdpk, PerjanjianKerjaSama, "Penyusunan Kajian Rencana Detail Tata Ruang Kawasan Perkotaan",
            "Kajian akademik dan naskah teknis RDTR kawasan pusat kota.", ["upr"], ["Bapperida", "DPUPR"], ["5.01", "1.03"], 20, 18, 890_000_000m, FundingSource.Apbd, "kb-upr"),
        new("pks-magang", Ksdpk, PerjanjianKerjaSama, "Program Magang Mahasiswa di Perangkat Daerah",
            "Penempatan mahasiswa magang di OPD; peserta didaftarkan pada BPJS Ketenagakerjaan.", ["upr"], ["BKPSDM"], ["5.03"], 9, 24, Parent: "kb-upr"),
        new("nk-dukcapil", AgreementKind.Sinergi, NotaKesepakatan, "Pemanfaatan Nomor Induk Kependudukan, Data Kependudukan dan KTP Elektronik",
            "Hak akses data kependudukan untuk verifikasi layanan publik di lingkungan Pemerintah Kota.", ["dukcapil"], ["Disdukcapil"], ["2.12"], 58, 60, EndsIn: 55),
        new("pks-bpjskes", Ksdpk, PerjanjianKerjaSama, "Perluasan Kepesertaan Jaminan Kesehatan bagi Penduduk Kota Palangka Raya",
            "Pendaftaran dan pembayaran iuran PBI daerah untuk penduduk miskin dan rentan.", ["bpjskes"], ["Dinkes"], ["1.02"], 11, 12, 12_500_000_000m, FundingSource.Apbd, EndsIn: 60),
        new("pks-bpjstk", Ksdpk, PerjanjianKerjaSama, "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan dan Peserta Magang",
            "Kepesertaan program JKK dan JKM bagi pekerja bukan penerima upah dan peserta magang.", ["bpjstk"], ["Disnaker"], ["2.07"], 8, 24, 1_200_000_000m, FundingSource.Apbd),
        new("pks-kasda-lama", Ksdpk, PerjanjianKerjaSama, "Layanan Kas Daerah dan Penempatan Uang Daerah",
            "Penunjukan bank sebagai pemegang rekening kas umum daerah.", ["bankkalteng"], ["BPKAD"], ["5.02"], 64, 60),
        new("pks-kasda", Ksdpk, PerjanjianKerjaSama, "Layanan Kas Daerah dan Penempatan Uang Daerah Periode Kedua",
            "Perpanjangan penunjukan bank pemegang rekening kas umum daerah dengan layanan kas digital.", ["bankkalteng"], ["BPKAD"], ["5.02"], 4, 60, Extends: "pks-kasda-lama"),
        new("pks-pajak", Ksdpk, PerjanjianKerjaSama, "Penerimaan Pajak Daerah dan Retribusi Daerah secara Elektronik",
            "Kanal pembayaran QRIS, ATM dan teller untuk PBB-P2, BPHTB dan retribusi.", ["bankkalteng"], ["BPKAD"], ["5.02"], 15, 36),
        new("pks-gaji", Ksdpk, PerjanjianKerjaSama, "Pembayaran Gaji ASN dan Layanan Perbankan Pegawai", "Penyaluran gaji dan tunjangan ASN melalui rekening bank.",
            ["bankkalteng"], ["BPKAD", "BKPSDM"], ["5.02", "5.03"], 19, 36),
        new("pks-kur", Ksdpk, PerjanjianKerjaSama, "Penyaluran Kredit Usaha Rakyat bagi UMKM Binaan", "Kurasi dan rujukan UMKM binaan untuk KUR mikro.",
            ["bri"], ["Diskop UKM"], ["2.17"], 38, 24),
        new("pks-pju", Ksdpk, PerjanjianKerjaSama, "Penerangan Jalan Umum dan Efisiensi Energi", "Penggantian lampu PJU ke LED dan meterisasi jaringan PJU.",
            ["pln"], ["Dishub"], ["2.15", "3.29"], 7, 36, 3_100_000_000m, FundingSource.Apbd),
        new("pks-pos", Ksdpk, PerjanjianKerjaSama, "Pengantaran Dokumen Kependudukan ke Rumah Warga", "Layanan antar KTP-el, KK dan akta ke alamat pemohon.",
            ["pos"], ["Disdukcapil"], ["2.12"], 23, 24, 180_000_000m, FundingSource.Apbd, EndsIn: 80),
        new("pks-smartcity", Ksdpk, PerjanjianKerjaSama, "Pengembangan Kota Cerdas dan Jaringan Internet Publik", "Wi-Fi publik di ruang terbuka dan pusat data kota.",
            ["telkom"], ["Diskominfosantik"], ["2.16"], 13, 36, 4_200_000_000m, FundingSource.Apbd, Dprd: true, DprdPending: true),
        new("pks-aplikasi", Ksdpk, PerjanjianKerjaSama, "Layanan Aplikasi Pelayanan Publik Terintegrasi", "Aplikasi layanan perizinan dan pengaduan terpadu.",
            ["telkom"], ["Diskominfosantik", "DPMPTSP"], ["2.16", "2.18"], 60, 24),
        new("kb-kalteng", Ksdd, KesepakatanBersama, "Penanganan Bencana Banjir serta Kebakaran Hutan dan Lahan",
            "Kesiapsiagaan, pos komando bersama dan pembagian peran dalam tanggap darurat.", ["kalteng"], ["BPBD-PK", "DLH"], ["1.05", "2.11"], 22, 60, Dprd: true),
        new("pks-damkar", Ksdd, PerjanjianKerjaSama, "Pos Pemadam Kebakaran Terpadu di Kawasan Gambut", "Pembangunan dan pengoperasian dua pos pemadam di kawasan rawan karhutla.",
            ["kalteng"], ["BPBD-PK"], ["1.05"], 16, 36, 2_050_000_000m, FundingSource.ApbdDanMitra, "kb-kalteng"),
        new("kb-katingan", Ksdd, KesepakatanBersama, "Pengembangan Pariwisata Terpadu Sungai Kahayan dan Katingan",
            "Promosi bersama, paket wisata dan peningkatan kapasitas pelaku wisata.", ["katingan"], ["Disbudpar"], ["3.26", "2.22"], 18, 60),
        new("pks-susur", Ksdd, PerjanjianKerjaSama, "Paket Wisata Susur Sungai Bersama", "Paket wisata dua hari Palangka Raya–Kasongan.",
            ["katingan"], ["Disbudpar"], ["3.26"], 12, 24, 420_000_000m, FundingSource.Apbd, "kb-katingan"),
        new("kb-gumas", Ksdd, KesepakatanBersama, "Ketahanan Pangan dan Distribusi Komoditas Strategis", "Pasokan beras dan sayuran dari Gunung Mas ke pasar kota.",
            ["gumas"], ["DKPPP"], ["2.09"], 38, 36),
        new("kb-kapuas", Ksdd, KesepakatanBersama, "Pelayanan Kesehatan Rujukan Antardaerah", "Rujukan pasien dan pembiayaan layanan lintas daerah.",
            ["kapuas"], ["Dinkes"], ["1.02"], 27, 60, TerminatedBecause: "Layanan rujukan dialihkan ke rumah sakit rujukan provinsi sesuai kesepakatan para pihak."),
        new("kb-banjarmasin", Ksdd, KesepakatanBersama, "Pertukaran Pengetahuan Tata Kelola Kota Sungai", "Studi tiru, pertukaran pegawai dan forum kota sungai.",
            ["banjarmasin"], ["Bapperida"], ["5.01"], 6, 36),
        new("pks-kejari", Ksdpk, PerjanjianKerjaSama, "Bantuan Hukum, Pertimbangan Hukum dan Tindakan Hukum Lain di Bidang Perdata dan Tata Usaha Negara",
            "Pendampingan hukum oleh Jaksa Pengacara Negara bagi Pemerintah Kota.", ["kejari"], ["Setda"], ["4.01"], 9, 24),
        new("pks-bpn", Ksdpk, PerjanjianKerjaSama, "Percepatan Pendaftaran Tanah Sistematis Lengkap dan Sertifikasi Aset Daerah",
            "Sertifikasi bidang tanah milik Pemerintah Kota dan dukungan PTSL.", ["bpn"], ["Disperkimtan", "BPKAD"], ["2.10", "5.02"], 17, 24, 760_000_000m, FundingSource.Apbd),
        new("pks-bps", Ksdpk, PerjanjianKerjaSama, "Penyediaan Data Statistik Sektoral dan Satu Data Kota", "Pembinaan statistik sektoral OPD dan portal satu data.",
            ["bps"], ["Diskominfosantik", "Bapperida"], ["2.20"], 5, 36),
        new("nk-kotaku", AgreementKind.Sinergi, NotaKesepakatan, "Penanganan Permukiman Kumuh Perkotaan", "Rencana kerja penataan kawasan kumuh di bantaran sungai.",
            ["pupr"], ["Disperkimtan"], ["1.04"], 1, 36, StartsAfterDays: 60),
        new("nk-bnn", AgreementKind.Sinergi, NotaKesepakatan, "Pencegahan dan Pemberantasan Penyalahgunaan dan Peredaran Gelap Narkotika",
            "Sosialisasi, tes urine ASN dan kelurahan bersinar.", ["bnn"], ["Kesbangpol"], ["8.01"], 25, 60),
        new("pks-gambut", Ksdpk, PerjanjianKerjaSama, "Restorasi Gambut dan Edukasi Lingkungan", "Pembasahan kembali lahan gambut dan sekolah lapang.",
            ["bnf"], ["DLH"], ["2.11"], 32, 24),
        new("kb-wwf", Ksdpk, KesepakatanBersama, "Kota Rendah Emisi dan Pengurangan Sampah Plastik", "Bank sampah, pengurangan plastik sekali pakai dan inventarisasi emisi.",
            ["wwf"], ["DLH"], ["2.11"], 3, 36),
        new("pks-iain", Ksdpk, PerjanjianKerjaSama, "Pembinaan Keagamaan dan Pendidikan Karakter Siswa", "Penyuluhan dan pendampingan di sekolah menengah pertama.",
            ["iain"], ["Disdik"], ["1.01"], 10, 24),
        new("pks-ump", Ksdpk, PerjanjianKerjaSama, "Pelatihan Kewirausahaan Pemuda", "Inkubasi usaha rintisan pemuda kota.",
            ["ump"], ["Dispora", "Diskop UKM"], ["2.19", "2.17"], 12, 12, 275_000_000m, FundingSource.Apbd, EndsIn: 18),
        new("loi-kuching", Ksdpl, LoiMou, "Letter of Intent Kerja Sama Kota Bersaudara Palangka Raya – Kuching",
            "Penjajakan kerja sama pariwisata, budaya dan pendidikan.", ["kuching"], ["Setda", "Disbudpar"], ["4.01", "3.26"], 6, 24, Dprd: true),
        new("mou-jica", Ksdll, LoiMou, "Pengembangan Kapasitas Pengelolaan Air Limbah Domestik",
            "Bantuan teknis perencanaan sistem pengelolaan air limbah domestik terpusat.", ["jica"], ["DPUPR"], ["1.03"], 0, 36, Draft: true, Dprd: true),
        new("kb-pulpis-sungai", Ksdd, KesepakatanBersama, "Pengembangan Angkutan Sungai Antardaerah", "Dermaga bersama dan trayek angkutan sungai Kahayan.",
            ["pulpis"], ["Dishub"], ["2.15"], 0, 60, Draft: true),
    ];

    public static async Task SeedAsync(AppDbContext db, string regionCode, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Agreements.IgnoreQueryFilters().AnyAsync(a => a.RegionCode == regionCode, ct))
            return;
        var actor = new Actor(null, "Data demo");
        var partners = new Dictionary<string, Partner>();
        foreach (var seed in Partners)
        {
            var draft = new PartnerDraft { Type = seed.Type, Name = seed.Name == "" ? null : seed.Name, LinkedRegionCode = seed.Region, ContactName = seed.Contact, Address = seed.Address }.Normalized();
            var partner = new Partner { RegionCode = regionCode, Name = "", NormalizedName = "" };
            await draft.ApplyToAsync(db, partner, ct);
            db.Partners.Add(partner);
            partners[seed.Key] = partner;
        }
        await db.SaveChangesAsync(ct);

        var opds = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode).ToDictionaryAsync(o => o.ShortName, ct);
        var saved = new Dictionary<string, Agreement>();
        var number = 0;
        foreach (var seed in Seeds)
        {
            number++;
            var signed = today.AddMonths(-seed.Signed).AddDays(-(number * 3 % 20));
            var starts = signed.AddDays(seed.StartsAfterDays);
            var draft = new AgreementDraft
            {
                Kind = seed.Kind,
                DocumentType = seed.Type,
                Number = seed.Draft ? null : $"{(seed.Type == PerjanjianKerjaSama ? "119" : "180")}/{number:000}/KS-PR/{signed.Year}",
                PartnerNumber = seed.Draft ? null : $"{number + 40:000}/MITRA/{signed.Year}",
                Title = seed.Title,
                Scope = seed.Scope,
                UrusanCodes = seed.Urusan,
                OpdIds = seed.Opds.Select(o => opds[o].Id).ToList(),
                PartnerIds = seed.With.Select(p => partners[p].Id).ToList(),
                SignedOn = seed.Draft ? null : signed,
                StartsOn = seed.Draft ? null : starts,
                EndsOn = seed.Draft ? null : seed.EndsIn is int days ? today.AddDays(days) : null,
                DurationYears = seed.Draft || seed.EndsIn is not null ? null : seed.Months / 12,
                DurationMonths = seed.Draft || seed.EndsIn is not null || seed.Months % 12 == 0 ? null : seed.Months % 12,
                Value = seed.Value,
                Funding = seed.Funding ?? (seed.Value is null ? FundingSource.TanpaBiaya : null),
                DprdApprovalRequired = seed.Dprd,
                DprdApprovedOn = seed.Dprd && !seed.Draft && !seed.DprdPending ? signed.AddDays(-20) : null,
                DprdApprovalNumber = seed.Dprd && !seed.Draft && !seed.DprdPending ? $"17/DPRD/{signed.Year}" : null,
                ParentId = seed.Parent is null ? null : saved[seed.Parent].Id,
                AsDraft = seed.Draft,
            }.Normalized();
            var problems = await draft.ProblemsAsync(db, regionCode, null, ct);
            if (problems.Count > 0)
                throw new InvalidOperationException($"Demo agreement {seed.Key}: {string.Join(" ", problems.SelectMany(p => p.Value))}");

            var agreement = new Agreement { RegionCode = regionCode, Title = "", ExtendsId = seed.Extends is null ? null : saved[seed.Extends].Id };
            db.Agreements.Add(agreement);
            await draft.ApplyToAsync(db, agreement, ct);
            if (seed.TerminatedBecause is not null)
            {
                agreement.Lifecycle = AgreementLifecycle.Diakhiri;
                agreement.TerminatedOn = today.AddMonths(-3);
                agreement.TerminationReason = seed.TerminatedBecause;
            }
            await AgreementHistory.SaveAsync(db, agreement, AuditActions.Created,
                AgreementHistory.Diff(null, await AgreementHistory.SnapshotAsync(db, agreement, ct)), actor, ct: ct);
            saved[seed.Key] = agreement;
        }
    }
}
