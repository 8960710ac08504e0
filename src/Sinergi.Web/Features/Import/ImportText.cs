using System.Globalization;
using System.Text;

namespace Sinergi.Features.Import;

/// <summary>Text helpers shared by the import parsers: what a cell says once spacing, case and accents are set aside.</summary>
internal static class ImportText
{
    /// <summary>Trims, turns non-breaking spaces and line breaks into spaces and collapses runs of them; blank is null.</summary>
    public static string? Collapse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var builder = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value.Trim())
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0)
                builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Lower case without accents, every character that is not a letter or digit a space, words single-spaced.</summary>
    public static string Fold(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return "";
        var decomposed = value.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Whether <paramref name="folded"/> holds <paramref name="phrase"/> as whole words.</summary>
    public static bool HasPhrase(string folded, string phrase) =>
        $" {folded} ".Contains($" {phrase} ", StringComparison.Ordinal);

    public static bool HasAny(string folded, IEnumerable<string> phrases) => phrases.Any(p => HasPhrase(folded, p));

    /// <summary>A dash alone ("-", "--", "—"): how Indonesian tables leave a cell unfilled.</summary>
    public static bool IsDash(string text) => text.Length > 0 && text.All(c => c is '-' or '–' or '—' or ' ');

    /// <summary>A cell as text: strings as they are, numbers in invariant form.</summary>
    public static string? AsText(object? cell) => cell switch
    {
        null => null,
        string s => s,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };
}
