using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;
using Sinergi.Web;

namespace Sinergi.Features.Import;

/// <summary>Turns one row of cells into an <see cref="ImportRow"/>: values read, guesses said, matches made, problems named.</summary>
internal sealed class ImportRowReader(ImportDirectory directory, ImportPlan plan, HeaderDetection header)
{
    private readonly Dictionary<string, Partner> _partnersByRegion = directory.PartnersByName.Values
        .Where(p => p.LinkedRegionCode is not null).GroupBy(p => p.LinkedRegionCode!).ToDictionary(g => g.Key, g => g.First());

    public ImportRow Read(int rowNumber, object?[] cells)
    {
        var row = new ImportRow { RowNumber = rowNumber, Title = Text.Clean(TextOf(cells, ImportField.Title)), Number = Text.Clean(TextOf(cells, ImportField.Number)) };
        if (row.Title is null)
            row.Error(Column(ImportField.Title), "Judul kerja sama kosong.");

        var signed = Date(row, cells, ImportField.SignedOn);
        var starts = Date(row, cells, ImportField.StartsOn);
        var period = Period(row, cells, ImportField.Period, starts ?? signed);
        var endCell = Period(row, cells, ImportField.EndsOn, starts ?? signed);
        var start = starts ?? period?.Start;
        var months = period?.DurationMonths;
        var end = endCell?.End ?? (months is null ? period?.End : null);
        if (end is not null && months is int m && (start ?? signed) is { } from && Sinergi.Features.Agreements.AgreementStatusRules.EndFromDuration(from, m) != end)
        {
            row.Warn(Column(ImportField.Period), $"Tanggal berakhir tertulis {Sinergi.Web.Indonesian.Date(end.Value)}, sedangkan jangka waktunya memberi {Sinergi.Web.Indonesian.Date(Sinergi.Features.Agreements.AgreementStatusRules.EndFromDuration(from, m))}; dipakai tanggal berakhir yang tertulis.");
            months = null;
        }

        var (partnerIds, firstPartnerName, firstPartnerType) = Partners(row, cells);
        var opdIds = Opds(row, cells);
        var urusan = Urusan(row, cells);
        var kind = ImportGuesses.KindFrom(TextOf(cells, ImportField.Kind), firstPartnerName, firstPartnerType);
        if (kind is null)
            row.Error(Column(ImportField.Kind), "Jenis kerja sama tidak dapat ditentukan. Tambahkan kolom \"Jenis\" (KSDD, KSDPK, Sinergi, KSDPL atau KSDLL) atau isi mitranya.");
        else if (kind.IsGuess)
            row.Warn(Column(ImportField.Kind), kind.Reason);
        var type = ImportGuesses.DocumentTypeFrom(TextOf(cells, ImportField.DocumentType), row.Title, row.Number);
        if (type is null)
            row.Warn(Column(ImportField.DocumentType), "Jenis dokumen tidak tertulis; dicatat sebagai Perjanjian Kerja Sama (PKS).");
        else if (type.IsGuess)
            row.Warn(Column(ImportField.DocumentType), type.Reason);
        var value = Value(row, cells);
        if (signed is null && row.Title is not null)
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

    private (List<int> Ids, string? FirstName, PartnerType? FirstType) Partners(ImportRow row, object?[] cells)
    {
        var ids = new List<int>();
        string? firstName = null;
        PartnerType? firstType = null;
        var typeCell = TextOf(cells, ImportField.PartnerType);
        var declaredType = typeCell is null ? null : ImportGuesses.PartnerTypeFrom(typeCell)?.Value;
        var cell = TextOf(cells, ImportField.Partner);
        // A name the directory knows whole ("Direktorat Jenderal …, Kementerian Dalam Negeri") is not split at its comma.
        var names = cell is not null && directory.PartnersByName.ContainsKey(ImportDirectory.Key(cell)) ? [cell] : ImportGuesses.Partners(cell);
        foreach (var name in names)
        {
            var key = ImportDirectory.Key(name);
            var region = directory.RegionsByName.GetValueOrDefault(key);
            if (region?.Code == directory.RegionCode)
                continue; // the region itself is the recording party, not a partner
            var known = directory.PartnersByName.GetValueOrDefault(key) ?? (region is null ? null : _partnersByRegion.GetValueOrDefault(region.Code));
            if (known is not null)
            {
                ids.Add(known.Id);
                row.Partners.Add(known.Name);
                (firstName, firstType) = (firstName ?? known.Name, firstType ?? known.Type);
                continue;
            }
            var added = plan.NewPartners.FirstOrDefault(p => p.Key == key) ?? NewPartner(row, key, name, region, declaredType);
            row.NewPartnerKeys.Add(added.Key);
            row.Partners.Add(added.Name + " (baru)");
            (firstName, firstType) = (firstName ?? added.Name, firstType ?? added.Type);
        }
        if (row.Partners.Count == 0 && row.Title is not null)
            row.Warn(Column(ImportField.Partner), "Mitra kosong; lengkapi setelah diimpor.");
        return (ids, firstName, firstType);
    }

    private NewPartner NewPartner(ImportRow row, string key, string name, Region? region, PartnerType? declaredType)
    {
        var guess = ImportGuesses.PartnerTypeFrom(name);
        var type = region is not null ? PartnerType.PemerintahDaerah : declaredType ?? guess?.Value ?? PartnerType.Swasta;
        var reason = region is not null ? $"dikenali sebagai {region.GovernmentName} ({region.Code})"
            : declaredType is not null ? "jenis dari kolom jenis mitra"
            : guess is not null ? guess.Reason
            : "jenisnya tidak dapat ditebak, dicatat sebagai Swasta";
        if (region is null && declaredType is null)
            row.Warn(Column(ImportField.Partner), $"Mitra baru \"{name}\": {reason}");
        var added = new NewPartner(key, region?.GovernmentName ?? name, type, region?.Code, reason);
        plan.NewPartners.Add(added);
        return added;
    }

    private List<int> Opds(ImportRow row, object?[] cells)
    {
        var ids = new List<int>();
        foreach (var name in OpdCell.Names(TextOf(cells, ImportField.Opd), n => directory.OpdsByName.ContainsKey(ImportDirectory.Key(n))))
        {
            var key = ImportDirectory.Key(name);
            if (directory.OpdsByName.GetValueOrDefault(key) is { } opd)
            {
                if (!ids.Contains(opd.Id))
                {
                    ids.Add(opd.Id);
                    row.Opds.Add(opd.ShortName);
                }
                continue;
            }
            var added = plan.NewOpds.FirstOrDefault(o => o.Key == key);
            if (added is null)
            {
                added = new NewOpd(key, Shorten(name, 200), NewShortName(name));
                plan.NewOpds.Add(added);
                row.Warn(Column(ImportField.Opd), $"OPD \"{name}\" belum ada di daftar OPD dan akan ditambahkan; lengkapi urusannya di Pengaturan.");
            }
            row.NewOpdKeys.Add(added.Key);
            row.Opds.Add(added.ShortName + " (baru)");
        }
        return ids;
    }

    /// <summary>
    /// A short name (at most 40 characters) for an OPD the file adds, unlike any the region has or
    /// the file adds before it: long names that begin alike get "(2)", "(3)".
    /// </summary>
    private string NewShortName(string name)
    {
        const int MaxLength = 40;
        var stem = Shorten(name, MaxLength);
        bool Taken(string candidate) => directory.OpdsByName.ContainsKey(ImportDirectory.Key(candidate))
            || plan.NewOpds.Any(o => string.Equals(o.ShortName, candidate, StringComparison.OrdinalIgnoreCase));
        var shortName = stem;
        for (var n = 2; Taken(shortName); n++)
        {
            var suffix = $" ({n})";
            shortName = Shorten(stem, MaxLength - suffix.Length) + suffix;
        }
        return shortName;
    }

    /// <summary>The text cut to a length, at a word when one ends late enough.</summary>
    private static string Shorten(string text, int length)
    {
        if (text.Length <= length)
            return text;
        var cut = text[..length];
        var space = cut.LastIndexOf(' ');
        return (space > length / 2 ? cut[..space] : cut).TrimEnd(' ', ',', '.');
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
            row.Error(Column(ImportField.Value), error);
        return value;
    }

    private DateOnly? Date(ImportRow row, object?[] cells, ImportField field)
    {
        var parsed = IndonesianDates.ParseDate(CellOf(cells, field));
        if (parsed.Error is not null)
            row.Error(Column(field), parsed.Error);
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
            row.Error(Column(field), parsed.Error);
        foreach (var warning in parsed.Warnings)
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
