using System.IO.Compression;
using UglyToad.PdfPig.Filters;
using UglyToad.PdfPig.Tokens;

namespace Sinergi.Infrastructure.Files;

/// <summary>
/// The file as PdfPig reads it: PdfPig reads byte by byte and seeks to each object it parses, so
/// this stream counts the seeks against <see cref="TextExtractionOptions.MaxPdfObjects"/> (opening a
/// PDF reads its whole page tree, which is what a 115.000-page file is after) and checks the time
/// every 64 KB.
/// </summary>
internal sealed class PdfGuardStream(Stream inner, ExtractionBudget budget) : Stream
{
    private long _sinceCheck;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set
        {
            budget.Objects(1);
            inner.Position = value;
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        budget.Objects(1);
        return inner.Seek(offset, origin);
    }

    public override int ReadByte()
    {
        if (++_sinceCheck >= 65536)
            Checked();
        return inner.ReadByte();
    }

    public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

    public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

    private int Counted(int read)
    {
        _sinceCheck += read;
        if (_sinceCheck >= 65536)
            Checked();
        return read;
    }

    private void Checked()
    {
        _sinceCheck = 0;
        budget.Check();
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// PdfPig's own filters, each asked first how much it would inflate: Flate and LZW are measured by
/// decoding without keeping the output, run-length by reading its counts, and the total is charged
/// to the budget before anything is allocated. An object stream also charges the objects it holds.
/// </summary>
internal sealed class PdfBoundedFilters(ExtractionBudget budget) : IFilterProvider
{
    private static readonly IFilterProvider Inner = DefaultFilterProvider.Instance;

    public IReadOnlyList<IFilter> GetFilters(DictionaryToken dictionary) => Inner.GetFilters(dictionary).Select(Wrap).ToList();

    public IReadOnlyList<IFilter> GetNamedFilters(IReadOnlyList<NameToken> names) => Inner.GetNamedFilters(names).Select(Wrap).ToList();

    public IReadOnlyList<IFilter> GetAllFilters() => Inner.GetAllFilters().Select(Wrap).ToList();

    /// <summary>A stream's decoded bytes, through the bounded filters.</summary>
    public byte[] Decode(StreamToken stream)
    {
        var data = stream.Data;
        var filters = GetFilters(stream.StreamDictionary);
        if (filters.Count == 0)
            return data.ToArray();
        for (var i = 0; i < filters.Count; i++)
            data = filters[i].Decode(data, stream.StreamDictionary, this, i);
        return data.ToArray();
    }

    private IFilter Wrap(IFilter filter) => new Bounded(filter, budget);

    private sealed class Bounded(IFilter inner, ExtractionBudget budget) : IFilter
    {
        public bool IsSupported => inner.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, DictionaryToken streamDictionary, IFilterProvider filterProvider, int filterIndex)
        {
            budget.Check();
            if (streamDictionary.TryGet(NameToken.Type, out NameToken type) && type.Equals(NameToken.ObjStm)
                && streamDictionary.TryGet(NameToken.N, out NumericToken objects))
                budget.Objects(Math.Max(0, objects.Long));
            var measured = inner switch
            {
                FlateFilter => Inflated(input.Span, budget.UnpackedLeft + 1),
                LzwFilter => LzwLength(input.Span, budget.UnpackedLeft + 1),
                RunLengthFilter => RunLength(input.Span),
                _ => -1L,
            };
            if (measured >= 0)
                budget.Unpack(measured);
            var output = inner.Decode(input, streamDictionary, filterProvider, filterIndex);
            if (measured < 0)
                budget.Unpack(output.Length);
            return output;
        }
    }

    /// <summary>What a zlib stream inflates to, counted up to <paramref name="limit"/>; damaged data counts what came out.</summary>
    private static long Inflated(ReadOnlySpan<byte> input, long limit)
    {
        if (input.Length < 2)
            return 0;
        using var source = new MemoryStream(input[2..].ToArray(), writable: false);
        using var inflate = new DeflateStream(source, CompressionMode.Decompress);
        var buffer = new byte[81920];
        long total = 0;
        try
        {
            int read;
            while (total < limit && (read = inflate.Read(buffer)) > 0)
                total += read;
        }
        catch (InvalidDataException)
        {
            // PdfPig keeps what it can of a damaged stream; so does the count.
        }
        return total;
    }

    /// <summary>What run-length data decodes to, from its length bytes alone.</summary>
    private static long RunLength(ReadOnlySpan<byte> input)
    {
        long total = 0;
        for (var i = 0; i < input.Length;)
        {
            var length = input[i];
            if (length == 128)
                break;
            if (length < 128)
            {
                total += length + 1;
                i += length + 2;
            }
            else
            {
                total += 257 - length;
                i += 2;
            }
        }
        return total;
    }

    /// <summary>What LZW data decodes to, decoding the lengths of its table entries only (early change, as PdfPig's default).</summary>
    private static long LzwLength(ReadOnlySpan<byte> input, long limit)
    {
        var lengths = new List<int>(4096);
        void Reset()
        {
            lengths.Clear();
            for (var i = 0; i < 258; i++)
                lengths.Add(i < 256 ? 1 : 0);
        }
        Reset();
        long total = 0;
        var (bits, previous, position) = (9, -1, 0L);
        var totalBits = input.Length * 8L;
        while (total < limit && position + bits <= totalBits)
        {
            var code = 0;
            for (var b = 0; b < bits; b++, position++)
                code = (code << 1) | ((input[(int)(position >> 3)] >> (7 - (int)(position & 7))) & 1);
            if (code == 257)
                break;
            if (code == 256)
            {
                Reset();
                (bits, previous) = (9, -1);
                continue;
            }
            int length;
            if (code < lengths.Count)
                length = lengths[code];
            else if (previous >= 0)
                length = lengths[previous] + 1;
            else
                break;
            total += length;
            if (previous >= 0)
                lengths.Add(lengths[previous] + 1);
            previous = code;
            bits = lengths.Count >= 2047 ? 12 : lengths.Count >= 1023 ? 11 : lengths.Count >= 511 ? 10 : 9;
        }
        return total;
    }
}
