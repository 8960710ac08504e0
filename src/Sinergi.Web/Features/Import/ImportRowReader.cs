using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;
using Sinergi.Web;

namespace Sinergi.Features.Import;

/// <summary>
/// Turns one row of cells into an <see cref="ImportRow"/>: values read, guesses said, matches made,
/// problems named, each problem once: what follows from a cell already said to be wrong or empty
/// (the draft's own checks of the same field, a duration that cannot be counted without its start)
/// is not said again.
/// </summary>
internal sealed partial class ImportRowReader(ImportDirectory directory, ImportPlan plan, HeaderDetection header)
{
    private readonly Dictionary<string, Partner> _partnersByRegion = directory.PartnersByName.Values
        .Where(p => p.LinkedRegionCode is not null).GroupBy(p => p.LinkedRegionCode!).ToDictionary(g => g.Key, g => g.First());

    /// <summary>The fields of the row being read whose cells were found wrong or missing.</summary>
    private readonly HashSet<ImportField> _failed = [];

    public ImportRow Read(int rowNumber, object?[] cells)
    {
        _failed.Clear();
        var row = new ImportRow { RowNumber = rowNumber, Title = Text.Clean(TextOf(cells, ImportField.Title)), Number = Text.Clean(TextOf(cells, ImportField.Number)) };
        if (row.Title is null)
            Fail(row, ImportField.Title, "Judul kerja sama kosong.");
        else if (row.Number is null && plan.Mapping.Values.Contains(ImportField.Number))
            row.Warn(Column(ImportField.Number), "Nomor perjanjian kosong; bila berkas ini diimpor lagi, baris ini dikenali dari judul dan tanggal penandatanganannya.");

        var signed = Date(row, cells, ImportField.SignedOn);
        var starts = Date(row, cells, ImportField.StartsOn);
        var period = Period(row, cells, ImportField.Period, starts ?? signed);
        var endCell = Period(row, cells, ImportField.EndsOn, starts ?? signed);
        var start = starts ?? period?.Start;
        var months = period?.DurationMonths;
        var end = endCell?.End ?? (months is null ? period?.End : null);
        if (end is not null && months is int m && (start ?? signed) is { } from && AgreementStatusRules.EndFromDuration(from, m) != end)
        {
            row.Warn(Column(ImportField.Period), $"Tanggal berakhir tertulis {Indonesian.Date(end.Value)}, sedangkan jangka waktunya memberi {Indonesian.Date(AgreementStatusRules.EndFromDuration(from, m))}; dipakai tanggal berakhir yang tertulis.");
            months = null;
        }

        var (partnerIds, firstPartnerName, firstPartnerType) = Partners(row, cells);
        var opdIds = Opds(row, cells);
        var urusan = Urusan(row, cells);
        var kind = ImportGuesses.KindFrom(TextOf(cells, ImportField.Kind), firstPartnerName, firstPartnerType);
        if (kind is null)
            Fail(row, ImportField.Kind, "Jenis kerja sama tidak dapat ditentukan. Tambahkan kolom \"Jenis\" (KSDD, KSDPK, Sinergi, KSDPL atau KSDLL) atau isi mitranya.");
        else if (kind.IsGuess)
            row.Warn(Column(ImportField.Kind), kind.Reason);
        // Without a kind the row cannot be saved, and its error already asks for the partner.
        if (row.Partners.Count == 0 && row.Title is not null && kind is not null)
            row.Warn(Column(ImportField.Partner), "Mitra kosong; lengkapi setelah diimpor.");
        var type = ImportGuesses.DocumentTypeFrom(TextOf(cells, ImportField.DocumentType), row.Title, row.Number);
        if (type is null)
            row.Warn(Column(ImportField.DocumentType), "Jenis dokumen tidak tertulis; dicatat sebagai Perjanjian Kerja Sama (PKS).");
        else if (type.IsGuess)
            row.Warn(Column(ImportField.DocumentType), type.Reason);
        var value = Value(row, cells);
        if (signed is null && row.Title is not null && !_failed.Contains(ImportField.SignedOn))
            row.Warn(Column(ImportField.SignedOn), "Tanggal penandatanganan kosong; dicatat sebagai draf.");

        var existing = row.Number is not null
            ? directory.AgreementsByNumber.GetValueOrDefault(row.Number.ToLowerInvariant())
            : row.Title is null ? null : directory.AgreementsByTitleAndDate.Value.GetValueOrDefault(ImportDirectory.TitleKey(row.Title, signed));
        var basis = existing is null ? new AgreementDraft() : AgreementDraft.Of(existing);
        var draft = basis with
        {
            Kind = kind?.Value ?? basis.Kind,
            DocumentType = type?.Value ?? basis.DocumentType ?? AgreementDocumentType.PerjanjianKerjaSama,
            Number = row.Number ?? basis.Number,
            PartnerNumber = Text.Clean(TextOf(cells, ImportField.PartnerNumber)) ?? basis.PartnerNumber,
            Title = row.Title ?? basis.Title,
            Scope = Text.Clean(TextOf(cells, ImportField.Scope)) ?? basis.Scope,
            UrusanCodes = urusan.Count > 0 ? urusan : basis.UrusanCodes,
            OpdIds = opdIds.Count > 0 || row.NewOpdKeys.Count > 0 ? opdIds : basis.OpdIds,
            PartnerIds = partnerIds.Count > 0 || row.NewPartnerKeys.Count > 0 ? partnerIds : basis.PartnerIds,
            SignedOn = signed ?? basis.SignedOn,
            StartsOn = start ?? (existing is null ? null : basis.StartsOn),
            EndsOn = end ?? (months is null && existing is not null ? basis.EndsOn : null),
            DurationYears = months is int total ? total / 12 : end is null ? basis.DurationYears : null,
            DurationMonths = months is int all ? all % 12 : end is null ? basis.DurationMonths : null,
            Value = value ?? basis.Value,
            Funding = ImportGuesses.FundingFrom(TextOf(cells, ImportField.Funding)) ?? basis.Funding,
            AsDraft = (signed ?? basis.SignedOn) is null,
        };
        draft = draft.Normalized();

        foreach (var (field, messages) in draft.FieldProblems())
        {
            if (CoveredBy(field).Any(_failed.Contains))
                continue;
            foreach (var message in messages)
                row.Error(ColumnForDraftField(field), message);
        }
        row.Draft = draft;
        row.ExistingId = existing?.Id;
        row.Outcome = row.HasErrors ? ImportOutcome.Error
            : existing is null ? ImportOutcome.Create
            : row.NewPartnerKeys.Count == 0 && row.NewOpdKeys.Count == 0 && ImportPlanner.Fingerprint(draft) == ImportPlanner.Fingerprint(AgreementDraft.Of(existing))
                ? ImportOutcome.Unchanged
                : ImportOutcome.Update;
        return row;
    }

