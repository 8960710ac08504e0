using Sinergi.Infrastructure.Files;
using Sinergi.Infrastructure.Spreadsheets;

namespace Sinergi.Features.Import;

/// <summary>
/// Every row of an import with what happened to it and why: the report a person keeps or sends back
/// to the OPDs. The session page and the API offer the same workbook.
/// </summary>
public static class ImportReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static MemoryStream Xlsx(ImportPreview preview, bool saved)
    {
        var columns = new ExportColumn[] { new("Baris", ExportKind.Number), new("Nomor"), new("Judul"), new("Hasil"), new("Mitra"), new("OPD"), new("Galat"), new("Peringatan") };
        var rows = preview.Rows.Select(r => new object?[]
        {
            r.RowNumber, r.Number, r.Title, OutcomeLabel(r.Outcome, saved), string.Join("; ", r.Partners), string.Join("; ", r.Opds),
            string.Join("\n", r.Messages.Where(m => m.IsError).Select(m => $"{m.Column}: {m.Text}")),
            string.Join("\n", r.Messages.Where(m => !m.IsError).Select(m => $"{m.Column}: {m.Text}")),
        });
        var output = new MemoryStream();
        TableExport.WriteXlsx(output, "Hasil impor", columns, rows);
        output.Position = 0;
        return output;
    }

    public static string FileName(string uploaded) => $"hasil-impor-{Path.GetFileNameWithoutExtension(FileNames.Clean(uploaded))}.xlsx";

    public static string OutcomeLabel(ImportOutcome outcome, bool saved) => outcome switch
    {
        ImportOutcome.Create => saved ? "Dibuat" : "Akan dibuat",
        ImportOutcome.Update => saved ? "Diperbarui" : "Akan diperbarui",
        ImportOutcome.Unchanged => "Tidak berubah",
        _ => "Bermasalah",
    };
}
