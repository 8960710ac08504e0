using UglyToad.PdfPig;

namespace Sinergi.Tests.Reports;

/// <summary>
/// What a reader sees in a PDF, read back with PdfPig: its pages, its lines (words on one baseline,
/// left to right, so a table row reads as one line), and its text with all spaces removed, in which
/// a title wrapped over several lines of a cell can still be found.
/// </summary>
internal sealed record PdfText(int Pages, IReadOnlyList<string> Lines, string Squashed, IReadOnlySet<string> Words)
{
    public static PdfText Read(byte[] bytes)
    {
        using var document = PdfDocument.Open(bytes);
        var lines = new List<string>();
        var text = new System.Text.StringBuilder();
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in document.GetPages())
        {
            text.Append(page.Text);
            var pageWords = page.GetWords().Where(w => w.Letters.Count > 0).ToList();
            words.UnionWith(pageWords.Select(w => w.Text));
            lines.AddRange(pageWords
                .GroupBy(w => Math.Round(w.Letters[0].StartBaseLine.Y * 2) / 2)
                .OrderByDescending(g => g.Key)
                .Select(g => string.Join(' ', g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))));
        }
        return new PdfText(document.NumberOfPages, lines, Squash(text.ToString()), words);
    }

    /// <summary>Text without any whitespace, to compare with <see cref="Squashed"/>.</summary>
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public bool Shows(string text) => Squashed.Contains(Squash(text), StringComparison.Ordinal);

    public bool HasLine(string line) => Lines.Contains(line);
}
