using Sinergi.Features.Import;
using static Sinergi.Features.Import.ImportField;

namespace Sinergi.Tests.Import;

public sealed class ImportColumnsTests
{
    [Theory]
    // Number
    [InlineData("Nomor", Number)]
    [InlineData("NOMOR", Number)]
    [InlineData("No. Perjanjian", Number)]
    [InlineData("No Perjanjian", Number)]
    [InlineData("Nomor KB/PKS", Number)]
    [InlineData("No. KB/PKS", Number)]
    [InlineData("Nomor Naskah", Number)]
    [InlineData("Nomor Dokumen", Number)]
    [InlineData("Nomor Kesepakatan", Number)]
    [InlineData("Nomor Pihak I", Number)]
    [InlineData("Nomor Pihak Pertama", Number)]
    [InlineData("Nmr. Surat", Number)]
    // PartnerNumber
    [InlineData("Nomor Pihak II", PartnerNumber)]
    [InlineData("Nomor Pihak Kedua", PartnerNumber)]
    [InlineData("No. Pihak 2", PartnerNumber)]
    [InlineData("No. Mitra", PartnerNumber)]
    [InlineData("Nomor Perjanjian Mitra", PartnerNumber)]
    // Title
    [InlineData("Tentang", Title)]
    [InlineData("Judul", Title)]
    [InlineData("Judul Kerja Sama", Title)]
    [InlineData("Judul Kerjasama", Title)]
    [InlineData("Perihal", Title)]
    [InlineData("Uraian", Title)]
    [InlineData("Uraian Kegiatan", Title)]
    [InlineData("Nama Kerja Sama", Title)]
    [InlineData("Objek Kerja Sama", Title)]
    [InlineData("Obyek Kerjasama", Title)]
    [InlineData("Kerja Sama", Title)]
    // Scope
    [InlineData("Ruang Lingkup", Scope)]
    [InlineData("Ruang Lingkup Kerja Sama", Scope)]
    [InlineData("Maksud dan Tujuan", Scope)]
    // Partner
    [InlineData("Mitra", Partner)]
    [InlineData("Nama Mitra", Partner)]
    [InlineData("Para Pihak", Partner)]
    [InlineData("Pihak Kedua", Partner)]
    [InlineData("Pihak II", Partner)]
    [InlineData("Instansi", Partner)]
    [InlineData("Instansi Mitra", Partner)]
    [InlineData("Mitra Kerja Sama", Partner)]
    [InlineData("Kerja Sama Dengan", Partner)]
    [InlineData("Nama Instansi / Lembaga", Partner)]
    // PartnerType
    [InlineData("Jenis Mitra", PartnerType)]
    [InlineData("Kategori Mitra", PartnerType)]
    [InlineData("Status Mitra", PartnerType)]
    // Kind
    [InlineData("Jenis Kerja Sama", Kind)]
    [InlineData("Jenis Kerjasama", Kind)]
    [InlineData("Jenis KS", Kind)]
    [InlineData("Jenis", Kind)]
    [InlineData("Klasifikasi Kerja Sama", Kind)]
    // DocumentType
    [InlineData("Bentuk Kerja Sama", DocumentType)]
    [InlineData("Jenis Dokumen", DocumentType)]
    [InlineData("Bentuk Dokumen", DocumentType)]
    [InlineData("Jenis Naskah", DocumentType)]
    [InlineData("Jenis Perjanjian", DocumentType)]
    // SignedOn
    [InlineData("Tanggal", SignedOn)]
    [InlineData("Tgl", SignedOn)]
    [InlineData("Tgl.", SignedOn)]
    [InlineData("Tanggal Penandatanganan", SignedOn)]
    [InlineData("Tgl. Penandatanganan", SignedOn)]
    [InlineData("Tanggal TTD", SignedOn)]
    [InlineData("Tgl TTD", SignedOn)]
    [InlineData("Tanggal Tanda Tangan", SignedOn)]
    [InlineData("Tanggal Ditandatangani", SignedOn)]
    [InlineData("Tanggal KB", SignedOn)]
    [InlineData("Tanggal Perjanjian", SignedOn)]
    // StartsOn
    [InlineData("Tanggal Mulai", StartsOn)]
    [InlineData("Tgl. Mulai", StartsOn)]
    [InlineData("Berlaku Mulai", StartsOn)]
    [InlineData("Mulai Berlaku", StartsOn)]
    [InlineData("Tanggal Mulai Berlaku", StartsOn)]
    [InlineData("Tanggal Berlaku", StartsOn)]
    [InlineData("Mulai", StartsOn)]
    [InlineData("TMT", StartsOn)]
    [InlineData("Jangka Waktu / Mulai", StartsOn)]
    // EndsOn
    [InlineData("Tanggal Berakhir", EndsOn)]
    [InlineData("Tgl. Berakhir", EndsOn)]
    [InlineData("Tanggal Akhir", EndsOn)]
    [InlineData("Berlaku s.d.", EndsOn)]
    [InlineData("Berlaku s/d", EndsOn)]
    [InlineData("Berlaku Sampai", EndsOn)]
    [InlineData("Berlaku Sampai Dengan", EndsOn)]
    [InlineData("Berakhir", EndsOn)]
    [InlineData("s.d.", EndsOn)]
    [InlineData("Habis Berlaku", EndsOn)]
    [InlineData("Jangka Waktu / Berakhir", EndsOn)]
    // Period
    [InlineData("Jangka Waktu", Period)]
    [InlineData("Masa Berlaku", Period)]
    [InlineData("Jangka Waktu (Tahun)", Period)]
    [InlineData("Periode", Period)]
    [InlineData("Durasi", Period)]
    [InlineData("Lama Kerja Sama", Period)]
    [InlineData("Waktu Pelaksanaan", Period)]
    [InlineData("Tanggal Mulai s.d. Berakhir", Period)]
    [InlineData("Masa Berlaku (Mulai - Berakhir)", Period)]
    // Opd
    [InlineData("OPD", Opd)]
    [InlineData("Perangkat Daerah", Opd)]
    [InlineData("OPD Pelaksana", Opd)]
    [InlineData("Perangkat Daerah Pelaksana", Opd)]
    [InlineData("SKPD", Opd)]
    [InlineData("Unit Kerja", Opd)]
    [InlineData("Pelaksana", Opd)]
    [InlineData("Instansi Pelaksana", Opd)]
    [InlineData("Penanggung Jawab", Opd)]
    [InlineData("OPD Pengampu", Opd)]
    // Urusan
    [InlineData("Urusan", Urusan)]
    [InlineData("Bidang", Urusan)]
    [InlineData("Bidang/Urusan", Urusan)]
    [InlineData("Urusan Pemerintahan", Urusan)]
    [InlineData("Sektor", Urusan)]
    // Value
    [InlineData("Nilai", Value)]
    [InlineData("Nilai Kerja Sama (Rp)", Value)]
    [InlineData("Nilai (Rp.)", Value)]
    [InlineData("Anggaran", Value)]
    [InlineData("Biaya", Value)]
    // Funding
    [InlineData("Sumber Dana", Funding)]
    [InlineData("Sumber Anggaran", Funding)]
    [InlineData("Sumber Pembiayaan", Funding)]
    [InlineData("Pembiayaan", Funding)]
    // Notes
    [InlineData("Keterangan", Notes)]
    [InlineData("Ket.", Notes)]
    [InlineData("Catatan", Notes)]
    // Ignore
    [InlineData("Alamat Mitra", Ignore)]
    [InlineData("Kontak Person", Ignore)]
    [InlineData("No. Telepon", Ignore)]
    [InlineData("Status", Ignore)]
    [InlineData("Link Dokumen", Ignore)]
    [InlineData("Tahun Anggaran", Ignore)]
    [InlineData("Pejabat Penandatangan", Ignore)]
    public void Headers_map_to_fields_by_their_many_names(string header, ImportField field) =>
        Assert.Equal(field, ImportColumns.Match(header));