    private List<string> Urusan(ImportRow row, object?[] cells)
    {
        var codes = IndonesianNumbers.UrusanCodes(TextOf(cells, ImportField.Urusan), directory.UrusanCodesByName, out var unrecognised);
        foreach (var text in unrecognised)
            row.Warn(Column(ImportField.Urusan), $"Urusan \"{text}\" tidak dikenali dan dilewati.");
        return codes.Where(directory.UrusanByCode.ContainsKey).ToList();
    }

    private decimal? Value(ImportRow row, object?[] cells)
    {
        var value = IndonesianNumbers.Rupiah(CellOf(cells, ImportField.Value), out var error);
        if (error is not null)
            Fail(row, ImportField.Value, error);
        return value;
    }

    private DateOnly? Date(ImportRow row, object?[] cells, ImportField field)
    {
        var parsed = IndonesianDates.ParseDate(CellOf(cells, field));
        if (parsed.Error is not null)
            Fail(row, field, parsed.Error);
        foreach (var warning in parsed.Warnings)
            row.Warn(Column(field), warning);
        return parsed.Value;
    }

    private PeriodParse? Period(ImportRow row, object?[] cells, ImportField field, DateOnly? start)
    {
        var cell = CellOf(cells, field);
        if (cell is null)
            return null;
        var parsed = IndonesianDates.ParsePeriod(cell, start);
        if (parsed.Error is not null)
            Fail(row, field, parsed.Error);
        // A duration without a start is said by the draft's own check, or by the date that failed.
        foreach (var warning in parsed.Warnings.Where(w => w != parsed.MissingStartWarning))
            row.Warn(Column(field), warning);
        return parsed;
    }

