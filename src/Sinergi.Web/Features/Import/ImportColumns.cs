namespace Sinergi.Features.Import;

/// <summary>What a spreadsheet column can hold for an import.</summary>
public enum ImportField
{
    Number,
    PartnerNumber,
    Title,
    Scope,
    Partner,
    PartnerType,
    Kind,
    DocumentType,
    SignedOn,
    StartsOn,
    EndsOn,
    /// <summary>Jangka waktu / masa berlaku: a duration, a range or an end date; read with <see cref="IndonesianDates.ParsePeriod"/>.</summary>
    Period,
    Opd,
    Urusan,
    Value,
    Funding,
    Notes,
    /// <summary>The sheet's own row counter (1, 2, 3…), not the agreement's number.</summary>
    RowNumber,
    /// <summary>Known and deliberately not imported: addresses, contacts, links, status.</summary>
    Ignore,
}

/// <summary>
/// Maps the many names real spreadsheets give a column to an <see cref="ImportField"/>. A header
/// is folded (case, accents, punctuation, spacing) and abbreviations are spelled out
/// (<c>No.</c> → nomor, <c>Tgl</c> → tanggal, <c>TTD</c> → penandatanganan, <c>s.d.</c> →
/// sampai); then ordered rules decide, the first that applies winning, so a specific header
/// ("Nomor Pihak II", "Tanggal Mulai", "Sumber Dana") is never read as its general word
/// ("Nomor", "Tanggal", "Dana").
/// </summary>
public static partial class ImportColumns
{
    public static string Label(ImportField field) => field switch
    {
        ImportField.Number => "Nomor",
        ImportField.PartnerNumber => "Nomor pihak mitra",
        ImportField.Title => "Judul (tentang)",
        ImportField.Scope => "Ruang lingkup",
        ImportField.Partner => "Mitra",
        ImportField.PartnerType => "Jenis mitra",
        ImportField.Kind => "Jenis kerja sama",
        ImportField.DocumentType => "Jenis dokumen",
        ImportField.SignedOn => "Tanggal penandatanganan",
        ImportField.StartsOn => "Tanggal mulai berlaku",
        ImportField.EndsOn => "Tanggal berakhir",
        ImportField.Period => "Jangka waktu / masa berlaku",
        ImportField.Opd => "OPD pelaksana",
        ImportField.Urusan => "Urusan",
        ImportField.Value => "Nilai kerja sama (Rp)",
        ImportField.Funding => "Sumber dana",
        ImportField.Notes => "Keterangan",
        ImportField.RowNumber => "Nomor urut (diabaikan)",
        _ => "Diabaikan",
    };

    /// <summary>Fields that may come from several columns at once (two partner columns, say); the others take one column.</summary>
    public static bool AllowsSeveralColumns(ImportField field) =>
        field is ImportField.Partner or ImportField.Opd or ImportField.Urusan or ImportField.Notes or ImportField.Ignore;

    /// <summary>Headers seen in real lists, by the field they map to; the preview can show them as help.</summary>
    public static IReadOnlyList<string> Examples(ImportField field) => field switch
    {
        ImportField.Number => ["Nomor", "No. Perjanjian", "Nomor KB/PKS", "No. KB/PKS", "Nomor Naskah", "Nomor Dokumen", "Nomor Pihak I", "Nomor Pemda"],
        ImportField.PartnerNumber => ["Nomor Pihak II", "Nomor Pihak Kedua", "No. Mitra", "Nomor Perjanjian Mitra"],
        ImportField.Title => ["Tentang", "Judul", "Judul Kerja Sama", "Perihal", "Uraian", "Uraian Kegiatan", "Nama Kerja Sama", "Objek Kerja Sama"],
        ImportField.Scope => ["Ruang Lingkup", "Lingkup Kerja Sama", "Maksud dan Tujuan"],
        ImportField.Partner => ["Mitra", "Nama Mitra", "Para Pihak", "Pihak Kedua", "Instansi", "Instansi Mitra", "Mitra Kerja Sama", "Kerja Sama Dengan"],
        ImportField.PartnerType => ["Jenis Mitra", "Kategori Mitra", "Status Mitra"],
        ImportField.Kind => ["Jenis Kerja Sama", "Jenis KS", "Kategori", "Klasifikasi Kerja Sama"],
        ImportField.DocumentType => ["Jenis Dokumen", "Bentuk Kerja Sama", "Bentuk Dokumen", "Jenis Naskah", "Jenis Perjanjian"],
        ImportField.SignedOn => ["Tanggal", "Tgl.", "Tanggal Penandatanganan", "Tgl. Penandatanganan", "Tanggal TTD", "Tanggal Tanda Tangan", "Tanggal KB"],
        ImportField.StartsOn => ["Tanggal Mulai", "Mulai Berlaku", "Berlaku Mulai", "Tanggal Berlaku", "TMT", "Mulai"],
        ImportField.EndsOn => ["Tanggal Berakhir", "Berlaku s.d.", "Berlaku Sampai", "Berakhir", "Tanggal Akhir", "Habis Berlaku"],
        ImportField.Period => ["Jangka Waktu", "Masa Berlaku", "Periode", "Durasi", "Lama Kerja Sama", "Jangka Waktu (Tahun)"],
        ImportField.Opd => ["OPD", "Perangkat Daerah", "OPD Pelaksana", "SKPD", "Unit Kerja", "Pelaksana", "Penanggung Jawab", "Instansi Pelaksana"],
        ImportField.Urusan => ["Urusan", "Bidang", "Bidang/Urusan", "Sektor", "Urusan Pemerintahan"],
        ImportField.Value => ["Nilai", "Nilai Kerja Sama (Rp)", "Anggaran", "Biaya", "Nilai Kontrak"],
        ImportField.Funding => ["Sumber Dana", "Sumber Anggaran", "Pembiayaan", "Sumber Pendanaan"],
        ImportField.Notes => ["Keterangan", "Ket.", "Catatan"],
        ImportField.RowNumber => ["No", "No.", "No Urut", "Nomor Urut", "#"],
        _ => ["Alamat Mitra", "Kontak", "Status", "Link Dokumen", "Tahun Anggaran", "Pejabat Penandatangan"],
    };

