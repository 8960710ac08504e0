namespace Sinergi.Bench.Generator;

/// <summary>
/// A subject of cooperation: the urusan it belongs to, titles for a KB and for the PKS under it,
/// and the phrases its scope and documents are written with. Searching for a topic's words
/// finds mostly its own agreements, as in a real registry.
/// </summary>
internal sealed record Topic(string[] Urusan, string[] Subjects, string[] Phrases);

internal static class Topics
{
    public static readonly Topic[] All =
    [
        new(["2.11"], ["Pengelolaan Sampah Terpadu", "Pengurangan Sampah Plastik Sekali Pakai", "Bank Sampah dan Daur Ulang",
                "Pengangkutan Sampah ke Tempat Pemrosesan Akhir Regional", "Pengolahan Sampah Organik menjadi Kompos"],
            ["pengangkutan sampah", "pemilahan sampah rumah tangga", "bank sampah", "daur ulang plastik", "pengolahan kompos",
                "retribusi kebersihan", "tempat pemrosesan akhir", "TPS3R", "armada truk sampah", "persampahan"]),
        new(["1.03"], ["Penyediaan Air Minum Perpipaan", "Sistem Penyediaan Air Minum Regional", "Sambungan Rumah Air Bersih",
                "Pengelolaan Air Limbah Domestik"],
            ["air minum", "air bersih", "jaringan perpipaan", "sambungan rumah", "instalasi pengolahan air", "SPAM regional",
                "meter air", "kualitas air", "air limbah domestik", "sumur bor"]),
        new(["1.01"], ["Peningkatan Mutu Pendidikan Dasar", "Beasiswa Pendidikan bagi Siswa Berprestasi", "Pelatihan Guru dan Tenaga Kependidikan",
                "Pendidikan Vokasi dan Magang Industri"],
            ["pendidikan dasar", "sekolah", "guru", "siswa", "beasiswa", "kurikulum muatan lokal", "literasi", "tenaga kependidikan",
                "pendidikan vokasi", "madrasah"]),
        new(["1.02"], ["Pelayanan Kesehatan Rujukan", "Jaminan Kesehatan bagi Penduduk Miskin", "Penguatan Puskesmas dan Posyandu",
                "Layanan Ambulans Gawat Darurat Terpadu"],
            ["pelayanan kesehatan", "puskesmas", "rumah sakit rujukan", "pasien", "imunisasi", "tenaga medis", "obat dan alat kesehatan",
                "jaminan kesehatan", "ambulans", "kesehatan masyarakat"]),
        new(["2.14", "1.02"], ["Percepatan Penurunan Stunting", "Pendampingan Keluarga Berisiko Stunting", "Pemenuhan Gizi Balita dan Ibu Hamil"],
            ["stunting", "gizi balita", "ibu hamil", "pendampingan keluarga", "posyandu", "kader kesehatan", "sanitasi", "penimbangan balita",
                "makanan tambahan", "keluarga berisiko stunting"]),
        new(["3.26", "2.22"], ["Pengembangan Destinasi Pariwisata Terpadu", "Promosi Pariwisata dan Festival Budaya", "Pengembangan Desa Wisata",
                "Ekowisata Sungai dan Hutan"],
            ["pariwisata", "destinasi wisata", "wisatawan", "promosi wisata", "homestay", "festival budaya", "kuliner khas",
                "pemandu wisata", "desa wisata", "ekowisata"]),
        new(["1.03", "2.15"], ["Pembangunan Jalan Penghubung Antardaerah", "Pemeliharaan Jalan dan Jembatan di Wilayah Perbatasan",
                "Rehabilitasi Jembatan Gantung Desa"],
            ["jalan", "jembatan", "ruas jalan perbatasan", "pemeliharaan jalan", "pengaspalan", "drainase jalan", "jembatan gantung",
                "akses jalan desa", "konstruksi jembatan", "jalan penghubung"]),
        new(["3.27", "2.09"], ["Rehabilitasi Jaringan Irigasi", "Peningkatan Produksi Padi dan Pertanian", "Penyediaan Benih dan Pupuk bagi Kelompok Tani",
                "Ketahanan Pangan dan Distribusi Komoditas Strategis"],
            ["irigasi", "saluran irigasi", "sawah", "petani", "benih unggul", "pupuk", "panen", "kelompok tani", "alat mesin pertanian",
                "ketahanan pangan"]),
        new(["2.11", "1.05", "3.28"], ["Restorasi Gambut dan Pencegahan Kebakaran Hutan dan Lahan", "Rehabilitasi Mangrove Pesisir",
                "Pengendalian Emisi Gas Rumah Kaca"],
            ["gambut", "restorasi gambut", "pembasahan lahan gambut", "sekat kanal", "kebakaran hutan dan lahan", "karhutla",
                "pemadam kebakaran", "mangrove", "emisi karbon", "reboisasi"]),
        new(["2.17", "3.30"], ["Pemberdayaan UMKM dan Koperasi", "Penyaluran Kredit Usaha Rakyat bagi UMKM", "Pemasaran Digital Produk UMKM",
                "Sertifikasi Halal Produk Usaha Mikro"],
            ["UMKM", "usaha mikro", "koperasi", "kredit usaha rakyat", "pemasaran digital", "produk unggulan", "sertifikasi halal",
                "inkubasi usaha", "kurasi produk", "akses pembiayaan"]),
        new(["2.12"], ["Pemanfaatan Data Kependudukan dan KTP Elektronik", "Pelayanan Akta Kelahiran Terpadu"],
            ["data kependudukan", "KTP elektronik", "nomor induk kependudukan", "akta kelahiran", "kartu keluarga", "verifikasi data",
                "identitas kependudukan digital", "pencatatan sipil"]),
        new(["2.15"], ["Angkutan Umum Antardaerah", "Pengembangan Dermaga dan Angkutan Sungai", "Manajemen Lalu Lintas Perkotaan"],
            ["angkutan umum", "terminal", "dermaga", "trayek", "angkutan sungai", "pelabuhan", "lalu lintas", "penumpang", "bus sekolah"]),
        new(["2.16", "2.20"], ["Pengembangan Kota Cerdas", "Satu Data dan Statistik Sektoral", "Sistem Pemerintahan Berbasis Elektronik"],
            ["jaringan internet", "aplikasi layanan publik", "satu data", "statistik sektoral", "pusat data", "keamanan informasi",
                "SPBE", "Wi-Fi publik", "transformasi digital"]),
        new(["5.02"], ["Layanan Kas Daerah", "Penerimaan Pajak Daerah secara Elektronik", "Elektronifikasi Transaksi Pemerintah Daerah"],
            ["kas daerah", "rekening kas umum daerah", "pajak daerah", "retribusi daerah", "QRIS", "pembayaran non-tunai", "gaji ASN",
                "penerimaan daerah"]),
        new(["5.03", "5.04"], ["Pengembangan Kompetensi Aparatur Sipil Negara", "Pendidikan dan Pelatihan Kepemimpinan"],
            ["aparatur sipil negara", "pelatihan", "diklat kepemimpinan", "kompetensi pegawai", "tugas belajar", "magang ASN"]),
        new(["5.05", "5.01"], ["Pelaksanaan Tridharma Perguruan Tinggi", "Kajian Akademik Perencanaan Pembangunan Daerah", "Riset dan Inovasi Daerah"],
            ["penelitian", "kajian akademik", "inovasi daerah", "pengabdian masyarakat", "kuliah kerja nyata", "mahasiswa", "survei",
                "perencanaan pembangunan"]),
        new(["3.29"], ["Penerangan Jalan Umum dan Efisiensi Energi", "Pembangkit Listrik Tenaga Surya Desa"],
            ["listrik", "penerangan jalan umum", "lampu LED", "panel surya", "energi terbarukan", "efisiensi energi", "meterisasi"]),
        new(["3.25"], ["Pengembangan Budidaya Ikan Air Tawar", "Pemberdayaan Nelayan dan Perikanan Tangkap"],
            ["budidaya ikan", "nelayan", "keramba", "benih ikan", "pakan ikan", "tempat pelelangan ikan", "perikanan tangkap"]),
        new(["2.07", "1.06"], ["Perlindungan Jaminan Sosial Ketenagakerjaan", "Pelatihan Kerja dan Penempatan Tenaga Kerja",
                "Rehabilitasi Sosial Penyandang Disabilitas"],
            ["tenaga kerja", "jaminan sosial ketenagakerjaan", "pelatihan kerja", "pencari kerja", "bantuan sosial", "penyandang disabilitas",
                "lanjut usia"]),
        new(["4.01", "8.01", "1.05"], ["Bantuan Hukum Perdata dan Tata Usaha Negara", "Pencegahan Penyalahgunaan Narkotika"],
            ["bantuan hukum", "pertimbangan hukum", "jaksa pengacara negara", "narkotika", "ketertiban umum", "penyuluhan hukum"]),
        new(["2.10", "1.04"], ["Sertifikasi Aset Tanah Pemerintah Daerah", "Penanganan Permukiman Kumuh", "Bedah Rumah Tidak Layak Huni"],
            ["sertifikat tanah", "aset daerah", "pendaftaran tanah sistematis lengkap", "permukiman kumuh", "rumah tidak layak huni",
                "prasarana permukiman"]),
        new(["2.18"], ["Promosi Investasi dan Kemudahan Perizinan", "Pengembangan Kawasan Industri"],
            ["investasi", "perizinan berusaha", "penanaman modal", "kawasan industri", "promosi investasi", "investor"]),
    ];

    public static readonly string[] Qualifiers =
    [
        "", "", " Lintas Wilayah", " Berbasis Digital", " di Wilayah Perbatasan", " bagi Masyarakat {0}", " di {0}", " Tahap II",
        " Berkelanjutan", " Terpadu",
    ];

    public static readonly string[] AddendumChanges =
    [
        "Perubahan Jangka Waktu", "Penambahan Lingkup Pekerjaan", "Perubahan Nilai Kerja Sama", "Penyesuaian Jadwal Pelaksanaan",
        "Penambahan Lokasi Kegiatan",
    ];

    public static readonly string[] TerminationReasons =
    [
        "Para pihak sepakat mengakhiri kerja sama karena tujuan kerja sama telah tercapai.",
        "Kegiatan dialihkan kepada pemerintah provinsi sesuai pembagian urusan.",
        "Mitra tidak dapat melanjutkan kewajibannya karena perubahan kebijakan internal.",
        "Anggaran untuk kegiatan ini tidak tersedia pada tahun berjalan.",
    ];
}
