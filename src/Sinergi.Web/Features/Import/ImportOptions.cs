using System.ComponentModel.DataAnnotations;

namespace Sinergi.Features.Import;

/// <summary>
/// The import's settings, section <c>Import</c>: how much of a spreadsheet it reads, and how long an
/// unsaved preview is kept. A file over a limit is refused with a sentence that names the limit,
/// before its cells are held in memory; the defaults fit a region's whole registry in one file with
/// room to spare.
/// </summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Data rows of one sheet (the title and header rows above them come on top).</summary>
    [Range(1, 1_000_000, ErrorMessage = "Import:MaxRows harus antara 1 dan 1.000.000.")]
    public int MaxRows { get; set; } = 100_000;

    [Range(1, 16_384, ErrorMessage = "Import:MaxColumns harus antara 1 dan 16.384.")]
    public int MaxColumns { get; set; } = 200;

    /// <summary>Cells holding something, over every sheet of the file.</summary>
    [Range(1, 50_000_000, ErrorMessage = "Import:MaxCells harus antara 1 dan 50.000.000.")]
    public int MaxCells { get; set; } = 2_000_000;

    /// <summary>Characters of one cell; 32.767 is what Excel itself allows.</summary>
    [Range(100, 1_000_000, ErrorMessage = "Import:MaxCellCharacters harus antara 100 dan 1.000.000.")]
    public int MaxCellCharacters { get; set; } = 32_767;

    /// <summary>
    /// The file's content once unpacked: the parts of an .xlsx as its ZIP declares them (which is
    /// all that is ever inflated), the file itself for .xls and .csv.
    /// </summary>
    [Range(1, 4_096, ErrorMessage = "Import:MaxUnpackedMegabytes harus antara 1 dan 4.096.")]
    public int MaxUnpackedMegabytes { get; set; } = 100;

    /// <summary>Rows with a message that the API's answer lists; the full report is a download.</summary>
    [Range(1, 100_000, ErrorMessage = "Import:MaxProblemsInAnswer harus antara 1 dan 100.000.")]
    public int MaxProblemsInAnswer { get; set; } = 200;

    /// <summary>Days a preview that was never saved (or a file that could not be read) stays in the history; default 7.</summary>
    [Range(1, 3650, ErrorMessage = "Import:PreviewExpiryDays harus antara 1 dan 3650.")]
    public int PreviewExpiryDays { get; set; } = 7;

    public TimeSpan PreviewExpiry => TimeSpan.FromDays(PreviewExpiryDays);

    public long MaxUnpackedBytes => MaxUnpackedMegabytes * 1024L * 1024;

    /// <summary>The rows above the data that may hold titles and the header (what the header finder scans).</summary>
    public const int TitleRows = 30;
}
