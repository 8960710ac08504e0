using System.Text;

namespace Sinergi.Features.Import;

/// <summary>
/// Reads a CSV as offices save it: separated by semicolons (Excel with Indonesian settings),
/// commas, tabs or bars, in UTF-8 (with or without a BOM), UTF-16 with a BOM, or Windows-1252, with
/// quoted fields that may hold separators, quotes ("") and line breaks. One pass, field by field
/// into a <see cref="SheetBuilder"/>: an empty field costs nothing, however many a line has.
/// </summary>
internal static class CsvReader
{
    private static readonly char[] Separators = [';', ',', '\t', '|'];

    /// <summary>Lines whose field counts choose the separator; the rest of the file is not needed for that.</summary>
    private const int SampleLines = 200;

    public static void Read(Stream content, SheetBuilder builder, int maxCharacters, CancellationToken ct)
    {
        var start = content.Position;
        var encoding = EncodingOf(content, out var preamble, ct);
        content.Position = start + preamble;
        char separator;
        using (var sample = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true))
            separator = SeparatorOf(sample);
        content.Position = start + preamble;
        using var reader = new StreamReader(content, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
        Parse(reader, separator, builder.Add, null, (row, column) => throw builder.TooLong(row, column), maxCharacters, int.MaxValue, ct);
    }

    /// <summary>
    /// Splits the text into fields: <paramref name="field"/> gets each field with text (row, column,
    /// text), <paramref name="record"/> the number of fields of each line that has any. Stops after
    /// <paramref name="maxLines"/> lines.
    /// </summary>
    private static void Parse(TextReader reader, char separator, Action<int, int, string> field, Action<int, int>? record,
        Action<int, int> tooLong, int maxCharacters, int maxLines, CancellationToken ct)
    {
        var value = new StringBuilder();
        var (row, column) = (0, 0);
        // quoted: inside a quoted field; closed: just after a quote inside it; text: the field has more than blanks.
        var (quoted, closed, text, line) = (false, false, false, false);
        var buffer = new char[65536];
        var previous = '\0';
        int read;
        void EndField()
        {
            if (value.Length > 0)
                field(row, column, value.ToString());
            value.Clear();
            (quoted, closed, text) = (false, false, false);
        }
        void Append(char c)
        {
            if (value.Length >= maxCharacters)
            {
                tooLong(row, column);
                return;
            }
            value.Append(c);
            text |= !char.IsWhiteSpace(c);
            line = true;
        }
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                var before = previous;
                previous = c;
                if (quoted && !closed)
                {
                    if (c == '"')
                        closed = true;
                    else
                        Append(c);
                }
                else if (closed && c == '"')
                {
                    closed = false; // "" inside quotes is one quote
                    Append(c);
                }
                else if (c == separator)
                {
                    EndField();
                    column++;
                    line = true;
                }
                else if (c is '\n' or '\r')
                {
                    if (c == '\n' && before == '\r')
                        continue;
                    EndField();
                    if (line)
                        record?.Invoke(row, column + 1);
                    (row, column, line) = (row + 1, 0, false);
                    if (row >= maxLines)
                        return;
                }
                else if (c == '"' && !quoted && !text)
                {
                    value.Clear();
                    (quoted, line) = (true, true);
                }
                else
                    Append(c);
            }
        }
        EndField();
        if (line)
            record?.Invoke(row, column + 1);
    }

    /// <summary>
    /// The separator whose field count varies least over the first lines (ties go to the one giving
    /// more fields), as ExcelDataReader chose it; a semicolon when no line has two fields.
    /// </summary>
    private static char SeparatorOf(TextReader sample)
    {
        var text = new StringBuilder();
        var buffer = new char[65536];
        var lines = 0;
        var whole = false;
        while (lines < SampleLines && text.Length < 4 * 1024 * 1024)
        {
            var read = sample.Read(buffer, 0, buffer.Length);
            whole = read == 0;
            if (whole)
                break;
            text.Append(buffer, 0, read);
            lines += buffer.AsSpan(0, read).Count('\n');
        }
        var sampled = text.ToString();
        var best = Separators[0];
        var (bestDistance, bestMax) = (double.MaxValue, 0);
        foreach (var separator in Separators)
        {
            var counts = new List<int>();
            Parse(new StringReader(sampled), separator, (_, _, _) => { }, (_, fields) => counts.Add(fields), (_, _) => { },
                int.MaxValue, SampleLines, CancellationToken.None);
            if (!whole && counts.Count > 1)
                counts.RemoveAt(counts.Count - 1); // the sample may end inside a line
            if (counts.Count == 0 || counts.Max() <= 1)
                continue;
            var max = counts.Max();
            var distance = max - counts.Average();
            if (distance < bestDistance || (distance == bestDistance && distance == 0 && max > bestMax))
                (best, bestDistance, bestMax) = (separator, distance, max);
        }
        return best;
    }

    /// <summary>The BOM's encoding; else UTF-8 when every byte is valid UTF-8; else Windows-1252.</summary>
    private static Encoding EncodingOf(Stream content, out int preamble, CancellationToken ct)
    {
        var start = content.Position;
        Span<byte> head = stackalloc byte[3];
        head = head[..content.ReadAtLeast(head, 3, throwOnEndOfStream: false)];
        content.Position = start;
        preamble = 0;
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            preamble = 3;
            return new UTF8Encoding(false);
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            preamble = 2;
            return Encoding.Unicode;
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            preamble = 2;
            return Encoding.BigEndianUnicode;
        }
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[65536];
        var chars = new char[65537];
        try
        {
            int read;
            while ((read = content.Read(bytes, 0, bytes.Length)) > 0)
            {
                ct.ThrowIfCancellationRequested();
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252);
        }
        finally
        {
            content.Position = start;
        }
    }
}