    [Theory]
    [InlineData("No")]
    [InlineData("No.")]
    [InlineData("NO")]
    [InlineData(" No. ")]
    [InlineData("No Urut")]
    [InlineData("No. Urut")]
    [InlineData("Nomor Urut")]
    [InlineData("#")]
    public void No_alone_is_the_row_counter_not_the_agreement_number(string header) =>
        Assert.Equal(RowNumber, ImportColumns.Match(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Tahun")]
    [InlineData("Nama")]
    [InlineData("DAFTAR KERJA SAMA DAERAH KOTA PALANGKA RAYA TAHUN 2024")]
    [InlineData("Kesepakatan Bersama antara Pemerintah Kota Palangka Raya dan Universitas Palangka Raya tentang Penyelenggaraan Tri Dharma Perguruan Tinggi")]
    public void Headers_that_name_no_field_and_long_text_are_not_matched(string? header) =>
        Assert.Null(ImportColumns.Match(header));

    [Fact]
    public void Every_example_header_maps_to_its_field()
    {
        foreach (var field in Enum.GetValues<ImportField>())
        {
            Assert.NotEmpty(ImportColumns.Examples(field));
            foreach (var example in ImportColumns.Examples(field))
                Assert.True(ImportColumns.Match(example) == field, $"\"{example}\" should map to {field} but maps to {ImportColumns.Match(example)}");
        }
    }

    [Fact]
    public void Every_field_has_an_indonesian_label()
    {
        Assert.Equal("Jangka waktu / masa berlaku", ImportColumns.Label(Period));
        Assert.Equal("Tanggal penandatanganan", ImportColumns.Label(SignedOn));
        Assert.Equal(Enum.GetValues<ImportField>().Length, Enum.GetValues<ImportField>().Select(ImportColumns.Label).Distinct().Count());
    }

    [Fact]
    public void Partners_opds_urusan_and_notes_may_come_from_several_columns()
    {
        Assert.True(ImportColumns.AllowsSeveralColumns(Partner));
        Assert.True(ImportColumns.AllowsSeveralColumns(Opd));
        Assert.False(ImportColumns.AllowsSeveralColumns(Number));
        Assert.False(ImportColumns.AllowsSeveralColumns(Title));
    }
}
