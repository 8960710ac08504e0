using System.Globalization;
using System.Text.Json;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Features.Import;

/// <summary>
/// Reads a spreadsheet against the region's registry without saving anything: finds the header,
/// maps the columns (or takes the person's mapping), reads every row the Indonesian way, matches
/// partners, OPDs and agreements already recorded, and says per row what saving would do and
/// what is wrong. The page, the command line and the API all plan through here.
/// </summary>
public static class ImportPlanner
{
    /// <summary>
    /// Reads a file and plans it. The cells are needed only for planning: reading them here lets
    /// them go as soon as the plan is made, before saving, which matters for a file of 50,000 rows.
    /// </summary>
    public static async Task<ImportPlan> PlanFileAsync(AppDbContext db, string regionCode, string fileName, Stream content, long maxBytes,
        int? sheetIndex = null, IReadOnlyDictionary<int, ImportField>? mapping = null, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        // The name goes into messages and every row's history ("Impor <file>, baris 12").
        fileName = FileNames.Clean(fileName);
        return await PlanAsync(db, regionCode, fileName, SpreadsheetReader.Read(fileName, content, maxBytes, ct), sheetIndex, mapping, progress, ct);
    }

    public static async Task<ImportPlan> PlanAsync(AppDbContext db, string regionCode, string fileName, SpreadsheetRead read,
        int? sheetIndex = null, IReadOnlyDictionary<int, ImportField>? mapping = null, IProgress<int>? progress = null, CancellationToken ct = default)
    {
        if (!read.Succeeded)
            return ImportPlan.Failed(fileName, read.Error!);

        var index = sheetIndex is int chosen && chosen >= 0 && chosen < read.Sheets.Count ? chosen : FirstSheetWithHeader(read);
        var sheet = read.Sheets[index];
        var header = ImportColumns.FindHeader(sheet.Rows.Take(30).Select(r => (IReadOnlyList<string?>)r.Select(AsText).ToList()).ToList());
        var plan = new ImportPlan
        {
            FileName = fileName,
            SheetName = sheet.Name,
            SheetNames = read.Sheets.Select(s => s.Name).ToList(),
            SheetIndex = index,
            Header = header,
            Mapping = mapping ?? header.Mapping,
        };
        if (!header.Found)
        {
            plan.Error = header.Error ?? "Baris judul kolom tidak ditemukan. Pastikan ada kolom seperti \"Nomor\", \"Tentang\" dan \"Mitra\" di atas data.";
            return plan;
        }
        if (!plan.Mapping.Values.Contains(ImportField.Title))
        {
            plan.Error = "Kolom judul kerja sama (mis. \"Tentang\", \"Judul\" atau \"Perihal\") belum dipetakan. Pilih kolom judul pada pemetaan.";
            return plan;
        }

        var directory = await ImportDirectory.LoadAsync(db, regionCode, ct);
        var reader = new ImportRowReader(directory, plan, header);
        var dataRows = sheet.Rows.Skip(header.FirstDataRow).ToList();
        for (var i = 0; i < dataRows.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            if (dataRows[i].All(c => c is null))
                continue;
            plan.Rows.Add(reader.Read(header.FirstDataRow + i + 1, dataRows[i]));
            if (i % 500 == 0)
                progress?.Report(i * 100 / dataRows.Count);
        }
        if (plan.Rows.Count == 0)
            plan.Error = "Tidak ada baris data di bawah judul kolom.";
        MarkDuplicates(plan);
        progress?.Report(100);
        return plan;
    }

    /// <summary>Two rows for the same number would write one agreement twice: the later row is an error.</summary>
    private static void MarkDuplicates(ImportPlan plan)
    {
        var seen = new Dictionary<string, int>();
        foreach (var row in plan.Rows.Where(r => r.Number is not null))
        {
            if (seen.TryGetValue(row.Number!.ToLowerInvariant(), out var first))
            {
                row.Error(ImportColumns.Label(ImportField.Number), $"Nomor \"{row.Number}\" sudah dipakai baris {first} di berkas ini.");
                row.Outcome = ImportOutcome.Error;
            }
            else
            {
                seen[row.Number!.ToLowerInvariant()] = row.RowNumber;
            }
        }
    }

    private static int FirstSheetWithHeader(SpreadsheetRead read)
    {
        for (var i = 0; i < read.Sheets.Count; i++)
        {
            var rows = read.Sheets[i].Rows.Take(30).Select(r => (IReadOnlyList<string?>)r.Select(AsText).ToList()).ToList();
            if (ImportColumns.FindHeader(rows).Found)
                return i;
        }
        return 0;
    }

    /// <summary>A cell as the header finder reads it.</summary>
    internal static string? AsText(object? cell) => cell switch
    {
        null => null,
        string text => text,
        DateTime date => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    /// <summary>
    /// The comparable form of a draft, to tell an unchanged row from an update: what it would store,
    /// so "5 tahun" and the end date it gives compare equal.
    /// </summary>
    internal static string Fingerprint(AgreementDraft draft)
    {
        var d = draft.Normalized();
        return JsonSerializer.Serialize(new object?[]
        {
            d.Kind, d.DocumentType, d.Number, d.PartnerNumber, d.Title, d.Scope, d.UrusanCodes, d.OpdIds, d.PartnerIds,
            d.SignedOn, d.EffectiveStart, d.EffectiveEnd, d.TotalMonths, d.Value?.ToString("0.##", CultureInfo.InvariantCulture), d.Funding,
            d.DprdApprovalRequired, d.DprdApprovedOn, d.DprdApprovalNumber, d.ParentId, d.AsDraft,
        });
    }
}
