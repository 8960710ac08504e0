using Sinergi.Web;

namespace Sinergi.Infrastructure.Pdf;

/// <summary>Line breaking by measured width: at spaces, and inside a word only when the word alone is too wide.</summary>
public static class PdfTextLayout
{
    public const string Ellipsis = "…";

    /// <summary>The text as a page can show it, whatever was stored: no control characters or bidi overrides, tabs as spaces, line breaks as "\n".</summary>
    public static string Printable(string text) =>
        Text.WithoutControls(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\t', ' ');

    /// <summary>The lines of <paramref name="text"/> no wider than <paramref name="width"/>; line breaks in the text are kept.</summary>
    public static List<string> Wrap(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                    lines.Add(line);
                var rest = word;
                while (rest.Length > 1 && measure(rest) > width)
                {
                    var fits = FittingLength(rest, width, measure);
                    lines.Add(rest[..fits]);
                    rest = rest[fits..];
                }
                line = rest;
            }
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>Keeps at most <paramref name="maxLines"/> lines, the last ending in "…" when something was cut.</summary>
    public static bool Truncate(List<string> lines, int maxLines, double width, Func<string, double> measure)
    {
        if (lines.Count <= maxLines)
            return false;
        lines.RemoveRange(maxLines, lines.Count - maxLines);
        lines[^1] = Ellipsize(lines[^1] + Ellipsis, width, measure);
        return true;
    }

    /// <summary>One line: the text itself when it fits, else as much as fits followed by "…".</summary>
    public static string Ellipsize(string text, double width, Func<string, double> measure)
    {
        if (measure(text) <= width)
            return text;
        var body = text.EndsWith(Ellipsis, StringComparison.Ordinal) ? text[..^1] : text;
        if (body.Length == 0)
            return Ellipsis;
        var length = FittingLength(body, width, measure, reserve: Ellipsis);
        return body[..length].TrimEnd() + Ellipsis;
    }

    /// <summary>How many leading characters fit (at least one), by halving.</summary>
    private static int FittingLength(string text, double width, Func<string, double> measure, string reserve = "")
    {
        int low = 1, high = text.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (measure(text[..middle] + reserve) <= width)
                low = middle;
            else
                high = middle - 1;
        }
        return low;
    }
}
