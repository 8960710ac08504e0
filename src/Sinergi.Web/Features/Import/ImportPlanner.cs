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
    public static async Task<ImportPlan> PlanFileAsync(AppDbContext db, string regionCode, string fileName, Stream content, long maxBytes, ImportOptions limits,
        int? sheetIndex = null, IReadOnlyDictionary<int, ImportField>? mapping = null, IProgress<int>? progress = null, CancellationToken ct = default,
        ImportValueMapping? values = null)
    {
        // The name goes into messages and every row's history ("Impor <file>, baris 12").
        fileName = FileNames.Clean(fileName);
        return await PlanAsync(db, regionCode, fileName, SpreadsheetReader.Read(fileName, content, maxBytes, limits, ct), sheetIndex, mapping, progress, ct, values);
    }

    /// <param name="values">The person's choices for OPD and partner names the directory does not know as written.</param>
    public static async Task<ImportPlan> PlanAsync(AppDbContext db, string regionCode, string fileName, SpreadsheetRead read,
        int? sheetIndex = null, IReadOnlyDictionary<int, ImportField>? mapping = null, IProgress<int>? progress = null, CancellationToken ct = default,
        ImportValueMapping? values = null)
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
            ValueMapping = values ?? new ImportValueMapping(),
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
        var footer = ImportFooter.Start(new TextRows(sheet.Rows), header.FirstDataRow, plan.Mapping);
        var dataRows = sheet.Rows.Take(footer).Skip(header.FirstDataRow).ToList();
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
        Notice(plan, sheet, footer);
        progress?.Report(100);
        return plan;
    }

    /// <summary>What the preview, the verb and the API say once about the file: the rows left out under the table, a missing number column.</summary>
    private static void Notice(ImportPlan plan, Sheet sheet, int footer)
    {
        var skipped = Enumerable.Range(footer, sheet.Rows.Count - footer).Where(r => sheet.Rows[r].Any(c => c is not null)).ToList();
        plan.FooterRows = skipped.Count;
        if (skipped.Count > 0)
        {
            var where = skipped.Count == 1 ? $"baris {skipped[0] + 1}" : $"baris {skipped[0] + 1}–{skipped[^1] + 1}";
            plan.Notices.Add($"{Sinergi.Web.Indonesian.Number(skipped.Count)} baris di bawah tabel ({where}) dilewati sebagai catatan atau tanda tangan, bukan kerja sama.");
        }
        if (plan.Rows.Count > 0 && !plan.Mapping.Values.Contains(ImportField.Number))
            plan.Notices.Add("Berkas ini tidak punya kolom nomor perjanjian: bila diimpor lagi, baris dikenali dari judul dan tanggal penandatanganannya.");
    }

    /// <summary>The rows of a sheet as text, made only for the rows asked for: the footer is looked for from the bottom up.</summary>
    private sealed class TextRows(IReadOnlyList<object?[]> rows) : IReadOnlyList<IReadOnlyList<string?>>
    {
        public int Count => rows.Count;

        public IReadOnlyList<string?> this[int index] => rows[index].Select(AsText).ToList();

        public IEnumerator<IReadOnlyList<string?>> GetEnumerator() => Enumerable.Range(0, Count).Select(i => this[i]).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
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
