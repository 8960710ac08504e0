using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Budget;
using Sinergi.Infrastructure.Files;
using Sinergi.Web;

namespace Sinergi.Features.Import;

/// <summary>What a column of a budget-lines workbook holds.</summary>
public enum BudgetImportField
{
    AgreementNumber,
    FiscalYear,
    /// <summary>One code of any level (program, kegiatan or sub-kegiatan), split by its shape.</summary>
    Code,
    ProgramCode,
    KegiatanCode,
    SubKegiatanCode,
    Planned,
    Realised,
    Source,
    Opd,
    Document,
    DocumentNumber,
    Note,
}

/// <summary>One data row of a budget-lines workbook as Sinergi reads it.</summary>
public sealed class BudgetImportRow
{
    public int RowNumber { get; init; }
    public string? AgreementNumber { get; init; }
    public int? AgreementId { get; set; }
    public string? AgreementTitle { get; set; }
    public int? FiscalYear { get; set; }
    public string? Code { get; set; }
    public BudgetSource? Source { get; set; }
    public decimal? Planned { get; set; }
    public decimal? Realised { get; set; }
    public ImportOutcome Outcome { get; set; }
    public List<ImportMessage> Messages { get; } = [];

    internal BudgetLineDraft? Draft { get; set; }
    internal int? ExistingLineId { get; set; }

    public bool HasErrors => Messages.Any(m => m.IsError);

    internal void Error(string column, string text) => Messages.Add(new ImportMessage(column, text, true));
}

/// <summary>A budget-lines workbook read and checked against the region's agreements, before anything is saved.</summary>
public sealed class BudgetImportPlan
{
    public required string FileName { get; init; }
    public string? SheetName { get; init; }
    /// <summary>The header of each column read, with what it was read as.</summary>
    public List<(string Header, BudgetImportField Field)> Columns { get; } = [];
    public List<BudgetImportRow> Rows { get; } = [];
    public string? Error { get; set; }

    /// <summary>The spreadsheet row numbers of the rows with an error.</summary>
    public List<int> ErrorRows => Rows.Where(r => r.Outcome == ImportOutcome.Error).Select(r => r.RowNumber).ToList();

    public bool CanSave => Error is null && Rows.Count > 0 && Rows.All(r => r.Outcome != ImportOutcome.Error);

    /// <summary>
    /// Whether the plan saves when the person leaves out exactly <paramref name="leftOut"/>: the rows
    /// with an error, named, and nothing else; at least one row must remain.
    /// </summary>
    public bool CanSaveWithout(IReadOnlyCollection<int> leftOut) =>
        Error is null && (leftOut.Count == 0 ? CanSave : leftOut.ToHashSet().SetEquals(ErrorRows) && Rows.Count > leftOut.Count);

    public int Count(ImportOutcome outcome) => Rows.Count(r => r.Outcome == outcome);

    public bool HasChanges => Count(ImportOutcome.Create) + Count(ImportOutcome.Update) > 0;

    /// <summary>The closing line of the verb, as the agreement import's.</summary>
    public string Summary => $"imported={Count(ImportOutcome.Create)} updated={Count(ImportOutcome.Update)} skipped={Count(ImportOutcome.Unchanged)} errors={Count(ImportOutcome.Error) + (Error is null ? 0 : 1)}";

    /// <summary>The counts in words for the page: "3 baris baru · 1 diperbarui · 0 sama · 2 bermasalah".</summary>
    public string Describe(bool saved) =>
        $"{Indonesian.Number(Count(ImportOutcome.Create))} {(saved ? "ditambahkan" : "akan ditambahkan")} · {Indonesian.Number(Count(ImportOutcome.Update))} {(saved ? "diperbarui" : "akan diperbarui")}"
        + $" · {Indonesian.Number(Count(ImportOutcome.Unchanged))} sama dengan yang tercatat · {Indonesian.Number(Count(ImportOutcome.Error))} bermasalah";
}

