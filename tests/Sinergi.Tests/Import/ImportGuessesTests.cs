using Sinergi.Features.Agreements;
using Sinergi.Features.Import;
using Sinergi.Features.Partners;
using static Sinergi.Features.Agreements.AgreementDocumentType;
using static Sinergi.Features.Agreements.AgreementKind;

namespace Sinergi.Tests.Import;

public sealed class ImportGuessesTests
{
    [Theory]
    [InlineData("Kesepakatan Bersama", KesepakatanBersama)]
    [InlineData("KB", KesepakatanBersama)]
    [InlineData("kb", KesepakatanBersama)]
    [InlineData("Perjanjian Kerja Sama", PerjanjianKerjaSama)]
    [InlineData("Perjanjian Kerjasama", PerjanjianKerjaSama)]
    [InlineData("PKS", PerjanjianKerjaSama)]
    [InlineData("Perjanjian", PerjanjianKerjaSama)]
    [InlineData("Nota Kesepakatan", NotaKesepakatan)]
    [InlineData("Nota Kesepahaman", NotaKesepakatan)]
    [InlineData("NK", NotaKesepakatan)]
    [InlineData("Adendum", Adendum)]
    [InlineData("Addendum", Adendum)]
    [InlineData("Amandemen", Adendum)]
    [InlineData("Adendum PKS", Adendum)]
    [InlineData("MoU", LoiMou)]
    [InlineData("M.o.U", LoiMou)]
    [InlineData("Memorandum of Understanding", LoiMou)]
    [InlineData("Memorandum Saling Pengertian", LoiMou)]
    [InlineData("LoI", LoiMou)]
    [InlineData("Letter of Intent", LoiMou)]
    public void A_document_type_cell_is_read_not_guessed(string cell, AgreementDocumentType expected)
    {
        var guess = ImportGuesses.DocumentTypeFrom(cell, "Pengelolaan Sampah", null);
        Assert.NotNull(guess);
        Assert.Equal(expected, guess.Value);
        Assert.False(guess.IsGuess);
        Assert.StartsWith("Jenis dokumen dari kolom: \"", guess.Reason);
    }

    [Theory]
    [InlineData("Kesepakatan Bersama antara Pemerintah Kota Palangka Raya dan Universitas Palangka Raya tentang Tri Dharma", KesepakatanBersama, "Kesepakatan Bersama")]
    [InlineData("Perjanjian Kerja Sama tentang Magang sebagai tindak lanjut Kesepakatan Bersama", PerjanjianKerjaSama, "Perjanjian Kerja Sama")]
    [InlineData("Nota Kesepakatan tentang Sinergi Program Pembangunan", NotaKesepakatan, "Nota Kesepakatan")]
    [InlineData("Perubahan atas Perjanjian Kerja Sama Pengelolaan Pasar", Adendum, "Perubahan atas")]
    [InlineData("Perjanjian Kerja Sama Pengelolaan Pasar (Adendum I)", Adendum, "Adendum")]
    [InlineData("Addendum Kesepakatan Bersama Penyediaan Air Minum", Adendum, "Addendum")]
    [InlineData("Amandemen Nota Kesepakatan", Adendum, "Amandemen")]
    [InlineData("MoU on Sister City Cooperation", LoiMou, "MoU")]
    [InlineData("Memorandum of Understanding on Urban Development", LoiMou, "Memorandum of Understanding")]
    [InlineData("Letter of Intent Kerja Sama Pendidikan", LoiMou, "Letter of Intent")]
    [InlineData("KESEPAKATAN BERSAMA TENTANG PARIWISATA", KesepakatanBersama, "KESEPAKATAN BERSAMA")]
    public void Document_type_is_guessed_from_the_title_and_says_so(string title, AgreementDocumentType expected, string quoted)
    {
        var guess = ImportGuesses.DocumentTypeFrom(null, title, null);
        Assert.NotNull(guess);
        Assert.Equal(expected, guess.Value);
        Assert.True(guess.IsGuess);
        Assert.Equal($"Jenis dokumen ditebak dari judul: \"{quoted}\".", guess.Reason);
    }

    [Theory]
    [InlineData("119/PKS/PEM/2024", PerjanjianKerjaSama, "PKS")]
    [InlineData("03/KB/2023", KesepakatanBersama, "KB")]
    [InlineData("ADD-01/PKS/2025", Adendum, "ADD")]
    [InlineData("001/MoU/Pemkot/2024", LoiMou, "MoU")]
    public void Document_type_is_guessed_from_the_number_when_the_title_says_nothing(string number, AgreementDocumentType expected, string token)
    {
        var guess = ImportGuesses.DocumentTypeFrom(null, "Pengelolaan Sampah", number);
        Assert.NotNull(guess);
        Assert.Equal(expected, guess.Value);
        Assert.True(guess.IsGuess);
        Assert.Equal($"Jenis dokumen ditebak dari nomor: \"{token}\".", guess.Reason);
    }