    private static readonly string[] NotesWords = ["keterangan", "catatan", "remarks", "notes", "note", "informasi tambahan"];
    private static readonly string[] IgnoreWords =
    [
        "alamat", "kontak", "telepon", "telp", "email", "e mail", "surel", "narahubung", "contact", "hp", "file", "tautan", "link", "url",
        "lampiran", "scan", "unggah", "upload", "status", "foto", "koordinat", "lokasi", "realisasi", "evaluasi", "monev", "capaian",
        "dokumentasi", "tahun anggaran", "pejabat", "penandatangan", "menandatangani", "jabatan", "laporan", "progres", "progress", "kondisi",
    ];
    private static readonly string[] FundingWords =
        ["sumber dana", "sumber anggaran", "sumber pembiayaan", "sumber biaya", "sumber pendanaan", "pembiayaan", "pendanaan", "funding", "beban anggaran", "dibebankan", "mata anggaran"];
    private static readonly string[] ValueWords = ["nilai", "anggaran", "biaya", "pagu", "jumlah", "besaran", "rupiah", "value", "amount", "dana", "nominal", "harga"];
    private static readonly string[] SignWords = ["penandatanganan", "ditandatangani", "signed", "signing", "disahkan", "pengesahan"];
    private static readonly string[] NumberWords = ["nomor", "number"];
    private static readonly string[] PartnerSideWords = ["pihak kedua", "pihak ketiga", "mitra", "pihak lain", "partner"];
    private static readonly string[] StartWords = ["mulai", "awal", "sejak", "dari", "tmt", "start"];
    private static readonly string[] EndWords =
        ["berakhir", "akhir", "sampai", "hingga", "selesai", "jatuh tempo", "kedaluwarsa", "kadaluarsa", "kadaluwarsa", "habis", "batas", "end", "expiry", "expired", "until"];
    private static readonly string[] PeriodWords = ["jangka waktu", "masa berlaku", "masa", "periode", "durasi", "lama", "berlaku", "jangka", "waktu", "duration", "period"];
    private static readonly string[] DateWords = ["tanggal", "date"];
    private static readonly string[] TypeWords = ["jenis", "tipe", "kategori", "klasifikasi", "kelompok", "golongan", "pola", "type", "kind", "category"];
    private static readonly string[] PartnerWords =
        ["mitra", "pihak", "para pihak", "instansi", "lembaga", "dengan", "partner", "badan usaha", "perusahaan", "counterpart"];
    private static readonly string[] OpdWords =
    [
        "opd", "skpd", "perangkat daerah", "unit kerja", "pelaksana", "dinas", "satuan kerja", "satker", "penanggung jawab", "pengampu",
        "leading sector", "instansi pelaksana", "instansi teknis", "pengelola", "pic", "pemrakarsa", "pengusul", "inisiator",
    ];
    private static readonly string[] UrusanWords = ["urusan", "bidang", "sektor", "subsektor"];
    private static readonly string[] ScopeWords = ["ruang lingkup", "lingkup", "maksud", "tujuan", "substansi", "isi", "scope", "sasaran"];
    private static readonly string[] TitleWords =
    [
        "tentang", "judul", "perihal", "uraian", "hal", "objek", "kegiatan", "nama kerja sama", "nama perjanjian", "nama kesepakatan",
        "nama dokumen", "materi", "title", "subject", "program", "deskripsi",
    ];
    private static readonly string[] DocumentWords = ["dokumen", "naskah", "bentuk"];
    private static readonly string[] AgreementWords = ["perjanjian", "kesepakatan", "dokumen", "naskah"];

    private static readonly Dictionary<string, ImportField> Exact = new(StringComparer.Ordinal)
    {
        ["kerja sama"] = ImportField.Title,
        ["kerja sama daerah"] = ImportField.Title,
        ["perjanjian"] = ImportField.Title,
        ["status mitra"] = ImportField.PartnerType,
        ["tanggal berlaku"] = ImportField.StartsOn,
    };