/// <summary>
/// The budget-lines mode of the import: a workbook with one line a row (agreement number, fiscal year,
/// nomenclature code, planned, realised; optionally source, OPD, planning document and its number),
/// each row checked by the very rules of the manual form (<see cref="BudgetLineDraft"/>) and saved
/// through <see cref="BudgetLines"/>, all rows or none, in one transaction. A row for a line already
/// recorded (same agreement, year, source, OPD and codes) changes it instead of doubling it. The
/// page, the API and the <c>import --mode budget</c> verb all plan and save here.
/// </summary>
public static partial class BudgetImport
{
    public static string Label(BudgetImportField field) => field switch
    {
        BudgetImportField.AgreementNumber => "Nomor perjanjian",
        BudgetImportField.FiscalYear => "Tahun anggaran",
        BudgetImportField.Code => "Kode program/kegiatan/sub-kegiatan",
        BudgetImportField.ProgramCode => "Kode program",
        BudgetImportField.KegiatanCode => "Kode kegiatan",
        BudgetImportField.SubKegiatanCode => "Kode sub-kegiatan",
        BudgetImportField.Planned => "Pagu rencana",
        BudgetImportField.Realised => "Realisasi",
        BudgetImportField.Source => "Sumber dana",
        BudgetImportField.Opd => "OPD",
        BudgetImportField.Document => "Dokumen perencanaan",
        BudgetImportField.DocumentNumber => "Nomor dokumen",
        _ => "Keterangan",
    };

    /// <summary>The field a header names, or null: specific words first, so "Tahun Anggaran" is a year and "Nomor Dokumen" not the agreement's number.</summary>
    public static BudgetImportField? Match(string? header)
    {
        var f = ImportText.Fold(header);
        if (f.Length == 0 || f is "no" or "no urut" or "nomor urut" or "urut")
            return null;
        bool Has(params string[] phrases) => ImportText.HasAny(f, phrases);
        if (Has("dokumen", "dpa", "renja", "rkpd") && Has("nomor", "no"))
            return BudgetImportField.DocumentNumber;
        if (Has("dokumen", "perencanaan"))
            return BudgetImportField.Document;
        if (Has("realisasi"))
            return BudgetImportField.Realised;
        if (Has("keterangan", "catatan", "ket"))
            return BudgetImportField.Note;
        if (Has("sumber"))
            return BudgetImportField.Source;
        if (Has("tahun", "ta"))
            return BudgetImportField.FiscalYear;
        if (Has("kode", "rekening", "nomenklatur"))
            return f switch
            {
                "kode program" => BudgetImportField.ProgramCode,
                "kode kegiatan" => BudgetImportField.KegiatanCode,
                "kode sub kegiatan" or "kode subkegiatan" => BudgetImportField.SubKegiatanCode,
                _ => BudgetImportField.Code,
            };
        if (Has("opd", "skpd", "perangkat daerah", "unit kerja", "dinas"))
            return BudgetImportField.Opd;
        if (Has("pagu", "anggaran", "rencana", "nilai"))
            return BudgetImportField.Planned;
        if (Has("nomor", "no", "pks", "nomor perjanjian", "nomor kerja sama"))
            return BudgetImportField.AgreementNumber;
        return null;
    }

    public static async Task<BudgetImportPlan> PlanFileAsync(AppDbContext db, AgreementChanges.Recorder recorder, string fileName, Stream content, long maxBytes,
        ImportOptions limits, CancellationToken ct = default)
    {
        fileName = FileNames.Clean(fileName);
        var read = SpreadsheetReader.Read(fileName, content, maxBytes, limits, ct);
        if (!read.Succeeded)
            return new BudgetImportPlan { FileName = fileName, Error = read.Error };
        return await PlanAsync(db, recorder, fileName, read, ct);
    }

    public static async Task<BudgetImportPlan> PlanAsync(AppDbContext db, AgreementChanges.Recorder recorder, string fileName, SpreadsheetRead read, CancellationToken ct = default)
    {
        // The first sheet with a header of a budget-lines list, and the row it is on.
        foreach (var sheet in read.Sheets)
        {
            for (var r = 0; r < Math.Min(30, sheet.Rows.Count); r++)
            {
                var mapping = new Dictionary<int, BudgetImportField>();
                var headers = new Dictionary<int, string>();
                for (var c = 0; c < sheet.Rows[r].Length; c++)
                {
                    var text = ImportText.Collapse(ImportPlanner.AsText(sheet.Rows[r][c]));
                    if (Match(text) is { } field && !mapping.ContainsValue(field))
                        (mapping[c], headers[c]) = (field, text!);
                }
                if (mapping.ContainsValue(BudgetImportField.AgreementNumber) && mapping.ContainsValue(BudgetImportField.FiscalYear)
                    && mapping.ContainsValue(BudgetImportField.Planned))
                {
                    var plan = new BudgetImportPlan { FileName = fileName, SheetName = sheet.Name };
                    plan.Columns.AddRange(mapping.OrderBy(m => m.Key).Select(m => (headers[m.Key], m.Value)));
                    await ReadRowsAsync(db, recorder, plan, sheet, r, mapping, headers, ct);
                    return plan;
                }
            }
        }
        return new BudgetImportPlan
        {
            FileName = fileName,
            Error = "Baris judul kolom baris anggaran tidak ditemukan. Berkas perlu kolom \"Nomor Perjanjian\", \"Tahun Anggaran\" dan \"Pagu\", "
                + "serta \"Kode Program/Kegiatan/Sub Kegiatan\" untuk anggaran APBD.",
        };
    }

