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
/// the file holds them; making sense of them is the importer's work.
/// </summary>
public static class SpreadsheetReader
{
    public static readonly IReadOnlyList<string> Extensions = [".xlsx", ".xls", ".csv"];

    static SpreadsheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static SpreadsheetRead Read(string fileName, Stream content, long maxBytes, CancellationToken ct = default)
    {
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
            using var reader = extension == ".csv"
                ? ExcelReaderFactory.CreateCsvReader(content, new ExcelReaderConfiguration
                {
                    AutodetectSeparators = [';', ',', '\t', '|'],
                    FallbackEncoding = Encoding.GetEncoding(1252),
                    LeaveOpen = true,
                })
                : ExcelReaderFactory.CreateReader(content, new ExcelReaderConfiguration { LeaveOpen = true });
            var sheets = new List<Sheet>();
            do
            {
                var rows = new List<object?[]>();
                while (reader.Read())
                {
                    ct.ThrowIfCancellationRequested();
                    var row = new object?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++)
                        row[i] = Clean(reader.GetValue(i));
                    rows.Add(row);
                }
                while (rows.Count > 0 && rows[^1].All(c => c is null))
                    rows.RemoveAt(rows.Count - 1);
                sheets.Add(new Sheet(string.IsNullOrEmpty(reader.Name) ? "Lembar 1" : reader.Name, rows));
            }
            while (reader.NextResult());
            return sheets.All(s => s.Rows.Count == 0)
                ? Failed($"Berkas '{name}' tidak berisi data.")
                : new SpreadsheetRead(sheets, null);
        }
        catch (InvalidPasswordException)
        {
            return Failed($"Berkas '{name}' dilindungi kata sandi. Buka di Excel, simpan tanpa kata sandi, lalu unggah lagi.");
        }
        catch (Exception e) when (e is HeaderException or InvalidDataException or IOException or FormatException
            or InvalidOperationException or ArgumentException or NotSupportedException or System.Xml.XmlException or IndexOutOfRangeException)
        {
            return Failed($"Berkas '{name}' rusak atau bukan {(extension == ".csv" ? "CSV" : "buku kerja Excel")} yang sah, sehingga tidak dapat dibaca.");
        }
    }

    private static object? Clean(object? value) => value switch
    {
        string text when string.IsNullOrWhiteSpace(text) => null,
        string text => text.Trim(),
        DBNull => null,
        _ => value,
    };

    private static SpreadsheetRead Failed(string message) => new([], message);
}