    /// <summary>
    /// The field a header names, or null when it names none. "No", "No." and "No Urut" alone are
    /// the sheet's row counter (<see cref="ImportField.RowNumber"/>); "Nomor" and any "No. …" with
    /// more words is the agreement's number.
    /// </summary>
    public static ImportField? Match(string? header)
    {
        var raw = ImportText.Collapse(header);
        if (raw is null || raw.Length > 80)
            return null;
        if (raw.Trim() == "#")
            return ImportField.RowNumber;
        var folded = ImportText.Fold(raw);
        if (folded is "no" or "no urut" or "nomor urut" or "no urt" or "nourut" or "urut" or "no urutan")
            return ImportField.RowNumber;
        var h = Expand(folded);
        if (h.Length == 0 || h.Split(' ').Length > 10)
            return null;
        if (Exact.TryGetValue(h, out var exact))
            return exact;

        bool Has(string[] words) => ImportText.HasAny(h, words);
        var onlyDateWords = h.Split(' ').All(w => StartWords.Contains(w) || EndWords.Contains(w) || PeriodWords.Contains(w) || DateWords.Contains(w));
        var aboutDates = Has(DateWords) || Has(PeriodWords) || onlyDateWords;

        if (Has(NotesWords))
            return ImportField.Notes;
        if (Has(IgnoreWords))
            return ImportField.Ignore;
        if (Has(FundingWords))
            return ImportField.Funding;
        if (Has(ValueWords))
            return ImportField.Value;
        if (Has(SignWords))
            return ImportField.SignedOn;
        if (Has(NumberWords))
            return Has(PartnerSideWords) ? ImportField.PartnerNumber : ImportField.Number;
        if (aboutDates && Has(StartWords) && Has(EndWords))
            return ImportField.Period;
        if (aboutDates && Has(StartWords))
            return ImportField.StartsOn;
        if (aboutDates && Has(EndWords))
            return ImportField.EndsOn;
        if (Has(PeriodWords))
            return ImportField.Period;
        if (Has(DateWords))
            return ImportField.SignedOn;
        if (Has(TypeWords) && Has(PartnerWords))
            return ImportField.PartnerType;
        if (Has(OpdWords))
            return ImportField.Opd;
        if (Has(UrusanWords))
            return ImportField.Urusan;
        if (Has(ScopeWords))
            return ImportField.Scope;
        if (Has(TitleWords))
            return ImportField.Title;
        if (Has(DocumentWords) || (Has(TypeWords) && Has(AgreementWords)))
            return ImportField.DocumentType;
        if (Has(TypeWords))
            return ImportField.Kind;
        if (Has(PartnerWords))
            return ImportField.Partner;
        return null;
    }

    /// <summary>Spells out the abbreviations headers use, on folded text.</summary>
    private static string Expand(string folded)
    {
        var words = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var output = new List<string>(words.Length);
        for (var i = 0; i < words.Length; i++)
        {
            var word = words[i];
            var next = i + 1 < words.Length ? words[i + 1] : null;
            switch (word)
            {
                case "no" or "nmr" or "nomer" or "nr":
                    output.Add("nomor");
                    break;
                case "tgl" or "tg" or "tangal":
                    output.Add("tanggal");
                    break;
                case "ttd" or "tandatangan" or "penandatangananan":
                    output.Add("penandatanganan");
                    break;
                case "tanda" when next == "tangan":
                    output.Add("penandatanganan");
                    i++;
                    break;
                case "kerjasama" or "ks":
                    output.Add("kerja sama");
                    break;
                case "thn" or "th":
                    output.Add("tahun");
                    break;
                case "bln":
                    output.Add("bulan");
                    break;
                case "ket":
                    output.Add("keterangan");
                    break;
                case "obyek":
                    output.Add("objek");
                    break;
                case "pj":
                    output.Add("penanggung jawab");
                    break;
                case "dgn":
                    output.Add("dengan");
                    break;
                case "jml":
                    output.Add("jumlah");
                    break;
                case "sd" or "sampai" or "hingga":
                    output.Add("sampai");
                    if (next == "dengan")
                        i++;
                    break;
                case "s" when next == "d":
                    output.Add("sampai");
                    i++;
                    break;
                case "pihak" when next is "i" or "1" or "kesatu" or "pertama":
                    output.Add("pihak pertama");
                    i++;
                    break;
                case "pihak" when next is "ii" or "2" or "kedua":
                    output.Add("pihak kedua");
                    i++;
                    break;
                case "pihak" when next == "ke" && i + 2 < words.Length && words[i + 2] is "1" or "2" or "3" or "dua" or "tiga":
                    output.Add(words[i + 2] is "1" ? "pihak pertama" : words[i + 2] is "2" or "dua" ? "pihak kedua" : "pihak ketiga");
                    i += 2;
                    break;
                case "rp" or "idr":
                    break;
                default:
                    output.Add(word);
                    break;
            }
        }
        return string.Join(' ', output);
    }
}
