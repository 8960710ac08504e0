namespace Sinergi.Tests.Testing;

/// <summary>
/// The facts of the demo data (src/Sinergi.Web/Data/DemoData.cs, DemoAgreements.cs) that tests rely
/// on, named once here. A test that needs one names it from here, so a change to the demo shows
/// which tests it touches.
/// </summary>
public static class Demo
{
    public const string Password = "SinergiDemo2026";

    /// <summary>Kota Palangka Raya: the demo's home region, with 29 OPDs and about forty agreements.</summary>
    public const string Home = "62.71";

    /// <summary>Kabupaten Pulang Pisau: a partner region, party to Palangka Raya's KSDD (the KB and its PKS).</summary>
    public const string PartnerRegion = "62.11";

    /// <summary>Provinsi Kalimantan Tengah, over both.</summary>
    public const string Province = "62";

    /// <summary>Demo accounts, each with <see cref="Password"/>.</summary>
    public static class Accounts
    {
        public const string Admin = "admin.palangkaraya@sinergi.test";
        public const string Tkksd = "tkksd.palangkaraya@sinergi.test";
        /// <summary>Operator OPD of Dinas Kesehatan (<see cref="Opds.Dinkes"/>).</summary>
        public const string DinkesOperator = "dinkes.palangkaraya@sinergi.test";
        /// <summary>Operator OPD of Dinas Kebudayaan dan Pariwisata (<see cref="Opds.Disbudpar"/>).</summary>
        public const string DisbudparOperator = "disbudpar.palangkaraya@sinergi.test";
        /// <summary>The Sekda: Pimpinan of the home region.</summary>
        public const string Pimpinan = "sekda.palangkaraya@sinergi.test";
        public const string PartnerRegionAdmin = "admin.pulangpisau@sinergi.test";
        public const string ProvinceAdmin = "admin.kalteng@sinergi.test";
        /// <summary>Pengawas of the province: reads 62 and every 62.xx.</summary>
        public const string ProvinceOverseer = "pengawas.kalteng@sinergi.test";
        /// <summary>Pengawas of the ministry: reads every region.</summary>
        public const string NationalOverseer = "pengawas.kemendagri@sinergi.test";
        public const string SystemAdmin = "sysadmin@sinergi.test";
    }

    /// <summary>Short names of the home region's OPDs that tests name.</summary>
    public static class Opds
    {
        public const string Dinkes = "Dinkes";
        public const string Disbudpar = "Disbudpar";
        public const string Dlh = "DLH";
    }

    /// <summary>
    /// Monev of the home region: its agreements in force have their last two ended periods reported, most
    /// on time; every fifth misses its latest report (overdue), some latest reports are still drafts.
    /// The region's monev starts on the first day of the semester a year before the demo day, so those
    /// two semesters are the only ended ones; admin evaluations are on the earlier of them (last year's),
    /// and <see cref="Agreements.Formalitas"/> is flagged formalitas.
    /// </summary>
    public static class Monev
    {
        public const int MinimumSubmitted = 20;
        public const int MinimumOverdue = 3;
    }

    /// <summary>Interns on the <see cref="Agreements.Stunting"/> PKS with Universitas Palangka Raya, placed in Dinkes: four, one not registered with BPJS Ketenagakerjaan.</summary>
    public static class Participants
    {
        public const string Unregistered = "Siti Nurhaliza Putri";
    }

    /// <summary>
    /// Palangka Raya's TKKSD (Data/DemoTkksd.cs): an SK whose term ends in 60 days, the Sekda as chair, the admin as
    /// secretary, the TKKSD account as member, a former member (ended 120 days ago), two past meetings with approved
    /// notulen, and one overdue action item owned by the Dinkes operator.
    /// </summary>
    public static class Tkksd
    {
        public const string FormerMember = "Agus Setiawan";
        public const string OverdueAction = "Menyusun kajian kelayakan pengelolaan sampah regional bersama Pulang Pisau";
    }

