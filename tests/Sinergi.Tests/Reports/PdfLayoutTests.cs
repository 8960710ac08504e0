using Sinergi.Infrastructure.Pdf;

namespace Sinergi.Tests.Reports;

/// <summary>Line breaking measured in characters (each one unit wide), so the expectations are readable.</summary>
public sealed class PdfLayoutTests
{
    private static double Width(string text) => text.Length;

    [Fact]
    public void Words_wrap_at_spaces_and_line_breaks_are_kept()
    {
        Assert.Equal(["Kerja sama", "daerah", "Kota", "Palangkaraya"], PdfTextLayout.Wrap("Kerja sama daerah\nKota Palangkaraya", 12, Width));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_broken_inside()
    {
        Assert.Equal(["No.", "119/002/KS", "-PR/2024"], PdfTextLayout.Wrap("No. 119/002/KS-PR/2024", 10, Width));
    }

    [Fact]
    public void Cut_text_ends_with_an_ellipsis_that_fits()
    {
        var lines = PdfTextLayout.Wrap("satu dua tiga empat lima enam", 9, Width);
        Assert.True(PdfTextLayout.Truncate(lines, 2, 9, Width));
        Assert.Equal(["satu dua", "tiga…"], lines);
        Assert.All(lines, l => Assert.True(l.Length <= 9));
        Assert.False(PdfTextLayout.Truncate(lines, 5, 9, Width));
        Assert.Equal("Pemerin…", PdfTextLayout.Ellipsize("Pemerintah Kota", 8, Width));
    }
}
