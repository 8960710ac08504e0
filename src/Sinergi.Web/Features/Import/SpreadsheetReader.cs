using System.Text;
using ExcelDataReader;
using ExcelDataReader.Exceptions;
using Sinergi.Web;

namespace Sinergi.Features.Import;

/// <summary>One sheet of a workbook as rows of cell values (text, numbers, dates, or null).</summary>
public sealed record Sheet(string Name, IReadOnlyList<object?[]> Rows);

/// <summary>What a spreadsheet file held, or why it could not be read (one sentence in Bahasa Indonesia).</summary>
public sealed record SpreadsheetRead(IReadOnlyList<Sheet> Sheets, string? Error)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Reads the spreadsheets regions keep their cooperation in: <c>.xlsx</c>, the older <c>.xls</c>, and
/// <c>.csv</c> separated by commas or semicolons in UTF-8 or Windows-1252. Cell values come back as
/// the file holds them; making sense of them is the importer's work. Whatever the file declares,
/// only cells with a value are kept, and a file past one of the <see cref="ImportOptions"/> is
/// refused with the limit it went past, as soon as the reading reaches it.
/// </summary>
public static class SpreadsheetReader
{
    public static readonly IReadOnlyList<string> Extensions = [".xlsx", ".xls", ".csv"];

    private static ReadOnlySpan<byte> ZipMagic => "PK"u8;

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SpreadsheetRead Read(string fileName, Stream content, long maxBytes, ImportOptions? limits = null, CancellationToken ct = default)
    {
        limits ??= new ImportOptions();
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        if (!Extensions.Contains(extension))
            return Failed($"Jenis berkas '{extension}' pada '{name}' tidak dapat diimpor. Unggah .xlsx, .xls atau .csv.");
        if (content.Length == 0)
            return Failed($"Berkas '{name}' kosong.");
        if (content.Length > maxBytes)
            return Failed($"Berkas '{name}' berukuran {Indonesian.FileSize(content.Length)}, melebihi batas {Indonesian.FileSize(maxBytes)}.");

        try
        {
            var sheets = extension == ".csv" ? ReadCsv(content, limits, ct) : IsZip(content) ? XlsxReader.Read(content, name, limits, ct) : ReadXls(content, limits, ct);
            return sheets.All(s => s.Rows.Count == 0)
                ? Failed($"Berkas '{name}' tidak berisi data.")
                : new SpreadsheetRead(sheets, null);
        }
        catch (SpreadsheetLimitException limit)
        {
            return Failed($"Berkas '{name}' tidak dapat diimpor: {limit.Message}");
        }
        catch (InvalidPasswordException)
        {
            return Protected(name);
        }
        catch (ExcelReaderException) when (IsEncryptedPackage(content))
        {
            return Protected(name);
        }
        catch (Exception e) when (e is HeaderException or ExcelReaderException or InvalidDataException or IOException or FormatException
            or InvalidOperationException or ArgumentException or NotSupportedException or System.Xml.XmlException or IndexOutOfRangeException)
        {
            return Failed($"Berkas '{name}' rusak atau bukan {(extension == ".csv" ? "CSV" : "buku kerja Excel")} yang sah, sehingga tidak dapat dibaca.");
        }
    }

    private static List<Sheet> ReadCsv(Stream content, ImportOptions limits, CancellationToken ct)
    {
        RefuseUnpacked(content.Length, limits);
        var builder = new SheetBuilder(null, limits, new CellCount());
        CsvReader.Read(content, builder, limits.MaxCellCharacters, ct);
        return [builder.Build("Lembar 1")];
    }

    /// <summary>
    /// The binary .xls of Excel 97–2003, through ExcelDataReader: its cells are never compressed, so
    /// the file's size bounds them, and the columns a row is read for are capped, whatever the sheet
    /// declares.
    /// </summary>
    private static List<Sheet> ReadXls(Stream content, ImportOptions limits, CancellationToken ct)
    {
        RefuseUnpacked(content.Length, limits);
        using var reader = ExcelReaderFactory.CreateBinaryReader(content, new ExcelReaderConfiguration { LeaveOpen = true });
        var sheets = new List<Sheet>();
        var count = new CellCount();
        do
        {
            var name = string.IsNullOrEmpty(reader.Name) ? $"Lembar {sheets.Count + 1}" : reader.Name;
            var builder = new SheetBuilder(name, limits, count);
            // An .xls has at most 256 columns; a sheet that declares more holds nothing past them.
            var width = Math.Min(reader.FieldCount, 256);
            for (var row = 0; reader.Read(); row++)
            {
                ct.ThrowIfCancellationRequested();
                for (var column = 0; column < width; column++)
                    builder.Add(row, column, reader.GetValue(column));
            }
            sheets.Add(builder.Build(name));
        }
        while (reader.NextResult());
        return sheets;
    }

    private static void RefuseUnpacked(long length, ImportOptions limits)
    {
        if (length > limits.MaxUnpackedBytes)
            throw new SpreadsheetLimitException(
                $"berkas ini berukuran {Indonesian.FileSize(length)}, melebihi batas {Indonesian.FileSize(limits.MaxUnpackedBytes)} untuk impor. Bagi daftarnya menjadi beberapa berkas.");
    }

    private static bool IsZip(Stream content)
    {
        Span<byte> head = stackalloc byte[2];
        var start = content.Position;
        var read = content.ReadAtLeast(head, 2, throwOnEndOfStream: false);
        content.Position = start;
        return read == 2 && head.SequenceEqual(ZipMagic);
    }

    /// <summary>An .xlsx saved with a password is a compound file holding an <c>EncryptedPackage</c> stream.</summary>
    private static bool IsEncryptedPackage(Stream content)
    {
        try
        {
            content.Position = 0;
            var name = Encoding.Unicode.GetBytes("EncryptedPackage");
            var buffer = new byte[Math.Min(content.Length, 4 * 1024 * 1024)];
            content.ReadExactly(buffer);
            return buffer.AsSpan().IndexOf(name) >= 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static SpreadsheetRead Protected(string name) =>
        Failed($"Berkas '{name}' dilindungi kata sandi. Buka di Excel, simpan tanpa kata sandi, lalu unggah lagi.");

    private static SpreadsheetRead Failed(string message) => new([], message);
}
