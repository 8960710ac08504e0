using System.Buffers.Binary;

namespace Sinergi.Infrastructure.Files;

/// <summary>
/// What a ZIP (a DOCX or XLSX) says about itself in its end record, read before
/// <see cref="System.IO.Compression.ZipArchive"/> loads its whole central directory: a 20 MB
/// upload can declare hundreds of thousands of entries, and listing them would take the memory
/// a hostile file is after. Office packages hold a few dozen parts.
/// </summary>
public static class ZipDirectory
{
    public const int MaxEntries = 10_000;

    private const uint EndOfCentralDirectory = 0x06054b50;
    private const int EndRecordLength = 22;

    /// <summary>
    /// The number of entries the package declares (<see cref="int.MaxValue"/> for a ZIP64 one, which
    /// no Office file of an accepted size needs), or null when there is no end record to read.
    /// Leaves the stream where it was.
    /// </summary>
    public static int? DeclaredEntries(Stream content)
    {
        var start = content.Position;
        try
        {
            var tail = (int)Math.Min(content.Length - start, EndRecordLength + ushort.MaxValue);
            if (tail < EndRecordLength)
                return null;
            var buffer = new byte[tail];
            content.Seek(-tail, SeekOrigin.End);
            content.ReadExactly(buffer);
            for (var i = tail - EndRecordLength; i >= 0; i--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(i)) != EndOfCentralDirectory)
                    continue;
                var entries = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(i + 10));
                return entries == ushort.MaxValue ? int.MaxValue : entries;
            }
            return null;
        }
        finally
        {
            content.Position = start;
        }
    }

    /// <summary>True when the package declares more entries than any Office file needs.</summary>
    public static bool HasTooManyEntries(Stream content) => DeclaredEntries(content) > MaxEntries;
}
