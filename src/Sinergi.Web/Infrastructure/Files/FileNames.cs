using System.Globalization;
using System.Text;

namespace Sinergi.Infrastructure.Files;

/// <summary>
/// The one place an uploaded file's name is made safe to store and show: the last path segment,
/// without control characters or the invisible direction marks that make "rapor\u202Eexe.pdf" read
/// as "raporfdp.exe", whitespace collapsed, and short enough for the database column.
/// </summary>
public static class FileNames
{
    /// <summary>The length of the file-name columns (documents, import sessions).</summary>
    public const int MaxLength = 255;

    /// <summary>What a name of nothing but removed characters becomes.</summary>
    public const string Fallback = "berkas";

    public static string Clean(string? fileName)
    {
        var text = new StringBuilder(fileName?.Length ?? 0);
        foreach (var rune in LastSegment(fileName ?? "").EnumerateRunes())
        {
            // Invalid UTF-16 (a lone surrogate) comes back as the replacement character: drop it too.
            if (rune == Rune.ReplacementChar)
                continue;
            switch (Rune.GetUnicodeCategory(rune))
            {
                // A tab or a line break separates words; the other control characters (NUL, BEL, ESC) are just gone.
                case UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    if (Rune.IsWhiteSpace(rune))
                        text.Append(' ');
                    break;
                // Format characters: the bidi overrides, embeddings, isolates and marks, zero-width ones, BOM.
                case UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned:
                    break;
                default:
                    text.Append(rune.ToString());
                    break;
            }
        }
        var name = string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0)
            return Fallback;
        return name.Length <= MaxLength ? name : Shorten(name);
    }

    // Browsers on Windows used to send the whole path; keep the last segment whatever the separator.
    private static string LastSegment(string name)
    {
        var slash = name.LastIndexOfAny(['/', '\\']);
        return slash >= 0 ? name[(slash + 1)..] : name;
    }

    /// <summary>Cuts the stem, never the extension, and never between the halves of a surrogate pair.</summary>
    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > 16)
            extension = "";
        var stem = name[..^extension.Length];
        var keep = MaxLength - extension.Length;
        if (char.IsHighSurrogate(stem[keep - 1]))
            keep--;
        return stem[..keep].TrimEnd() + extension;
    }
}
