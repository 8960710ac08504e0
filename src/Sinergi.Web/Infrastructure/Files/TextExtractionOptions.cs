using System.ComponentModel.DataAnnotations;

namespace Sinergi.Infrastructure.Files;

/// <summary>
/// How much work reading the text of one document may take, section <c>TextExtraction</c>. A document
/// past a limit keeps the text read until then and is marked as read only in part; its file is kept
/// and downloads as uploaded.
/// </summary>
public sealed class TextExtractionOptions
{
    public const string Section = "TextExtraction";

    /// <summary>Characters kept for search from one document.</summary>
    [Range(1_000, 10_000_000, ErrorMessage = "TextExtraction:MaxCharacters harus antara 1.000 dan 10.000.000.")]
    public int MaxCharacters { get; set; } = TextExtractor.MaxCharacters;

    /// <summary>Characters of one run of text (a DOCX run, a cell, a PDF word); the rest of it is skipped.</summary>
    [Range(100, 10_000_000, ErrorMessage = "TextExtraction:MaxElementCharacters harus antara 100 dan 10.000.000.")]
    public int MaxElementCharacters { get; set; } = 100_000;

    /// <summary>Pages of a PDF, sheets of an XLSX.</summary>
    [Range(1, 100_000, ErrorMessage = "TextExtraction:MaxPages harus antara 1 dan 100.000.")]
    public int MaxPages { get; set; } = 2_000;

    /// <summary>Bytes inflated from one document: the parts of a DOCX or XLSX, the streams of a PDF.</summary>
    [Range(1, 4_096, ErrorMessage = "TextExtraction:MaxUnpackedMegabytes harus antara 1 dan 4.096.")]
    public int MaxUnpackedMegabytes { get; set; } = 64;

    /// <summary>
    /// What one PDF page may draw: its content, with every form it draws counted each time it is
    /// drawn. Each letter of a page costs its reader hundreds of bytes, so this bounds the memory of
    /// a page; a page of dense text needs a few dozen kilobytes.
    /// </summary>
    [Range(16, 65_536, ErrorMessage = "TextExtraction:MaxPageContentKilobytes harus antara 16 dan 65.536.")]
    public int MaxPageContentKilobytes { get; set; } = 256;

    /// <summary>PDF objects read (the page tree of a PDF is read whole when it is opened).</summary>
    [Range(100, 10_000_000, ErrorMessage = "TextExtraction:MaxPdfObjects harus antara 100 dan 10.000.000.")]
    public int MaxPdfObjects { get; set; } = 60_000;

    [Range(1, 3_600, ErrorMessage = "TextExtraction:MaxSeconds harus antara 1 dan 3.600.")]
    public int MaxSeconds { get; set; } = 30;

    public long MaxUnpackedBytes => MaxUnpackedMegabytes * 1024L * 1024;

    public long MaxPageContentBytes => MaxPageContentKilobytes * 1024L;
}
