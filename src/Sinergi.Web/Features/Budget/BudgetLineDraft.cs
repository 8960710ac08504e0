using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Web;
using static Sinergi.Features.Budget.BudgetNomenclature;

namespace Sinergi.Features.Budget;

/// <summary>
/// What a person, a program or a spreadsheet row says a budget line is, before it is checked. The
/// page, the API and the import all check it here; problems are keyed by these property names.
/// </summary>
public sealed record BudgetLineDraft
{
    public int? FiscalYear { get; init; }
    public BudgetSource? Source { get; init; }
    public int? OpdId { get; init; }
    public string? ProgramCode { get; init; }
    public string? KegiatanCode { get; init; }
    public string? SubKegiatanCode { get; init; }
    public PlanningDocument? Document { get; init; }
    public string? DocumentNumber { get; init; }
    public decimal? Planned { get; init; }
    public decimal? Realised { get; init; }
    public string? RealisationNote { get; init; }
    public RealisationBreakdown Breakdown { get; init; }
    /// <summary>4 quarters or 12 months of realisation; what is not known is null.</summary>
    public IReadOnlyList<decimal?> Parts { get; init; } = [];

    public const string PartsField = nameof(Parts);

    /// <summary>Trimmed text; codes only for the APBD; without a breakdown no parts.</summary>
    public BudgetLineDraft Normalized()
    {
        var apbd = Source == BudgetSource.Apbd;
        var parts = Breakdown == RealisationBreakdown.None ? [] : Parts.ToList();
        return this with
        {
            OpdId = apbd ? OpdId : null,
            ProgramCode = apbd ? Text.Clean(ProgramCode) : null,
            KegiatanCode = apbd ? Text.Clean(KegiatanCode) : null,
            SubKegiatanCode = apbd ? Text.Clean(SubKegiatanCode) : null,
            DocumentNumber = Text.Clean(DocumentNumber),
            RealisationNote = Text.CleanLines(RealisationNote),
            Parts = parts,
            // The parts add up to the realisation when only they were given.
            Realised = Realised ?? (parts.Any(p => p is not null) ? parts.Sum(p => p ?? 0) : null),
        };
    }

    /// <summary>The years a line of <paramref name="agreement"/> may be for: those of its term, when it has one.</summary>
    public static (int First, int Last) YearsOf(Agreement agreement)
    {
        var first = (agreement.StartsOn ?? agreement.SignedOn)?.Year ?? AgreementDates.Earliest.Year;
        var last = agreement.EndsOn?.Year ?? AgreementDates.Latest.Year;
        return (first, last);
    }

    public async Task<Dictionary<string, string[]>> ProblemsAsync(AppDbContext db, Agreement agreement, AgreementChanges.Recorder recorder, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        void Add(string field, string message) => problems[field] = problems.TryGetValue(field, out var m) ? [.. m, message] : [message];

        var (first, last) = YearsOf(agreement);
        if (FiscalYear is not int year)
            Add(nameof(FiscalYear), "Tahun anggaran wajib diisi.");
        else if (year < first || year > last)
            Add(nameof(FiscalYear), first == AgreementDates.Earliest.Year && last == AgreementDates.Latest.Year
                ? AgreementDates.OutOfRange("Tahun anggaran")
                : $"Tahun anggaran harus di dalam masa berlaku kerja sama: {first}" + (last == first ? "." : $" sampai {last}."));
        if (Source is null)
            Add(nameof(Source), "Sumber anggaran wajib dipilih.");
        if (Source == BudgetSource.Apbd)
        {
            if (OpdId is not int opd)
                Add(nameof(OpdId), "OPD pelaksana wajib dipilih untuk anggaran APBD.");
            else if (!await db.Opds.IgnoreQueryFilters().AnyAsync(o => o.Id == opd && o.RegionCode == agreement.RegionCode, ct))
                Add(nameof(OpdId), "OPD ini bukan OPD daerah ini.");
            else if (!recorder.IsAdmin && recorder.OpdId != opd)
                Add(nameof(OpdId), "Anda hanya dapat mencatat anggaran APBD untuk OPD Anda sendiri.");
            await CodeProblemsAsync(db, Add, ct);
        }
        if (Document is null && DocumentNumber is not null)
            Add(nameof(Document), "Pilih dokumen perencanaan yang nomornya diisi.");
        else if (Document is not null && DocumentNumber is null)
            Add(nameof(DocumentNumber), "Nomor dokumen perencanaan wajib diisi.");
        else if (DocumentNumber?.Length > BudgetLine.MaxDocumentNumber)
            Add(nameof(DocumentNumber), $"Nomor dokumen paling panjang {BudgetLine.MaxDocumentNumber} karakter.");

        if (Planned is not decimal planned)
            Add(nameof(Planned), "Pagu rencana wajib diisi (boleh 0).");
        else if (AmountProblem(planned, "Pagu rencana") is { } p)
            Add(nameof(Planned), p);
        if (Realised is decimal realised && AmountProblem(realised, "Realisasi") is { } r)
            Add(nameof(Realised), r);
        else if (Realised > Planned && RealisationNote is null)
            Add(nameof(RealisationNote), "Realisasi melebihi pagu rencana: jelaskan alasannya di keterangan.");
        if (RealisationNote?.Length > BudgetLine.MaxNote)
            Add(nameof(RealisationNote), $"Keterangan paling panjang {BudgetLine.MaxNote} karakter.");
        PartsProblems(Add);
        return problems;
    }