    [Theory]
    [InlineData("Penanganan Perubahan Iklim")]
    [InlineData("Pelayanan KB di Puskesmas")]
    [InlineData("Pengelolaan Sampah")]
    public void Titles_that_name_no_document_give_no_guess(string title) =>
        Assert.Null(ImportGuesses.DocumentTypeFrom(null, title, "45/2024"));

    [Fact]
    public void An_unrecognised_type_cell_falls_back_to_the_title_and_says_both()
    {
        var guess = ImportGuesses.DocumentTypeFrom("Lain-lain", "Kesepakatan Bersama tentang Pariwisata", null);
        Assert.NotNull(guess);
        Assert.Equal(KesepakatanBersama, guess.Value);
        Assert.True(guess.IsGuess);
        Assert.Equal("Kolom jenis dokumen \"Lain-lain\" tidak dikenali; jenis dokumen ditebak dari judul: \"Kesepakatan Bersama\".", guess.Reason);
    }

    [Theory]
    [InlineData("KSDD", Ksdd)]
    [InlineData("ksdpk", Ksdpk)]
    [InlineData("Sinergi", AgreementKind.Sinergi)]
    [InlineData("KSDPL", Ksdpl)]
    [InlineData("KSDLL", Ksdll)]
    [InlineData("Kerja Sama Daerah dengan Daerah Lain", Ksdd)]
    [InlineData("Antar Daerah", Ksdd)]
    [InlineData("Kerja sama daerah dengan pihak ketiga", Ksdpk)]
    [InlineData("Kementerian/Lembaga", AgreementKind.Sinergi)]
    [InlineData("K/L", AgreementKind.Sinergi)]
    [InlineData("Kerja Sama dengan Pemerintah Daerah di Luar Negeri", Ksdpl)]
    [InlineData("Sister City", Ksdpl)]
    [InlineData("Kerja Sama dengan Lembaga di Luar Negeri", Ksdll)]
    public void A_kind_cell_is_read_not_guessed(string cell, AgreementKind expected)
    {
        var guess = ImportGuesses.KindFrom(cell, "PT Sinar Jaya", null);
        Assert.NotNull(guess);
        Assert.Equal(expected, guess.Value);
        Assert.False(guess.IsGuess);
    }

    [Theory]
    [InlineData("Kabupaten Pulang Pisau", Ksdd)]
    [InlineData("Pemerintah Kabupaten Katingan", Ksdd)]
    [InlineData("Pemerintah Provinsi Kalimantan Tengah", Ksdd)]
    [InlineData("Kota Banjarmasin", Ksdd)]
    [InlineData("Pemkot Banjarmasin", Ksdd)]
    [InlineData("Dinas Kesehatan Kabupaten Gunung Mas", Ksdd)]
    [InlineData("Badan Pendapatan Daerah Kota Palangka Raya", Ksdd)]
    [InlineData("Kementerian Dalam Negeri", AgreementKind.Sinergi)]
    [InlineData("Kemendagri", AgreementKind.Sinergi)]
    [InlineData("Badan Pusat Statistik Kota Palangka Raya", AgreementKind.Sinergi)]
    [InlineData("Balai Besar Wilayah Sungai Kalimantan II", AgreementKind.Sinergi)]
    [InlineData("Direktorat Jenderal Bina Keuangan Daerah", AgreementKind.Sinergi)]
    [InlineData("Kantor Pertanahan Kota Palangka Raya", AgreementKind.Sinergi)]
    [InlineData("Kepolisian Resor Kota Palangka Raya", AgreementKind.Sinergi)]
    [InlineData("BPJS Kesehatan Cabang Palangka Raya", AgreementKind.Sinergi)]
    [InlineData("Universitas Palangka Raya", Ksdpk)]
    [InlineData("Politeknik Kesehatan Palangka Raya", Ksdpk)]
    [InlineData("PT Bank Pembangunan Daerah Kalimantan Tengah", Ksdpk)]
    [InlineData("PT. PLN (Persero)", Ksdpk)]
    [InlineData("CV Maju Jaya", Ksdpk)]
    [InlineData("Yayasan Borneo Nature", Ksdpk)]
    [InlineData("Perumda Air Minum Tirta Kahayan", Ksdpk)]
    [InlineData("Bank Kalteng", Ksdpk)]
    [InlineData("JICA", Ksdll)]
    [InlineData("USAID", Ksdll)]
    [InlineData("GIZ", Ksdll)]
    [InlineData("University of Melbourne", Ksdll)]
    [InlineData("Tanoto Foundation", Ksdll)]
    [InlineData("Kedutaan Besar Australia", Ksdll)]
    [InlineData("Kitakyushu City", Ksdpl)]
    [InlineData("Pemerintah Kota Kitakyushu, Jepang", Ksdpl)]
    [InlineData("City of Darwin", Ksdpl)]
    [InlineData("Provinsi Guangxi, Tiongkok", Ksdpl)]
    public void Kind_is_guessed_from_the_partner_name(string partner, AgreementKind expected)
    {
        var guess = ImportGuesses.KindFrom(null, partner, null);
        Assert.NotNull(guess);
        Assert.Equal(expected, guess.Value);
        Assert.True(guess.IsGuess);
        Assert.StartsWith($"Jenis kerja sama ditebak dari nama mitra \"{partner}\"", guess.Reason);
    }

