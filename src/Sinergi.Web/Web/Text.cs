using System.Text;

namespace Sinergi.Web;

public static class Text
{
    /// <summary>
    /// Trims, drops invisible characters (<see cref="WithoutControls"/>) and collapses runs of
    /// whitespace, line breaks included; blank becomes null. What people type into a one-line field.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var words = WithoutControls(value).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words);
    }

    /// <summary>The same for a text of several lines (a scope, a reason): line breaks and tabs stay; blank becomes null.</summary>
    public static string? CleanLines(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var safe = WithoutControls(value).Trim();
        return safe.Length == 0 ? null : safe;
    }

    /// <summary>
    /// The text without what a person cannot see but a file, a page or a database trips over:
    /// control characters other than tab and line breaks (NUL, escape, bell...; a vertical tab or
    /// form feed becomes a space), the bidi embeddings, overrides and isolates that make
    /// "raporfdp.exe" read as "rapor.pdf", the non-characters U+FFFE and U+FFFF, and halves of
    /// surrogate pairs. Exporters and reports call it on whatever is stored; the drafts call it,
    /// through <see cref="Clean"/>, on what comes in.
    /// </summary>
    public static string WithoutControls(string value)
    {
        var first = FirstUnsafe(value);
        if (first < 0)
            return value;
        var builder = new StringBuilder(value.Length);
        builder.Append(value, 0, first);
        for (var i = first; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
                continue;
            }
            if (!IsUnsafe(value, i))
                builder.Append(c);
            else if (char.IsWhiteSpace(c))
                builder.Append(' '); // a vertical tab or form feed still separates two words
        }
        return builder.ToString();
    }

    private static int FirstUnsafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                i++;
            else if (IsUnsafe(value, i))
                return i;
        }
        return -1;
    }

    /// <summary>Whether the character at <paramref name="i"/> (not the start of a surrogate pair) is one <see cref="WithoutControls"/> drops.</summary>
    private static bool IsUnsafe(string value, int i) => value[i] switch
    {
        '\t' or '\n' or '\r' => false,
        var c when char.IsControl(c) || char.IsSurrogate(c) => true,
        '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => true,
        '\uFFFE' or '\uFFFF' => true,
        _ => false,
    };
}
