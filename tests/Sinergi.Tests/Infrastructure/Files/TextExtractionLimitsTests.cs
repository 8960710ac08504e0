using Sinergi.Infrastructure.Files;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Infrastructure.Files;

/// <summary>Documents that ask for a lot of work: reading stops at the limit, keeps what it read, and says which limit it was.</summary>
public sealed class TextExtractionLimitsTests
{
    private static ExtractedText Extract(byte[] bytes, DocumentKind kind, TextExtractionOptions? options = null, TimeProvider? clock = null) =>
        TextExtractor.Extract(new MemoryStream(bytes), kind, options ?? new TextExtractionOptions(), clock ?? TimeProvider.System);

    [Fact]
    public void A_pdf_whose_content_inflates_past_the_limit_keeps_its_first_page()
    {
        var pdf = HostileFiles.InflatingPdf(inflatedBytes: 64L * 1024 * 1024, words: "Naskah perjanjian pengelolaan gambut");
        Assert.True(pdf.Length < 200_000, $"{pdf.Length} bytes");

        var extracted = Extract(pdf, DocumentKind.Pdf, new TextExtractionOptions { MaxUnpackedMegabytes = 8 });

        Assert.False(extracted.Unreadable);
        Assert.Equal("Naskah perjanjian pengelolaan gambut", extracted.Text);
        Assert.Equal("isinya setelah dibuka melebihi 8,0 MB", extracted.Limit);
    }

    [Fact]
    public void A_pdf_page_that_would_draw_too_much_is_skipped_and_said()
    {
        var extracted = Extract(HostileFiles.InflatingPdf(inflatedBytes: 1024 * 1024), DocumentKind.Pdf, new TextExtractionOptions { MaxPageContentKilobytes = 64 });

        Assert.Equal("Naskah perjanjian", extracted.Text);
        Assert.Equal("1 halaman berisi lebih dari 64 KB gambar dan teks", extracted.Limit);
    }

    [Fact]
    public void A_form_drawn_a_hundred_thousand_times_counts_each_time()
    {
        var pdf = HostileFiles.FormPdf(draws: 100_000, letters: 1_000);
        Assert.True(pdf.Length < 1_000_000, $"{pdf.Length} bytes");

        var extracted = Extract(pdf, DocumentKind.Pdf);

        Assert.Equal("", extracted.Text);
        Assert.Equal("1 halaman berisi lebih dari 256 KB gambar dan teks", extracted.Limit);
        Assert.Contains("aaaa", Extract(HostileFiles.FormPdf(draws: 3, letters: 1_000), DocumentKind.Pdf).Text);
    }

    [Fact]
    public void Only_the_first_pages_of_a_long_pdf_are_read()
    {
        var extracted = Extract(HostileFiles.ManyPagePdf(300), DocumentKind.Pdf, new TextExtractionOptions { MaxPages = 100 });

        Assert.Contains("halaman 100", extracted.Text);
        Assert.DoesNotContain("halaman 101", extracted.Text);
        Assert.Equal("dokumennya lebih dari 100 halaman", extracted.Limit);
    }

    [Fact]
    public void A_pdf_of_more_objects_than_allowed_is_not_opened_further()
    {
        var extracted = Extract(HostileFiles.ManyPagePdf(300), DocumentKind.Pdf, new TextExtractionOptions { MaxPdfObjects = 200 });

        Assert.False(extracted.Unreadable);
        Assert.Equal("", extracted.Text);
        Assert.Equal("strukturnya lebih dari 200 objek PDF", extracted.Limit);
    }

    [Fact]
    public void A_docx_of_one_endless_run_keeps_the_start_of_the_run()
    {
        var docx = HostileFiles.LongRunDocx(characters: 5_000_000, words: "Naskah perjanjian air bersih");

        var extracted = Extract(docx, DocumentKind.Docx);

        Assert.Equal("Naskah perjanjian air bersih\n" + new string('a', 100_000), extracted.Text);
        Assert.Equal("ada bagian teks yang lebih panjang dari 100.000 karakter", extracted.Limit);
    }

    [Fact]
    public void A_docx_that_inflates_past_the_limit_stops_there()
    {
        var docx = HostileFiles.LongRunDocx(characters: 20_000_000, words: "Naskah perjanjian air bersih");
        Assert.True(docx.Length < 200_000, $"{docx.Length} bytes");

        var extracted = Extract(docx, DocumentKind.Docx, new TextExtractionOptions { MaxUnpackedMegabytes = 4 });

        Assert.StartsWith("Naskah perjanjian air bersih\naaaa", extracted.Text);
        Assert.Equal("isinya setelah dibuka melebihi 4,0 MB", extracted.Limit);
    }

    [Fact]
    public void Only_the_first_sheets_of_a_workbook_are_read()
    {
        var xlsx = HostileFiles.ManySheetWorkbook(sheets: 30, rows: 3, word: "anggaran");

        var extracted = Extract(xlsx, DocumentKind.Xlsx, new TextExtractionOptions { MaxPages = 20 });

        Assert.Contains("anggaran 19-3", extracted.Text);
        Assert.DoesNotContain("anggaran 20-1", extracted.Text);
        Assert.Equal("bukunya lebih dari 20 lembar", extracted.Limit);
    }

    [Fact]
    public void A_workbook_of_large_sheets_stops_at_the_unpacking_limit()
    {
        var xlsx = HostileFiles.ManySheetWorkbook(sheets: 3, rows: 20_000);

        var extracted = Extract(xlsx, DocumentKind.Xlsx, new TextExtractionOptions { MaxUnpackedMegabytes = 2 });

        Assert.Contains("anggaran 0-1\n", extracted.Text);
        Assert.Equal("isinya setelah dibuka melebihi 2,0 MB", extracted.Limit);
    }

    [Fact]
    public void Reading_stops_when_its_time_is_up()
    {
        var extracted = Extract(HostileFiles.ManyPagePdf(50), DocumentKind.Pdf, clock: new TimeAlreadyUp());

        Assert.False(extracted.Unreadable);
        Assert.Equal("pembacaannya melebihi 30 detik", extracted.Limit);
        Assert.DoesNotContain("halaman 50", extracted.Text);
    }

    [Fact]
    public void A_package_declaring_more_parts_than_an_office_file_has_is_refused_on_upload()
    {
        var parts = Enumerable.Range(0, ZipDirectory.MaxEntries + 1).Select(i => ($"word/media/{i}.xml", "x")).Prepend(("[Content_Types].xml", "<Types/>"))
            .Append(("word/document.xml", "<w:document/>")).ToArray();
        var docx = TestFiles.Zip(parts);

        var inspection = FileInspector.Inspect("banyak.docx", new MemoryStream(docx), 100_000_000);

        Assert.Equal("Berkas 'banyak.docx' bukan DOCX yang sah: arsipnya berisi lebih dari 10.000 bagian, jauh melebihi dokumen Office mana pun.", inspection.Error);
        Assert.Equal(ExtractedText.Failed, Extract(docx, DocumentKind.Docx));
    }

    /// <summary>A clock whose every timer is already due: the time limit is reached at the first check.</summary>
    private sealed class TimeAlreadyUp : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            callback(state);
            return System.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}
