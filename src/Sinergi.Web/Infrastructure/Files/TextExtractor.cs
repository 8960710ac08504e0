using System.Text;
using Sinergi.Web;

namespace Sinergi.Infrastructure.Files;

/// <summary>The searchable text of a document.</summary>
/// <param name="Text">Plain text, at most <see cref="TextExtractionOptions.MaxCharacters"/> characters.</param>
/// <param name="Unreadable">The file could not be read (damaged, or locked with a password): the text is empty.</param>
/// <param name="Limit">
/// The limit the document went past, as the end of a sentence in Bahasa Indonesia ("lebih dari
/// 2.000 halaman"); the text is what was read until then. Null when the whole document was read.
/// </param>
public sealed record ExtractedText(string Text, bool Unreadable, string? Limit)
{
    public static readonly ExtractedText Empty = new("", Unreadable: false, Limit: null);

    public static readonly ExtractedText Failed = new("", Unreadable: true, Limit: null);

    /// <summary>The document had more than was read.</summary>
    public bool Truncated => Limit is not null;
}

/// <summary>A limit of <see cref="TextExtractionOptions"/> was reached; the text read so far stands.</summary>
internal sealed class ExtractionLimitException(string limit) : Exception(limit)
{
    public string Limit { get; } = limit;
}

/// <summary>
/// Plain text of a PDF, DOCX or XLSX for search; images have none. A pure function of the bytes,
/// synchronous and CPU-bound, so callers run it off the request thread. Every way a small file can
/// ask for a lot of work is bounded by <see cref="TextExtractionOptions"/>: inflated bytes, pages,
/// characters per run and per document, PDF objects and page content, and time. Damaged input gives
/// <see cref="ExtractedText.Failed"/>, never an exception (except the caller's cancellation).
/// </summary>
public static partial class TextExtractor
{
    public const int MaxCharacters = 1_000_000;

    private static readonly TextExtractionOptions Defaults = new();

    public static ExtractedText Extract(Stream content, DocumentKind kind, CancellationToken cancellationToken = default) =>
        Extract(content, kind, Defaults, TimeProvider.System, cancellationToken);

    /// <param name="content">The whole file, readable and seekable (as <see cref="FileStore.OpenRead"/> gives it).</param>
    /// <param name="kind">The kind <see cref="FileInspector"/> decided.</param>
    /// <param name="clock">Whose timer ends the reading after <see cref="TextExtractionOptions.MaxSeconds"/>.</param>
    public static ExtractedText Extract(Stream content, DocumentKind kind, TextExtractionOptions options, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (kind is not (DocumentKind.Pdf or DocumentKind.Docx or DocumentKind.Xlsx))
            return ExtractedText.Empty;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(options.MaxSeconds), clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var budget = new ExtractionBudget(options, linked.Token);
        var text = new TextBuffer(options.MaxCharacters, options.MaxElementCharacters, budget);
        try
        {
            switch (kind)
            {
                case DocumentKind.Pdf:
                    ReadPdf(content, text, budget);
                    break;
                case DocumentKind.Docx:
                    ReadDocx(content, text, budget);
                    break;
                default:
                    ReadXlsx(content, text, budget);
                    break;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            budget.Reached($"pembacaannya melebihi {Indonesian.Number(options.MaxSeconds)} detik");
        }
        catch (ExtractionLimitException)
        {
            // The budget holds which limit it was.
        }
        // Damaged files surface from PdfPig, ZipArchive and XmlReader as many exception types.
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (budget.Limit is null)
                return ExtractedText.Failed;
        }
        return new ExtractedText(text.ToString(), Unreadable: false, budget.Limit ?? text.Limit);
    }

    /// <summary>Collects text up to a cap, with single separators, runs cut at their own cap, and no split surrogate pair at a cut.</summary>
    private sealed class TextBuffer(int capacity, int elementCapacity, ExtractionBudget budget)
    {
        private readonly StringBuilder _text = new();
        private int _element;

        public bool IsFull { get; private set; }

        /// <summary>Why text was left out (a run or the document too long); null while all was kept.</summary>
        public string? Limit { get; private set; }

        /// <summary>Appends part of a run of text; a run longer than its cap keeps its beginning.</summary>
        public void Append(ReadOnlySpan<char> value)
        {
            if (IsFull)
                return;
            var length = value.Length;
            if (_element + value.Length > elementCapacity)
            {
                Limit ??= $"ada bagian teks yang lebih panjang dari {Indonesian.Number(elementCapacity)} karakter";
                value = value[..Math.Max(0, elementCapacity - _element)];
            }
            if (value.Length > capacity - _text.Length)
            {
                value = value[..(capacity - _text.Length)];
                IsFull = true;
                Limit = $"teksnya lebih dari {Indonesian.Number(capacity)} karakter";
            }
            if (value.Length < length && value.Length > 0 && char.IsHighSurrogate(value[^1]))
                value = value[..^1];
            _text.Append(value);
            _element += value.Length;
            if (IsFull)
                throw budget.Reached(Limit!);
        }

        /// <summary>Ends a run: the next text starts a new one.</summary>
        public void EndRun() => _element = 0;

        /// <summary>Adds a space or newline unless the text is empty or already ends with one; ends the run.</summary>
        public void Separate(char separator)
        {
            _element = 0;
            if (IsFull || _text.Length == 0 || _text[^1] == '\n' || (separator == ' ' && char.IsWhiteSpace(_text[^1])))
                return;
            if (separator == '\n' && _text[^1] == ' ')
                _text[^1] = '\n';
            else
                Append([separator]);
            _element = 0;
        }

        public override string ToString() => _text.ToString().TrimEnd();
    }
}

/// <summary>
/// What one extraction has used of its <see cref="TextExtractionOptions"/>. The first limit reached
/// stays reached: every later check throws again, so a reader that swallows one exception (a
/// lenient PDF parser does) still stops at the next.
/// </summary>
internal sealed class ExtractionBudget(TextExtractionOptions options, CancellationToken cancellation)
{
    private long _unpacked;
    private long _objects;

    public TextExtractionOptions Options => options;

    public CancellationToken Cancellation => cancellation;

    public string? Limit { get; private set; }

    public void Check()
    {
        if (Limit is not null)
            throw new ExtractionLimitException(Limit);
        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>Counts inflated bytes against <see cref="TextExtractionOptions.MaxUnpackedBytes"/>.</summary>
    public void Unpack(long bytes)
    {
        Check();
        _unpacked += bytes;
        if (_unpacked > options.MaxUnpackedBytes)
            throw Reached($"isinya setelah dibuka melebihi {Indonesian.FileSize(options.MaxUnpackedBytes)}");
    }

    /// <summary>What is left of the unpacking budget, so an inflater can stop just past it.</summary>
    public long UnpackedLeft => options.MaxUnpackedBytes - _unpacked;

    public void Objects(long count)
    {
        Check();
        _objects += count;
        if (_objects > options.MaxPdfObjects)
            throw Reached($"strukturnya lebih dari {Indonesian.Number(options.MaxPdfObjects)} objek PDF");
    }

    public ExtractionLimitException Reached(string limit)
    {
        Limit ??= limit;
        return new ExtractionLimitException(Limit);
    }
}