    [Fact]
    public void A_kabupaten_partner_makes_a_ksdd_and_the_reason_names_it()
    {
        var guess = ImportGuesses.KindFrom(null, "Kabupaten Pulang Pisau", null);
        Assert.Equal("Jenis kerja sama ditebak dari nama mitra \"Kabupaten Pulang Pisau\": pemerintah daerah (KSDD).", guess!.Reason);
    }

    [Theory]
    [InlineData(PartnerType.PemerintahDaerah, Ksdd)]
    [InlineData(PartnerType.KementerianLembaga, AgreementKind.Sinergi)]
    [InlineData(PartnerType.Swasta, Ksdpk)]
    [InlineData(PartnerType.PerguruanTinggi, Ksdpk)]
    [InlineData(PartnerType.BumnBumd, Ksdpk)]
    [InlineData(PartnerType.Ormas, Ksdpk)]
    [InlineData(PartnerType.LuarNegeri, Ksdll)]
    public void A_known_partner_type_decides_the_kind_before_the_name(PartnerType type, AgreementKind expected)
    {
        var guess = ImportGuesses.KindFrom(null, "Mitra Tanpa Nama Jelas", type);
        Assert.Equal(expected, guess!.Value);
        Assert.True(guess.IsGuess);
        Assert.StartsWith("Jenis kerja sama ditebak dari jenis mitra:", guess.Reason);
    }

    [Fact]
    public void A_foreign_partner_type_with_a_city_name_is_ksdpl()
    {
        Assert.Equal(Ksdpl, ImportGuesses.KindFrom(null, "Kitakyushu City", PartnerType.LuarNegeri)!.Value);
        Assert.Equal(Ksdll, ImportGuesses.KindFrom(null, "JICA", PartnerType.LuarNegeri)!.Value);
    }

    [Fact]
    public void A_cell_saying_only_luar_negeri_is_settled_by_the_partner()
    {
        var city = ImportGuesses.KindFrom("Luar Negeri", "City of Darwin", null);
        Assert.Equal(Ksdpl, city!.Value);
        Assert.True(city.IsGuess);
        Assert.Equal(Ksdll, ImportGuesses.KindFrom("Luar Negeri", "JICA", null)!.Value);
    }

    [Fact]
    public void Kind_uses_the_first_organisation_of_a_multi_partner_cell()
    {
        Assert.Equal(Ksdd, ImportGuesses.KindFrom(null, "Kabupaten Katingan; PT Sinar Jaya", null)!.Value);
    }

    [Fact]
    public void An_unrecognised_kind_cell_falls_back_to_the_partner()
    {
        var guess = ImportGuesses.KindFrom("Lainnya", "Kota Banjarmasin", null);
        Assert.Equal(Ksdd, guess!.Value);
        Assert.StartsWith("Kolom jenis kerja sama \"Lainnya\" tidak dikenali; jenis kerja sama ditebak dari nama mitra", guess.Reason);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(null, "Bapak Budi Santoso")]
    [InlineData("", "")]
    public void Nothing_to_go_on_gives_no_kind(string? cell, string? partner) =>
        Assert.Null(ImportGuesses.KindFrom(cell, partner, null));

    [Theory]
    [InlineData("APBD", FundingSource.Apbd)]
    [InlineData("APBD Kota Palangka Raya", FundingSource.Apbd)]
    [InlineData("APBN", FundingSource.Apbn)]
    [InlineData("APBD dan Mitra", FundingSource.ApbdDanMitra)]
    [InlineData("APBD / Pihak Kedua", FundingSource.ApbdDanMitra)]
    [InlineData("Sharing", FundingSource.ApbdDanMitra)]
    [InlineData("Mitra", FundingSource.Mitra)]
    [InlineData("CSR", FundingSource.Mitra)]
    [InlineData("Pihak Kedua", FundingSource.Mitra)]
    [InlineData("Tanpa biaya", FundingSource.TanpaBiaya)]
    [InlineData("Nihil", FundingSource.TanpaBiaya)]
    [InlineData("Tidak membebani APBD", FundingSource.TanpaBiaya)]
    [InlineData("Hibah", FundingSource.Lainnya)]
    [InlineData("APBN dan APBD", FundingSource.Lainnya)]
    [InlineData("Lain-lain", FundingSource.Lainnya)]
    public void Funding_cells_name_a_source(string cell, FundingSource expected) =>
        Assert.Equal(expected, ImportGuesses.FundingFrom(cell));

    [Theory]
    [InlineData(null)]
    [InlineData("-")]
    [InlineData("belum ditentukan")]
    public void Funding_cells_that_name_no_source_are_null(string? cell) =>
        Assert.Null(ImportGuesses.FundingFrom(cell));
}