    private async Task CodeProblemsAsync(AppDbContext db, Action<string, string> add, CancellationToken ct)
    {
        if (ProgramCode is null)
            add(nameof(ProgramCode), "Kode program wajib diisi untuk anggaran APBD, mis. 4.01.03.");
        else if (!HasShape(ProgramCode, Level.Program))
            add(nameof(ProgramCode), ShapeProblem(Level.Program));
        else if (!await db.Urusan.AnyAsync(u => u.Code == UrusanOf(ProgramCode), ct))
            add(nameof(ProgramCode), $"Urusan {UrusanOf(ProgramCode)} pada kode program tidak dikenal.");
        if (KegiatanCode is not null)
        {
            if (!HasShape(KegiatanCode, Level.Kegiatan))
                add(nameof(KegiatanCode), ShapeProblem(Level.Kegiatan));
            else if (ProgramCode is not null && HasShape(ProgramCode, Level.Program) && !IsUnder(KegiatanCode, ProgramCode))
                add(nameof(KegiatanCode), $"Kegiatan {KegiatanCode} tidak berada di bawah program {ProgramCode}.");
        }
        if (SubKegiatanCode is not null)
        {
            if (!HasShape(SubKegiatanCode, Level.SubKegiatan))
                add(nameof(SubKegiatanCode), ShapeProblem(Level.SubKegiatan));
            else if (KegiatanCode is null)
                add(nameof(KegiatanCode), "Isi kode kegiatan tempat sub-kegiatan ini berada.");
            else if (HasShape(KegiatanCode, Level.Kegiatan) && !IsUnder(SubKegiatanCode, KegiatanCode))
                add(nameof(SubKegiatanCode), $"Sub-kegiatan {SubKegiatanCode} tidak berada di bawah kegiatan {KegiatanCode}.");
        }
    }

    private void PartsProblems(Action<string, string> add)
    {
        if (Breakdown == RealisationBreakdown.None)
            return;
        var expected = Breakdown == RealisationBreakdown.Quarterly ? 4 : 12;
        if (Parts.Count != expected)
        {
            add(PartsField, Breakdown == RealisationBreakdown.Quarterly ? "Rincian per triwulan harus berisi 4 nilai." : "Rincian per bulan harus berisi 12 nilai.");
            return;
        }
        if (Parts.Any(p => p is decimal v && AmountProblem(v, "Realisasi") is not null))
            add(PartsField, "Realisasi per periode tidak boleh negatif dan harus dalam rupiah bulat.");
        else if (Realised is decimal total && Parts.Any(p => p is not null) && Parts.Sum(p => p ?? 0) != total)
            add(PartsField, $"Jumlah rincian ({Indonesian.Rupiah(Parts.Sum(p => p ?? 0))}) tidak sama dengan realisasi ({Indonesian.Rupiah(total)}).");
    }

    private static string? AmountProblem(decimal amount, string label) =>
        amount < 0 ? $"{label} tidak boleh negatif."
        : amount != decimal.Truncate(amount) ? $"{label} ditulis dalam rupiah bulat, tanpa sen."
        : amount > 999_999_999_999_999m ? $"{label} terlalu besar."
        : null;

    public void ApplyTo(BudgetLine line)
    {
        line.FiscalYear = FiscalYear!.Value;
        line.Source = Source!.Value;
        line.OpdId = OpdId;
        line.ProgramCode = ProgramCode;
        line.KegiatanCode = KegiatanCode;
        line.SubKegiatanCode = SubKegiatanCode;
        line.Document = Document;
        line.DocumentNumber = DocumentNumber;
        line.Planned = Planned!.Value;
        line.Realised = Realised;
        line.RealisationNote = RealisationNote;
        line.Breakdown = Breakdown;
        line.Parts = Parts.ToList();
    }

    public static BudgetLineDraft Of(BudgetLine line) => new()
    {
        FiscalYear = line.FiscalYear, Source = line.Source, OpdId = line.OpdId, ProgramCode = line.ProgramCode, KegiatanCode = line.KegiatanCode,
        SubKegiatanCode = line.SubKegiatanCode, Document = line.Document, DocumentNumber = line.DocumentNumber, Planned = line.Planned,
        Realised = line.Realised, RealisationNote = line.RealisationNote, Breakdown = line.Breakdown, Parts = line.Parts,
    };
}