    private static async Task ReadRowsAsync(AppDbContext db, AgreementChanges.Recorder recorder, BudgetImportPlan plan, Sheet sheet, int headerRow,
        Dictionary<int, BudgetImportField> mapping, Dictionary<int, string> headers, CancellationToken ct)
    {
        var region = recorder.RegionCode;
        var numbers = (await db.Agreements.IgnoreQueryFilters().AsNoTracking().Where(a => a.RegionCode == region && a.Number != null)
                .Select(a => new { a.Id, a.Number }).ToListAsync(ct))
            .GroupBy(a => Key(a.Number!)).ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToList());
        var opds = await db.Opds.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == region).ToListAsync(ct);
        var agreements = new Dictionary<int, Agreement>();
        var lines = new Dictionary<int, List<BudgetLine>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);

        string Column(BudgetImportField field) => mapping.Where(m => m.Value == field).Select(m => headers[m.Key]).FirstOrDefault() ?? Label(field);
        string CodeColumn(BudgetImportField field) => mapping.ContainsValue(field) ? Column(field) : Column(BudgetImportField.Code);

        for (var r = headerRow + 1; r < sheet.Rows.Count; r++)
        {
            ct.ThrowIfCancellationRequested();
            var cells = sheet.Rows[r];
            if (cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s))))
                continue;
            object? Cell(BudgetImportField field) => mapping.Where(m => m.Value == field).Select(m => m.Key < cells.Length ? cells[m.Key] : null)
                .Select(c => c is string text ? Text.WithoutControls(text) : c).FirstOrDefault();
            string? TextOf(BudgetImportField field) => ImportText.Collapse(ImportPlanner.AsText(Cell(field))) is { } t && !ImportText.IsDash(t) ? t : null;

            var row = new BudgetImportRow { RowNumber = r + 1, AgreementNumber = TextOf(BudgetImportField.AgreementNumber) };
            plan.Rows.Add(row);
            // Draft fields whose cell was already said to be wrong: the draft's own check of them is not said again.
            var failed = new HashSet<string>();
            void Fail(BudgetImportField field, string draftField, string message)
            {
                failed.Add(draftField);
                row.Error(Column(field), message);
            }

            Agreement? agreement = null;
            if (row.AgreementNumber is null)
                row.Error(Column(BudgetImportField.AgreementNumber), "Nomor perjanjian kosong.");
            else if (!numbers.TryGetValue(Key(row.AgreementNumber), out var ids))
                row.Error(Column(BudgetImportField.AgreementNumber), $"Tidak ada kerja sama bernomor \"{row.AgreementNumber}\" di daerah ini.");
            else if (ids.Count > 1)
                row.Error(Column(BudgetImportField.AgreementNumber),
                    $"Nomor \"{row.AgreementNumber}\" dipakai {Indonesian.Number(ids.Count)} kerja sama di daerah ini; catat baris anggaran ini pada halaman kerja samanya.");
            else
            {
                if (!agreements.TryGetValue(ids[0], out agreement))
                {
                    agreement = await db.Agreements.IgnoreQueryFilters().AsNoTracking().Include(a => a.Opds).SingleAsync(a => a.Id == ids[0], ct);
                    agreements[agreement.Id] = agreement;
                    lines[agreement.Id] = await db.BudgetLines.IgnoreQueryFilters().AsNoTracking().Where(l => l.AgreementId == agreement.Id).ToListAsync(ct);
                }
                (row.AgreementId, row.AgreementTitle) = (agreement.Id, agreement.Title);
                if (!recorder.IsAdmin && !(recorder.OpdId is int own && agreement.Opds.Any(o => o.Id == own)))
                {
                    row.Error(Column(BudgetImportField.AgreementNumber),
                        $"Kerja sama \"{row.AgreementNumber}\" tidak dijalankan OPD Anda; Anda hanya dapat mengimpor anggaran kerja sama OPD Anda sendiri.");
                    agreement = null;
                }
            }

            var year = Year(Cell(BudgetImportField.FiscalYear), out var yearError);
            if (yearError is not null)
                Fail(BudgetImportField.FiscalYear, nameof(BudgetLineDraft.FiscalYear), yearError);
            row.FiscalYear = year;
            var planned = Amount(BudgetImportField.Planned, nameof(BudgetLineDraft.Planned));
            var realised = Amount(BudgetImportField.Realised, nameof(BudgetLineDraft.Realised));
            (row.Planned, row.Realised) = (planned, realised);

            var (program, kegiatan, sub) = Codes(TextOf);
            row.Code = sub ?? kegiatan ?? program;
            BudgetSource? source = null;
            if (TextOf(BudgetImportField.Source) is { } sourceText)
            {
                source = SourceOf(sourceText);
                if (source is null)
                    Fail(BudgetImportField.Source, nameof(BudgetLineDraft.Source), $"Sumber dana \"{sourceText}\" tidak dikenali; tulis APBD, APBN, Mitra atau Lainnya.");
            }
            else if (row.Code is not null)
                source = BudgetSource.Apbd;
            else if (agreement is not null)
                source = agreement.Funding switch
                {
                    FundingSource.Apbn => BudgetSource.Apbn,
                    FundingSource.Mitra => BudgetSource.Mitra,
                    FundingSource.Lainnya => BudgetSource.Lainnya,
                    _ => BudgetSource.Apbd,
                };
            row.Source = source;

            int? opdId = null;
            if (TextOf(BudgetImportField.Opd) is { } opdText)
            {
                var folded = ImportText.Fold(opdText);
                var opd = opds.FirstOrDefault(o => ImportText.Fold(o.ShortName) == folded || ImportText.Fold(o.Name) == folded);
                if (opd is null)
                    Fail(BudgetImportField.Opd, nameof(BudgetLineDraft.OpdId), $"OPD \"{opdText}\" tidak dikenal di daerah ini.");
                opdId = opd?.Id;
            }
            else
                opdId = recorder.OpdId ?? (agreement is not null && agreement.Opds.Count == 1 ? agreement.Opds.Single().Id : (int?)null);

            PlanningDocument? document = null;
            if (TextOf(BudgetImportField.Document) is { } documentText)
            {
                document = DocumentOf(documentText);
                if (document is null)
                    Fail(BudgetImportField.Document, nameof(BudgetLineDraft.Document), $"Dokumen perencanaan \"{documentText}\" tidak dikenali; tulis RKPD, Renja OPD atau DPA.");
            }

            if (agreement is null)
            {
                row.Outcome = ImportOutcome.Error;
                continue;
            }

            var draft = new BudgetLineDraft
            {
                FiscalYear = year, Source = source, OpdId = opdId, ProgramCode = program, KegiatanCode = kegiatan, SubKegiatanCode = sub,
                Document = document, DocumentNumber = TextOf(BudgetImportField.DocumentNumber), Planned = planned, Realised = realised,
                RealisationNote = TextOf(BudgetImportField.Note),
            }.Normalized();
            // The line this row is, when it is recorded already: its breakdown stays, what the row says changes.
            var existing = lines[agreement.Id].FirstOrDefault(l => l.FiscalYear == draft.FiscalYear && l.Source == draft.Source && l.OpdId == draft.OpdId
                && l.ProgramCode == draft.ProgramCode && l.KegiatanCode == draft.KegiatanCode && l.SubKegiatanCode == draft.SubKegiatanCode);
            if (existing is not null)
            {
                var kept = BudgetLineDraft.Of(existing);
                draft = (kept with
                {
                    Planned = draft.Planned,
                    Realised = draft.Realised ?? kept.Realised,
                    Document = draft.Document ?? kept.Document,
                    DocumentNumber = draft.DocumentNumber ?? kept.DocumentNumber,
                    RealisationNote = draft.RealisationNote ?? kept.RealisationNote,
                }).Normalized();
            }

            foreach (var (field, messages) in await draft.ProblemsAsync(db, agreement, recorder, ct))
            {
                if (failed.Contains(field))
                    continue;
                var column = field switch
                {
                    nameof(BudgetLineDraft.FiscalYear) => Column(BudgetImportField.FiscalYear),
                    nameof(BudgetLineDraft.Source) => Column(BudgetImportField.Source),
                    nameof(BudgetLineDraft.OpdId) => Column(BudgetImportField.Opd),
                    nameof(BudgetLineDraft.ProgramCode) => CodeColumn(BudgetImportField.ProgramCode),
                    nameof(BudgetLineDraft.KegiatanCode) => CodeColumn(BudgetImportField.KegiatanCode),
                    nameof(BudgetLineDraft.SubKegiatanCode) => CodeColumn(BudgetImportField.SubKegiatanCode),
                    nameof(BudgetLineDraft.Document) => Column(BudgetImportField.Document),
                    nameof(BudgetLineDraft.DocumentNumber) => Column(BudgetImportField.DocumentNumber),
                    nameof(BudgetLineDraft.Planned) => Column(BudgetImportField.Planned),
                    nameof(BudgetLineDraft.Realised) => Column(BudgetImportField.Realised),
                    nameof(BudgetLineDraft.RealisationNote) => Column(BudgetImportField.Note),
                    _ => "Rincian realisasi",
                };
                foreach (var message in messages)
                    row.Error(column, message);
            }

            var key = $"{agreement.Id}|{draft.FiscalYear}|{draft.Source}|{draft.OpdId}|{draft.ProgramCode}|{draft.KegiatanCode}|{draft.SubKegiatanCode}";
            if (!row.HasErrors && seen.TryGetValue(key, out var first))
                row.Error(Column(BudgetImportField.AgreementNumber), $"Baris ini mencatat baris anggaran yang sama dengan baris {first} (kerja sama, tahun, sumber, OPD dan kode yang sama).");
            else if (!row.HasErrors)
                seen[key] = row.RowNumber;

            row.Draft = draft;
            row.ExistingLineId = existing?.Id;
            row.Outcome = row.HasErrors ? ImportOutcome.Error
                : existing is null ? ImportOutcome.Create
                : Same(BudgetLineDraft.Of(existing), draft) ? ImportOutcome.Unchanged
                : ImportOutcome.Update;

            decimal? Amount(BudgetImportField field, string draftField)
            {
                var value = IndonesianNumbers.Rupiah(Cell(field), out var error);
                if (error is not null)
                    Fail(field, draftField, error);
                return value;
            }
        }
        if (plan.Rows.Count == 0)
            plan.Error = "Tidak ada baris data di bawah judul kolom.";
    }

    /// <summary>The codes of a row: from separate program, kegiatan and sub-kegiatan columns, or one code column split by its shape.</summary>
    private static (string? Program, string? Kegiatan, string? Sub) Codes(Func<BudgetImportField, string?> textOf)
    {
        var program = textOf(BudgetImportField.ProgramCode);
        var kegiatan = textOf(BudgetImportField.KegiatanCode);
        var sub = textOf(BudgetImportField.SubKegiatanCode);
        if (textOf(BudgetImportField.Code) is not { } code)
            return (program, kegiatan, sub);
        code = code.Replace(" ", "", StringComparison.Ordinal);
        if (BudgetNomenclature.Split(code) is { } split)
            return (program ?? split.Program, kegiatan ?? split.Kegiatan, sub ?? split.SubKegiatan);
        // A code of no known shape goes to the level its parts say, so the message names that level's shape.
        var parts = code.Split('.');
        return parts.Length switch
        {
            <= 3 => (program ?? code, kegiatan, sub),
            <= 5 => (program ?? string.Join('.', parts.Take(3)), kegiatan ?? code, sub),
            _ => (program ?? string.Join('.', parts.Take(3)), kegiatan ?? string.Join('.', parts.Take(5)), sub ?? code),
        };
    }

    private static bool Same(BudgetLineDraft a, BudgetLineDraft b) =>
        a.FiscalYear == b.FiscalYear && a.Source == b.Source && a.OpdId == b.OpdId && a.ProgramCode == b.ProgramCode && a.KegiatanCode == b.KegiatanCode
        && a.SubKegiatanCode == b.SubKegiatanCode && a.Document == b.Document && a.DocumentNumber == b.DocumentNumber && a.Planned == b.Planned
        && a.Realised == b.Realised && a.RealisationNote == b.RealisationNote && a.Breakdown == b.Breakdown && a.Parts.SequenceEqual(b.Parts);

    private static string Key(string number) => ImportText.Collapse(number)!.ToLowerInvariant();

    [GeneratedRegex(@"(?<!\d)(\d{4})(?!\d)")]
    private static partial Regex FourDigits();

    private static int? Year(object? cell, out string? error)
    {
        error = null;
        switch (cell)
        {
            case null:
                return null;
            case double d when d == Math.Floor(d) && d is >= 1 and <= 9999:
                return (int)d;
            case int i when i is >= 1 and <= 9999:
                return i;
            case long l when l is >= 1 and <= 9999:
                return (int)l;
            case DateTime date:
                return date.Year;
        }
        var text = ImportText.Collapse(ImportPlanner.AsText(cell));
        if (text is null || ImportText.IsDash(text))
            return null;
        var matches = FourDigits().Matches(text);
        if (matches.Count == 1)
            return int.Parse(matches[0].Value, CultureInfo.InvariantCulture);
        error = $"Tahun anggaran \"{text}\" tidak terbaca; tulis tahunnya, mis. 2026.";
        return null;
    }

    private static BudgetSource? SourceOf(string text)
    {
        var f = ImportText.Fold(text);
        return f switch
        {
            _ when ImportText.HasAny(f, ["apbd", "apbd kota", "apbd kabupaten", "apbd provinsi"]) => BudgetSource.Apbd,
            _ when ImportText.HasAny(f, ["apbn"]) => BudgetSource.Apbn,
            _ when ImportText.HasAny(f, ["mitra", "swasta", "csr", "pihak kedua"]) => BudgetSource.Mitra,
            _ when ImportText.HasAny(f, ["lainnya", "lain lain", "lain", "hibah"]) => BudgetSource.Lainnya,
            _ => null,
        };
    }

    private static PlanningDocument? DocumentOf(string text)
    {
        var f = ImportText.Fold(text);
        return f switch
        {
            _ when ImportText.HasPhrase(f, "rkpd") => PlanningDocument.Rkpd,
            _ when ImportText.HasPhrase(f, "renja") => PlanningDocument.RenjaOpd,
            _ when ImportText.HasPhrase(f, "dpa") => PlanningDocument.Dpa,
            _ => null,
        };
    }

    /// <summary>
    /// Saves the rows of a plan, all or none, in one transaction, each through <see cref="BudgetLines"/> with its history entry naming
    /// the file and row. Rows in <paramref name="leftOut"/> (exactly the rows with an error, named by the person) are not saved.
    /// </summary>
    /// <returns>How many lines were added or changed.</returns>
    public static async Task<int> SaveAsync(AppDbContext db, BudgetImportPlan plan, Actor actor, IReadOnlyCollection<int>? leftOut = null, CancellationToken ct = default)
    {
        leftOut ??= [];
        if (!plan.CanSaveWithout(leftOut))
            throw new InvalidOperationException("A plan with errors is not saved.");
        var rows = plan.Rows.Where(r => r.Outcome is ImportOutcome.Create or ImportOutcome.Update).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var agreementIds = rows.Select(r => r.AgreementId!.Value).Distinct().ToList();
        var agreements = await db.Agreements.IgnoreQueryFilters().Include(a => a.Opds).Where(a => agreementIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        foreach (var row in rows)
        {
            var source = new AuditChange("Sumber", null, $"Impor {plan.FileName}, baris {row.RowNumber}");
            if (row.ExistingLineId is int lineId)
            {
                var line = await db.BudgetLines.IgnoreQueryFilters().Include(l => l.Agreement).SingleAsync(l => l.Id == lineId, ct);
                await BudgetLines.ChangeAsync(db, line, row.Draft!, actor, ct, source);
            }
            else
                await BudgetLines.AddAsync(db, agreements[row.AgreementId!.Value], row.Draft!, actor, ct, source);
        }
        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    /// <summary>"3, 5, 9" as the page and the API take the rows a person leaves out; null when it is not such a list.</summary>
    public static List<int>? RowList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var rows = new List<int>();
        foreach (var part in text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                return null;
            rows.Add(n);
        }
        return rows.Distinct().ToList();
    }
}