    /// <summary>The field's cell; text loses its control characters here, at the import's boundary, as typed text does in the drafts.</summary>
    private object? CellOf(object?[] cells, ImportField field) =>
        plan.Mapping.Where(m => m.Value == field).OrderBy(m => m.Key)
            .Select(m => m.Key < cells.Length ? cells[m.Key] : null)
            .Select(c => c is string text ? Text.WithoutControls(text) : c)
            .FirstOrDefault(c => c is not null && c as string != "");

    /// <summary>The field's text; fields that may span several columns (partners, OPDs) are joined.</summary>
    private string? TextOf(object?[] cells, ImportField field)
    {
        var texts = plan.Mapping.Where(m => m.Value == field).OrderBy(m => m.Key)
            .Select(m => m.Key < cells.Length && ImportPlanner.AsText(cells[m.Key]) is { } text ? Text.WithoutControls(text) : null)
            .Where(t => !string.IsNullOrWhiteSpace(t)).ToList();
        return texts.Count == 0 ? null : string.Join("; ", texts);
    }

    private void Fail(ImportRow row, ImportField field, string message)
    {
        _failed.Add(field);
        row.Error(Column(field), message);
    }

    /// <summary>The fields whose failed cell already says what the draft's check of <paramref name="draftField"/> would.</summary>
    private static ImportField[] CoveredBy(string draftField) => draftField switch
    {
        nameof(AgreementDraft.Title) => [ImportField.Title],
        nameof(AgreementDraft.Kind) => [ImportField.Kind],
        nameof(AgreementDraft.DocumentType) => [ImportField.DocumentType],
        nameof(AgreementDraft.SignedOn) => [ImportField.SignedOn],
        nameof(AgreementDraft.StartsOn) => [ImportField.StartsOn, ImportField.SignedOn],
        nameof(AgreementDraft.EndsOn) => [ImportField.EndsOn, ImportField.Period],
        nameof(AgreementDraft.DurationYears) or nameof(AgreementDraft.DurationMonths) => [ImportField.Period],
        nameof(AgreementDraft.Value) => [ImportField.Value],
        _ => [],
    };

    /// <summary>The header a person sees for the field, so a message points at a column of their file.</summary>
    private string Column(ImportField field) =>
        header.Columns.FirstOrDefault(c => plan.Mapping.GetValueOrDefault(c.Index) == field && plan.Mapping.ContainsKey(c.Index))?.Header
        ?? ImportColumns.Label(field);

    private string ColumnForDraftField(string field) => field switch
    {
        nameof(AgreementDraft.Title) => Column(ImportField.Title),
        nameof(AgreementDraft.Number) => Column(ImportField.Number),
        nameof(AgreementDraft.PartnerNumber) => Column(ImportField.PartnerNumber),
        nameof(AgreementDraft.Scope) => Column(ImportField.Scope),
        nameof(AgreementDraft.SignedOn) => Column(ImportField.SignedOn),
        nameof(AgreementDraft.StartsOn) => Column(ImportField.StartsOn),
        nameof(AgreementDraft.EndsOn) => plan.Mapping.Values.Contains(ImportField.EndsOn) ? Column(ImportField.EndsOn) : Column(ImportField.Period),
        nameof(AgreementDraft.DurationYears) or nameof(AgreementDraft.DurationMonths) => Column(ImportField.Period),
        nameof(AgreementDraft.Value) => Column(ImportField.Value),
        nameof(AgreementDraft.Kind) => Column(ImportField.Kind),
        nameof(AgreementDraft.DocumentType) => Column(ImportField.DocumentType),
        _ => field,
    };
}
