using Sinergi.Features.Partners;
using Sinergi.Features.Regions;

namespace Sinergi.Bench.Generator;

/// <summary>Names of the partners a region would have, by type; {0} is the region's place name, {1} its province.</summary>
internal static class PartnerNames
{
    public static readonly IReadOnlyDictionary<PartnerType, string[]> Templates = new Dictionary<PartnerType, string[]>
    {
        [PartnerType.KementerianLembaga] =
        [
            "Badan Pusat Statistik {0}", "Kantor Pertanahan {0}", "Kejaksaan Negeri {0}", "BPJS Kesehatan Cabang {0}",
            "BPJS Ketenagakerjaan Cabang {0}", "Badan Narkotika Nasional {0}", "Balai Wilayah Sungai {1}",
            "Balai Pelaksanaan Jalan Nasional {1}", "Kepolisian Resor {0}", "Kantor Pelayanan Pajak Pratama {0}",
            "Direktorat Jenderal Kependudukan dan Pencatatan Sipil, Kementerian Dalam Negeri", "Badan Riset dan Inovasi Nasional",
            "Balai Prasarana Permukiman Wilayah {1}", "Pengadilan Agama {0}", "Badan Meteorologi, Klimatologi, dan Geofisika Stasiun {0}",
        ],
        [PartnerType.Swasta] =
        [
            "PT {2} {3} {4}", "PT {2} {3} {4}", "CV {2} {3}", "PT {3} {4} {0}", "PT {2} {4} Nusantara",
        ],
        [PartnerType.PerguruanTinggi] =
        [
            "Universitas {1}", "Universitas Muhammadiyah {0}", "Politeknik Negeri {0}", "Institut Agama Islam Negeri {0}",
            "Sekolah Tinggi Ilmu Kesehatan {0}", "Universitas Gadjah Mada", "Institut Teknologi Bandung", "Universitas Indonesia",
            "Institut Pertanian Bogor", "Universitas Terbuka", "Universitas Brawijaya",
        ],
        [PartnerType.BumnBumd] =
        [
            "PT Bank Rakyat Indonesia (Persero) Tbk Kantor Cabang {0}", "PT PLN (Persero) UP3 {0}", "Perumda Air Minum {0}",
            "PT Pos Indonesia (Persero) KCU {0}", "PT Telkom Indonesia (Persero) Tbk Witel {1}", "PT Bank Pembangunan Daerah {1}",
            "PT Bank Negara Indonesia (Persero) Tbk Cabang {0}", "PT Pertamina Patra Niaga Fuel Terminal {0}", "Perumda Pasar {0}",
            "PT Bank Syariah Indonesia Tbk Cabang {0}",
        ],
        [PartnerType.Ormas] =
        [
            "Palang Merah Indonesia {0}", "Yayasan {2} {3}", "Lembaga Amil Zakat Nasional {0}", "Perkumpulan {2} Lestari",
            "Yayasan WWF Indonesia", "Yayasan Borneo Nature Indonesia", "Pramuka Kwartir Cabang {0}", "Lembaga Adat {0}",
        ],
        [PartnerType.LuarNegeri] =
        [
            "Japan International Cooperation Agency (JICA)", "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ)",
            "Korea International Cooperation Agency (KOICA)", "Kuching North City Commission, Malaysia", "United States Agency for International Development (USAID)",
            "Kota Kitakyushu, Jepang", "Provinsi Queensland, Australia", "Kota Fuzhou, Tiongkok", "Kota Perth, Australia",
            "Kota Rotterdam, Belanda", "UNICEF Indonesia",
        ],
    };

    public static readonly string[] Countries = ["Jepang", "Jerman", "Korea Selatan", "Malaysia", "Amerika Serikat", "Jepang", "Australia", "Tiongkok", "Australia", "Belanda", "Indonesia"];

    /// <summary>Words for made-up company and foundation names.</summary>
    public static readonly string[] First = ["Sinar", "Karya", "Mitra", "Cahaya", "Bumi", "Tunas", "Putra", "Sentosa", "Harapan", "Maju", "Borneo", "Rimba", "Samudra", "Mega", "Prima"];

    public static readonly string[] Second = ["Abadi", "Lestari", "Sejahtera", "Mandiri", "Utama", "Perkasa", "Jaya", "Makmur", "Gemilang", "Sentosa", "Bersama", "Persada"];

    public static readonly string[] Third = ["Energi", "Konstruksi", "Teknologi", "Agro", "Logistik", "Medika", "Infrastruktur", "Digital", "Kreasi", "Properti", "Solusi", "Lingkungan"];

    public static readonly string[] ContactNames =
    [
        "Budi Santoso", "Siti Aminah", "Yulius Kristian", "Ahmad Fauzi", "Ratna Sari", "Dedi Kurniawan", "Fitri Handayani", "Markus Ngabut",
        "Nur Aisyah", "Hendrik Saputra", "Wahyu Prasetyo", "Lina Marlina",
    ];

    /// <summary>Kota Palangkaraya → Palangkaraya; Kabupaten Pulang Pisau → Pulang Pisau.</summary>
    public static string Place(Region region) =>
        region.Name.StartsWith("Kota Administrasi ", StringComparison.Ordinal) ? region.Name["Kota Administrasi ".Length..]
        : region.Name.StartsWith("Kota ", StringComparison.Ordinal) ? region.Name["Kota ".Length..]
        : region.Name.StartsWith("Kabupaten ", StringComparison.Ordinal) ? region.Name["Kabupaten ".Length..]
        : region.Name;
}