    /// <summary>Home-region agreements whose particular facts tests rely on.</summary>
    public static class Agreements
    {
        /// <summary>A PKS under the KB with Pulang Pisau, run by DLH, shared with Pulang Pisau.</summary>
        public const string SharedWaste = "Pengelolaan Sampah Regional di Tempat Pemrosesan Akhir Bersama";
        /// <summary>A PKS with Universitas Palangka Raya run by Dinkes (and DP3APPKB); the only one with "stunting" in it; ends within the window.</summary>
        public const string Stunting = "Kuliah Kerja Nyata Tematik Percepatan Penurunan Stunting";
        /// <summary>A draft KB with Pulang Pisau, run by Dishub: not shared with Pulang Pisau until it is signed.</summary>
        public const string SharedDraft = "Pengembangan Angkutan Sungai Antardaerah";
        /// <summary>A Nota Kesepakatan with BNN in force for about two years with no monev report at all: the demo's formalitas.</summary>
        public const string Formalitas = "Pencegahan dan Pemberantasan Penyalahgunaan dan Peredaran Gelap Narkotika";
        /// <summary>A PKS with Katingan run by Disbudpar, APBD-funded, in force this year, with no budget line: "belum terintegrasi".</summary>
        public const string NoBudget = "Paket Wisata Susur Sungai Bersama";
        /// <summary>Run by Disnaker, APBD-funded, in force, with no budget line either.</summary>
        public const string NoBudgetToo = "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Pekerja Rentan dan Peserta Magang";
        /// <summary>APBD and partner funding; its only budget lines are the partner's.</summary>
        public const string PartnerLineOnly = "Pos Pemadam Kebakaran Terpadu di Kawasan Gambut";
        /// <summary>APBD-funded, marked as needing DPRD approval, none recorded.</summary>
        public const string DprdPending = "Pengembangan Kota Cerdas dan Jaringan Internet Publik";
        /// <summary>Last year's realisation was 55% of plan.</summary>
        public const string LowRealisation = "Penyediaan Air Bersih Lintas Wilayah";
        /// <summary>Run by Disdukcapil with PT Pos; ends 80 days after the demo day.</summary>
        public const string Ends80 = "Pengantaran Dokumen Kependudukan ke Rumah Warga";
        /// <summary>Has APBD lines for last year and this year (Dinkes, urusan 1.02); ends 60 days after the demo day.</summary>
        public const string Budgeted = "Perluasan Kepesertaan Jaminan Kesehatan bagi Penduduk Kota Palangka Raya";
    }

    /// <summary>Palangka Raya's demo proposals (src/Sinergi.Web/Data/DemoProposals.cs).</summary>
    public static class Proposals
    {
        /// <summary>The tracking code of the KSDPK offer from PT Surya Borneo Energi, in validation.</summary>
        public const string TrackingCode = "LCK-DEMOPKY26";
        public const string FromOffer = "Panel Surya Atap Gedung Pemerintah Kota";
        /// <summary>Not in the APBD and burdening the public: waiting for DPRD approval (DLH).</summary>
        public const string Dprd = "Instalasi Pengolahan Air Limbah Komunal";
        /// <summary>Returned once for revision and resubmitted: in validation, round 2 (Dinkes).</summary>
        public const string Returned = "Pemeriksaan Kesehatan Gratis di Kelurahan";
        public const string Rejected = "Pembangunan Kolam Renang Kota";
        /// <summary>Became the <see cref="Agreements.Stunting"/> PKS.</summary>
        public const string Completed = "Kuliah Kerja Nyata Tematik Percepatan Penurunan Stunting";
        /// <summary>A PKS started from the KB with Universitas Palangka Raya (Dinkes), in penyusunan PKS.</summary>
        public const string FromKb = "Penelitian Bersama Gizi Anak Sekolah";
        /// <summary>Disbudpar's KSDD in KB signing for 40 days: past its 30-day deadline.</summary>
        public const string Overdue = "Promosi Wisata Susur Sungai Kahayan";
        /// <summary>Disbudpar's proposals: the Dinkes operator sees none of them.</summary>
        public const string OtherOpd = "Festival Budaya Isen Mulang Bersama Sanggar Seni";
    }

    /// <summary>Potentials (Data/DemoPotentials.cs): a dozen in the home region, each scored once by the demo TKKSD member; three in Pulang Pisau.</summary>
    public static class Potentials
    {
        /// <summary>Ranked first, weighted score 93,0.</summary>
        public const string Best = "Wisata Susur Sungai Kahayan";
        public const string BestScore = "93,0";
        /// <summary>Gula merah (urusan 3.27) known by its kecamatan; Pulang Pisau, its neighbour, has gula merah too.</summary>
        public const string GulaMerah = "Gula Merah Aren Rakumpit";
        public const string PulangPisau = "Gula Merah Kelapa Maliku";
    }
}
