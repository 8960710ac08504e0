using System.Diagnostics.CodeAnalysis;
using System.IO.Compression;
using Sinergi.Web;

namespace Sinergi.Infrastructure.Files;

/// <summary>What <see cref="FileInspector"/> decided: a kind and its content type, or one message for the person.</summary>
public sealed record FileInspection
{
    /// <summary>The file name as it is stored and shown: <see cref="FileNames.Clean"/> of what the browser sent.</summary>
    public required string FileName { get; init; }

    public DocumentKind? Kind { get; init; }

    public string? ContentType { get; init; }

    /// <summary>Why the file is refused, in Bahasa Indonesia and naming the file; null when accepted.</summary>
    public string? Error { get; init; }

    [MemberNotNullWhen(true, nameof(Kind), nameof(ContentType))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsAccepted => Error is null;
}

/// <summary>
/// Decides what an upload is by its bytes, not its name: the extension must be an accepted one
/// and the content must be what the extension says. Bad input gives a message, never an exception.
/// </summary>
public static class FileInspector
{
    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;
    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> ZipMagic => "PK\x03\x04"u8;

    // Compound File Binary: .doc/.xls, and also what Office makes of a password-protected .docx/.xlsx.
    private static ReadOnlySpan<byte> CompoundFileMagic => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// Inspects <paramref name="content"/> from its current position to its end and puts the
    /// position back, so the same stream can then be saved.
    /// </summary>
    /// <param name="fileName">The name the person's browser sent.</param>
    /// <param name="content">A readable, seekable stream, such as <c>IFormFile.OpenReadStream()</c>.</param>
    /// <param name="maxBytes">The upload limit, <see cref="UploadOptions.MaxBytes"/>.</param>
    public static FileInspection Inspect(string fileName, Stream content, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanRead || !content.CanSeek)
            throw new ArgumentException("The stream must be readable and seekable.", nameof(content));

        var name = FileNames.Clean(fileName);
        var extension = Path.GetExtension(name);
        if (DocumentKinds.FromExtension(extension) is not { } promised)
        {
            return Refused(name, extension.Length == 0
                ? $"Berkas '{name}' tidak berekstensi. Unggah {DocumentKinds.AcceptedNames}."
                : $"Jenis berkas '{extension.ToLowerInvariant()}' pada '{name}' tidak diterima. Unggah {DocumentKinds.AcceptedNames}.");
        }

        var start = content.Position;
        var length = content.Length - start;
        if (length <= 0)
            return Refused(name, $"Berkas '{name}' kosong.");
        if (length > maxBytes)
            return Refused(name, $"Berkas '{name}' berukuran {Megabytes(length, roundUp: true)} MB, melebihi batas {Megabytes(maxBytes, roundUp: false)} MB.");

        try
        {
            var problem = Mismatch(promised, content);
            return problem is null
                ? new FileInspection { FileName = name, Kind = promised, ContentType = promised.ContentType() }
                : Refused(name, $"Berkas '{name}' bukan {promised.Name()} yang sah: {problem}.");
        }
        finally
        {
            content.Position = start;
        }
    }

    /// <summary>Null when the content is what the extension promised, else why not (the end of a sentence).</summary>
    private static string? Mismatch(DocumentKind promised, Stream content)
    {
        Span<byte> head = stackalloc byte[8];
        head = head[..content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false)];
        content.Seek(-head.Length, SeekOrigin.Current);

        DocumentKind? found;
        if (head.StartsWith(PdfMagic))
            found = DocumentKind.Pdf;
        else if (head.StartsWith(JpegMagic))
            found = DocumentKind.Jpeg;
        else if (head.StartsWith(PngMagic))
            found = DocumentKind.Png;
        else if (head.StartsWith(ZipMagic))
        {
            if (ZipDirectory.HasTooManyEntries(content))
                return $"arsipnya berisi lebih dari {Indonesian.Number(ZipDirectory.MaxEntries)} bagian, jauh melebihi dokumen Office mana pun";
            var package = OfficePackage(content, promised);
            if (package.Corrupt && promised is DocumentKind.Docx or DocumentKind.Xlsx)
                return "arsipnya rusak atau tidak lengkap";
            found = package.Kind;
        }
        else if (head.StartsWith(CompoundFileMagic) && promised is DocumentKind.Docx or DocumentKind.Xlsx)
            return $"berkas ini dilindungi kata sandi atau berformat Office lama (.doc/.xls). Simpan ulang tanpa kata sandi sebagai {promised.Name()}";
        else
            found = null;

        if (found == promised)
            return null;
        return found is { } other ? $"isinya berkas {other.Name()}" : "isinya tidak cocok dengan jenis berkasnya";
    }

    /// <summary>A ZIP is a DOCX or XLSX by the parts it holds; when it holds both, the promised kind wins.</summary>
    private static (DocumentKind? Kind, bool Corrupt) OfficePackage(Stream content, DocumentKind promised)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var parts = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (!parts.Contains("[Content_Types].xml"))
                return (null, false);
            var isDocx = parts.Contains("word/document.xml");
            var isXlsx = parts.Contains("xl/workbook.xml");
            return (isDocx, isXlsx) switch
            {
                (true, true) => (promised is DocumentKind.Xlsx ? DocumentKind.Xlsx : DocumentKind.Docx, false),
                (true, false) => (DocumentKind.Docx, false),
                (false, true) => (DocumentKind.Xlsx, false),
                _ => (null, false),
            };
        }
        catch (Exception e) when (e is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            return (null, true);
        }
    }

    private static FileInspection Refused(string name, string message) => new() { FileName = name, Error = message };

    /// <summary>25,3 for a size (rounded up, so a file just over 20 MB never reads "20"), 20 for a limit.</summary>
    private static string Megabytes(long bytes, bool roundUp)
    {
        var megabytes = (double)bytes / UploadOptions.BytesPerMegabyte;
        if (roundUp)
            megabytes = Math.Ceiling(megabytes * 10) / 10;
        return megabytes.ToString("#,0.#", Indonesian.Culture);
    }
}
