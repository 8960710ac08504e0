using Sinergi.Features.Import;
using static Sinergi.Features.Import.ImportField;

namespace Sinergi.Tests.Import;

public sealed class HeaderDetectionTests
{
    private static IReadOnlyList<IReadOnlyList<string?>> Sheet(params string?[][] rows) => rows;

    [Fact]
    public void Header_under_title_rows_is_found_in_row_6_with_the_no_column_as_a_counter()
    {
        var sheet = Sheet(
            ["DAFTAR KERJA SAMA DAERAH KOTA PALANGKA RAYA TAHUN 2024", null, null, null, null, null, null, null],
            ["BAGIAN PEMERINTAHAN SEKRETARIAT DAERAH KOTA PALANGKA RAYA"],
            [],
            ["Keadaan s.d. 31 Desember 2024", null, null],
            [null, null, null, null, null, null, null, null],
            ["No", "Nomor Perjanjian", "Tentang", "Mitra", "Tanggal Penandatanganan", "Jangka Waktu", "OPD Pelaksana", "Keterangan"],
            ["1", "119/PKS/PEM/2024", "Penyelenggaraan Tri Dharma Perguruan Tinggi", "Universitas Palangka Raya", "15 Januari 2024", "5 (lima) tahun", "Dinas Pendidikan", null],
            ["2", "03/KB/PEM/2023", "Kesepakatan Bersama tentang Pengelolaan Sampah", "Kabupaten Pulang Pisau", "2 Maret 2023", "2023 s.d. 2028", "Dinas Lingkungan Hidup", "Perpanjangan"],
            ["3", "12/PKS/2024", "Layanan Perbankan Daerah", "PT Bank Pembangunan Daerah Kalimantan Tengah", "45292", "3 tahun", "Badan Keuangan Daerah", null]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.True(header.Found);
        Assert.Null(header.Error);
        Assert.Equal(5, header.HeaderRow);
        Assert.Equal(1, header.HeaderRowCount);
        Assert.Equal(6, header.FirstDataRow);
        Assert.Equal(
            new Dictionary<int, ImportField>
            {
                [0] = RowNumber,
                [1] = Number,
                [2] = Title,
                [3] = Partner,
                [4] = SignedOn,
                [5] = Period,
                [6] = Opd,
                [7] = Notes,
            },
            header.Mapping);
        Assert.Equal("Nomor Perjanjian", header.Columns[1].Header);
        Assert.Empty(header.Unmapped);
        Assert.Empty(header.Warnings);
    }

    [Fact]
    public void Merged_group_headers_over_sub_headers_are_read_as_one_two_row_header()
    {
        var sheet = Sheet(
            ["REKAPITULASI KERJA SAMA PEMERINTAH PROVINSI KALIMANTAN TENGAH"],
            [],
            ["No", "Nomor", null, "Judul Kerja Sama", "Para Pihak", "Jangka Waktu", null, "Perangkat Daerah", "Nilai Kerja Sama (Rp)"],
            [null, "Pihak I", "Pihak II", null, null, "Mulai", "Berakhir", null, null],
            ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
            ["1", "100/KB/2024", "05/UPR/2024", "Pengembangan SDM", "Universitas Palangka Raya", "1 Februari 2024", "31 Januari 2029", "BKPSDM", "Rp 0"]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal(2, header.HeaderRow);
        Assert.Equal(2, header.HeaderRowCount);
        Assert.Equal(5, header.FirstDataRow);
        Assert.Equal(
            new Dictionary<int, ImportField>
            {
                [0] = RowNumber,
                [1] = Number,
                [2] = PartnerNumber,
                [3] = Title,
                [4] = Partner,
                [5] = StartsOn,
                [6] = EndsOn,
                [7] = Opd,
                [8] = Value,
            },
            header.Mapping);
        Assert.Equal("Nomor / Pihak I", header.Columns[1].Header);
        Assert.Equal("Nomor / Pihak II", header.Columns[2].Header);
        Assert.Equal("Jangka Waktu / Mulai", header.Columns[5].Header);
        Assert.Equal("Jangka Waktu / Berakhir", header.Columns[6].Header);
        Assert.Equal("No", header.Columns[0].Header);
    }

    [Fact]
    public void A_report_with_upper_case_headers_line_breaks_and_a_column_numbering_row_is_read()
    {
        var sheet = Sheet(
            ["LAPORAN KERJA SAMA DAERAH"],
            ["PEMERINTAH KABUPATEN KAPUAS"],
            ["SEMESTER I TAHUN 2024"],
            ["NO", "JENIS KERJA SAMA", "NOMOR DAN TANGGAL KB/PKS", "TENTANG / OBJEK", "PARA PIHAK", "JANGKA\nWAKTU", "NILAI\n(Rp)", "KETERANGAN"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
            ["1", "KSDD", "01/KB/2024, 2 Januari 2024", "Pengelolaan Sampah", "Kabupaten Kapuas dan Kota Palangka Raya", "5 tahun", "-", null]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal(3, header.HeaderRow);
        Assert.Equal(1, header.HeaderRowCount);
        Assert.Equal(5, header.FirstDataRow);
        Assert.Equal([RowNumber, Kind, Number, Title, Partner, Period, Value, Notes], header.Columns.Select(c => c.Field!.Value));
        Assert.Equal("JANGKA WAKTU", header.Columns[5].Header);
    }

    [Fact]
    public void A_tanggal_group_over_signing_start_and_end_maps_three_date_columns()
    {
        var sheet = Sheet(
            ["No", "Uraian Kerja Sama", "Mitra", "Tanggal", null, null, "Pelaksana"],
            [null, null, null, "Penandatanganan", "Mulai", "Berakhir", null],
            ["1", "Kesepakatan Bersama Pariwisata", "Kota Banjarmasin", "1/2/2024", "1/2/2024", "31/1/2029", "Dispar"]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal(2, header.HeaderRowCount);
        Assert.Equal([RowNumber, Title, Partner, SignedOn, StartsOn, EndsOn, Opd], header.Columns.Select(c => c.Field!.Value));
    }

    [Fact]
    public void Headers_exported_with_underscores_are_read()
    {
        var header = ImportColumns.FindHeader(Sheet(["nomor_perjanjian", "judul", "mitra", "tanggal_mulai", "tanggal_berakhir", "nilai"]));
        Assert.Equal([Number, Title, Partner, StartsOn, EndsOn, Value], header.Columns.Select(c => c.Field!.Value));
        Assert.Equal(1, header.FirstDataRow);
    }

    [Fact]
    public void A_group_header_over_partner_details_maps_each_sub_column()
    {
        var sheet = Sheet(
            ["No", "Nomor KB/PKS", "Tentang", "Mitra", null, null, "Masa Berlaku"],
            [null, null, null, "Nama", "Jenis", "Alamat", null],
            ["1", "01/PKS/2025", "Magang Mahasiswa", "Universitas Muhammadiyah Palangkaraya", "Perguruan Tinggi", "Jl. RTA Milono", "2 tahun"]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal(0, header.HeaderRow);
        Assert.Equal(2, header.HeaderRowCount);
        Assert.Equal(2, header.FirstDataRow);
        Assert.Equal([RowNumber, Number, Title, Partner, PartnerType, Ignore, Period], header.Columns.Select(c => c.Field!.Value));
    }

    [Fact]
    public void A_title_row_spanning_the_sheet_is_not_taken_for_a_group_header()
    {
        var sheet = Sheet(
            ["DAFTAR KERJA SAMA", null, null, null],
            ["No", "Nomor", "Tentang", "Mitra"],
            ["1", "01/KB/2025", "Pariwisata", "Kota Banjarmasin"]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal(1, header.HeaderRow);
        Assert.Equal(1, header.HeaderRowCount);
        Assert.Equal(2, header.FirstDataRow);
    }

    [Fact]
    public void A_no_column_holding_agreement_numbers_is_read_as_the_number()
    {
        var sheet = Sheet(
            ["No", "Judul", "Mitra", "Tanggal"],
            ["119/PKS/2024", "Penyediaan Air Bersih", "PDAM Kota Palangka Raya", "15/01/2024"],
            ["120/PKS/2024", "Layanan Kesehatan", "BPJS Kesehatan", "16/01/2024"]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal(Number, header.Mapping[0]);
        Assert.Equal("Kolom \"No\" berisi nomor perjanjian (misalnya 119/PKS/2024); dibaca sebagai Nomor, bukan nomor urut.", Assert.Single(header.Warnings));
    }

    [Fact]
    public void A_nomor_column_holding_only_1_2_3_is_read_as_the_counter()
    {
        var sheet = Sheet(
            ["Nomor", "Nomor Perjanjian", "Perihal", "Pihak Kedua"],
            ["1", "119/PKS/2024", "Air Bersih", "PDAM"],
            ["2", "120/PKS/2024", "Kesehatan", "BPJS Kesehatan"],
            ["3.", "121/PKS/2024", "Pendidikan", "Universitas Palangka Raya"]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal(RowNumber, header.Mapping[0]);
        Assert.Equal(Number, header.Mapping[1]);
        Assert.Equal([1], header.ColumnsOf(Number));
        Assert.Contains("dibaca sebagai nomor urut", Assert.Single(header.Warnings));
    }

    [Fact]
    public void The_row_with_most_recognised_headers_wins_over_a_data_row_that_looks_like_one()
    {
        var sheet = Sheet(
            ["Nomor", "Tentang", "Mitra", "OPD", "Keterangan"],
            ["Nomor 5 tahun 2024", "Kesepakatan Bersama tentang Pariwisata", "Dinas Pariwisata", "Dinas Kebudayaan", "catatan"]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal(0, header.HeaderRow);
        Assert.Equal(1, header.FirstDataRow);
    }

    [Fact]
    public void Two_columns_for_one_field_are_a_warning()
    {
        var sheet = Sheet(
            ["Nomor", "Judul", "Tanggal", "Tgl. Penandatanganan", "Mitra", "Pihak Kedua"],
            ["1/KB/2024", "Pariwisata", "1-1-2024", "1-1-2024", "Kota A", "Kota B"]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal([2, 3], header.ColumnsOf(SignedOn));
        Assert.Equal([4, 5], header.ColumnsOf(Partner));
        Assert.Equal("Kolom \"Tanggal\" dan \"Tgl. Penandatanganan\" sama-sama dibaca sebagai Tanggal penandatanganan; periksa pemetaan kolom.", Assert.Single(header.Warnings));
    }

    [Fact]
    public void Unknown_headers_and_data_under_an_empty_header_are_left_for_the_person_to_map()
    {
        var sheet = Sheet(
            ["No", "Nomor", "Tentang", "Mitra", "Kode Arsip"],
            ["1", "01/KB/2025", "Pariwisata", "Kota Banjarmasin", "A-17", "lampiran 3"]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.Equal([new HeaderColumn(4, "Kode Arsip", null), new HeaderColumn(5, "", null)], header.Unmapped);
        Assert.False(header.Mapping.ContainsKey(4));
    }

    [Fact]
    public void A_sheet_without_a_header_says_so_in_indonesian()
    {
        var sheet = Sheet(
            ["Catatan rapat koordinasi"],
            ["Hal-hal yang dibahas", "Tindak lanjut"],
            ["Mitra", null]);

        var header = ImportColumns.FindHeader(sheet);

        Assert.False(header.Found);
        Assert.Equal(-1, header.HeaderRow);
        Assert.Empty(header.Mapping);
        Assert.Equal("Baris judul kolom tidak ditemukan pada 3 baris pertama. Pastikan ada judul kolom seperti \"Nomor\" dan \"Tentang\" atau \"Judul\".", header.Error);
    }

    [Fact]
    public void A_header_needs_a_title_or_number_column_besides_other_fields()
    {
        Assert.False(ImportColumns.FindHeader(Sheet(["No", "Mitra", "Tanggal", "Keterangan"])).Found);
        Assert.False(ImportColumns.FindHeader(Sheet(["Judul"])).Found);
        Assert.True(ImportColumns.FindHeader(Sheet(["Judul", "Mitra"])).Found);
    }

    [Fact]
    public void Only_the_first_rows_are_scanned()
    {
        var rows = Enumerable.Range(0, 40).Select(_ => (IReadOnlyList<string?>)["catatan"]).ToList();
        rows.Add(["Nomor", "Tentang", "Mitra"]);

        Assert.False(ImportColumns.FindHeader(rows).Found);
        Assert.Equal(40, ImportColumns.FindHeader(rows, maxRowsToScan: 50).HeaderRow);
    }

    [Fact]
    public void An_empty_sheet_has_no_header()
    {
        var header = ImportColumns.FindHeader([]);
        Assert.False(header.Found);
        Assert.NotNull(header.Error);
    }
}
