using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;
using Sinergi.Web;

namespace Sinergi.Features.Agreements;

/// <summary>
/// What a person, a program or an import submits to record an agreement. The page, the API and
/// the import check and apply it here, so they accept and refuse the same things.
/// </summary>
public sealed record AgreementDraft
{
    public AgreementKind? Kind { get; init; }
    public AgreementDocumentType? DocumentType { get; init; }
    public string? Number { get; init; }
    public string? PartnerNumber { get; init; }
    public string? Title { get; init; }
    public string? Scope { get; init; }
    public IReadOnlyList<string> UrusanCodes { get; init; } = [];
    public IReadOnlyList<int> OpdIds { get; init; } = [];
    public IReadOnlyList<int> PartnerIds { get; init; } = [];
    public DateOnly? SignedOn { get; init; }
    public DateOnly? StartsOn { get; init; }
    public DateOnly? EndsOn { get; init; }
    public int? DurationYears { get; init; }
    public int? DurationMonths { get; init; }
    public decimal? Value { get; init; }
    public FundingSource? Funding { get; init; }
    public bool DprdApprovalRequired { get; init; }
    public DateOnly? DprdApprovedOn { get; init; }
    public string? DprdApprovalNumber { get; init; }
    public int? ParentId { get; init; }
    /// <summary>Not signed yet: kept as a draft, with fewer fields required.</summary>
    public bool AsDraft { get; init; }

    /// <summary>The draft that would record <paramref name="a"/> as it is (lists loaded): the start of a partial update.</summary>
    public static AgreementDraft Of(Agreement a) => new()
    {
        Kind = a.Kind,
        DocumentType = a.DocumentType,
        Number = a.Number,
        PartnerNumber = a.PartnerNumber,
        Title = a.Title,
        Scope = a.Scope,
        UrusanCodes = a.Urusan.Select(u => u.Code).Order(StringComparer.Ordinal).ToList(),
        OpdIds = a.Opds.Select(o => o.Id).Order().ToList(),
        PartnerIds = a.Partners.Select(p => p.Id).Order().ToList(),
        SignedOn = a.SignedOn,
        StartsOn = a.StartsOn,
        EndsOn = a.EndsOn,
        DurationYears = a.DurationMonths / 12,
        DurationMonths = a.DurationMonths % 12,
        Value = a.Value,
        Funding = a.Funding,
        DprdApprovalRequired = a.DprdApprovalRequired,
        DprdApprovedOn = a.DprdApprovedOn,
        DprdApprovalNumber = a.DprdApprovalNumber,
        ParentId = a.ParentId,
        AsDraft = a.Lifecycle == AgreementLifecycle.Draf,
    };

    /// <summary>The duration in months; null when none is given or when its parts are out of bounds (so it never overflows).</summary>
    public int? TotalMonths => DurationYears is null && DurationMonths is null ? null
        : DurationYears is < 0 or > MaxDurationYears || DurationMonths is < 0 or > 11 ? null
        : ((DurationYears ?? 0) * 12) + (DurationMonths ?? 0);

    public const int MaxDurationYears = 99;

    /// <summary>The start the duration counts from: the start date, else the signing date.</summary>
    public DateOnly? EffectiveStart => StartsOn ?? SignedOn;

    /// <summary>The end date, given or counted from a start within <see cref="AgreementDates"/> (so the count never leaves the calendar).</summary>
    public DateOnly? EffectiveEnd => EndsOn ?? (TotalMonths is int months && months > 0 && EffectiveStart is { } start && AgreementDates.InRange(start)
        ? AgreementStatusRules.EndFromDuration(start, months) : null);

    public AgreementDraft Normalized() => this with
    {
        Number = Text.Clean(Number),
        PartnerNumber = Text.Clean(PartnerNumber),
        Title = Text.Clean(Title),
        Scope = Text.CleanLines(Scope),
        DprdApprovalNumber = Text.Clean(DprdApprovalNumber),
        UrusanCodes = UrusanCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList(),
        OpdIds = OpdIds.Distinct().Order().ToList(),
        PartnerIds = PartnerIds.Distinct().Order().ToList(),
    };

    /// <summary>Field name → messages in Bahasa Indonesia; empty when the draft can be saved.</summary>
    public async Task<Dictionary<string, string[]>> ProblemsAsync(AppDbContext db, string regionCode, int? agreementId, CancellationToken ct = default)
    {
        var problems = FieldProblems();
        void Add(string field, string message) =>
            (problems.TryGetValue(field, out var list) ? list : problems[field] = []).Add(message);

        var knownUrusan = await db.Urusan.Where(u => UrusanCodes.Contains(u.Code)).Select(u => u.Code).ToListAsync(ct);
        foreach (var unknown in UrusanCodes.Except(knownUrusan))
            Add(nameof(UrusanCodes), $"Kode urusan '{unknown}' tidak dikenal.");
        var knownOpds = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == regionCode && OpdIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (knownOpds.Count != OpdIds.Count)
            Add(nameof(OpdIds), "Ada OPD yang tidak ditemukan di daerah ini.");
        var knownPartners = await db.Partners.IgnoreQueryFilters().Where(p => p.RegionCode == regionCode && PartnerIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
        if (knownPartners.Count != PartnerIds.Count)
            Add(nameof(PartnerIds), "Ada mitra yang tidak ditemukan di direktori mitra daerah ini.");

        if (Number is not null)
        {
            var lowered = Number.ToLower();
            var taken = await db.Agreements.IgnoreQueryFilters()
                .Where(a => a.RegionCode == regionCode && a.Id != agreementId && a.Number != null && a.Number.ToLower() == lowered)
                .Select(a => a.Title).FirstOrDefaultAsync(ct);
            if (taken is not null)
                Add(nameof(Number), $"Nomor ini sudah dipakai untuk kerja sama lain: \"{taken}\".");
        }

        await CheckParentAsync(db, regionCode, agreementId, Add, ct);
        return problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
    }

    /// <summary>What can be judged from the draft alone, without the database: required fields, dates, sizes.</summary>
    public Dictionary<string, List<string>> FieldProblems()
    {
        var problems = new Dictionary<string, List<string>>();
        void Add(string field, string message) =>
            (problems.TryGetValue(field, out var list) ? list : problems[field] = []).Add(message);

        if (Kind is null || !Enum.IsDefined(Kind.Value))
            Add(nameof(Kind), "Pilih jenis kerja sama (KSDD, KSDPK, Sinergi, KSDPL atau KSDLL).");
        if (DocumentType is null || !Enum.IsDefined(DocumentType.Value))
            Add(nameof(DocumentType), "Pilih jenis dokumen (KB, Nota Kesepakatan, PKS, Adendum atau LoI/MoU).");
        if (string.IsNullOrEmpty(Title))
            Add(nameof(Title), "Judul (tentang) wajib diisi.");
        else if (Title.Length > 500)
            Add(nameof(Title), "Judul paling panjang 500 karakter.");
        if (Scope is { Length: > 4000 })
            Add(nameof(Scope), "Ruang lingkup paling panjang 4.000 karakter.");
        if (Number is { Length: > 120 })
            Add(nameof(Number), "Nomor paling panjang 120 karakter.");
        if (PartnerNumber is { Length: > 120 })
            Add(nameof(PartnerNumber), "Nomor pihak mitra paling panjang 120 karakter.");

        if (!AsDraft && SignedOn is null)
            Add(nameof(SignedOn), "Tanggal penandatanganan wajib diisi untuk kerja sama yang sudah ditandatangani; simpan sebagai draf bila belum.");
        var datesInRange = true;
        foreach (var (field, label, date) in new[]
        {
            (nameof(SignedOn), "Tanggal penandatanganan", SignedOn), (nameof(StartsOn), "Tanggal mulai berlaku", StartsOn),
            (nameof(EndsOn), "Tanggal berakhir", EndsOn), (nameof(DprdApprovedOn), "Tanggal persetujuan DPRD", DprdApprovedOn),
        })
        {
            if (date is { } day && !AgreementDates.InRange(day))
            {
                Add(field, AgreementDates.OutOfRange(label));
                datesInRange = false;
            }
        }
        if (DurationYears is < 0 or > MaxDurationYears)
            Add(nameof(DurationYears), "Jangka waktu dalam tahun harus 0 sampai 99.");
        if (DurationMonths is < 0 or > 11)
            Add(nameof(DurationMonths), "Bulan pada jangka waktu harus 0 sampai 11; tulis 12 bulan sebagai 1 tahun.");
        if (TotalMonths is 0)
            Add(nameof(DurationYears), "Jangka waktu tidak boleh nol.");
        if (TotalMonths > 0 && EffectiveStart is null)
            Add(nameof(StartsOn), "Jangka waktu dihitung dari tanggal mulai berlaku; isi tanggal mulai atau tanggal penandatanganan.");
        // Dates out of range are said once above; counting from them would only add noise (or leave the calendar).
        if (datesInRange && TotalMonths > 0 && EndsOn is { } end && EffectiveStart is { } start && AgreementStatusRules.EndFromDuration(start, TotalMonths.Value) != end)
            Add(nameof(EndsOn), $"Tanggal berakhir tidak sesuai dengan jangka waktu ({Sinergi.Web.Indonesian.Date(AgreementStatusRules.EndFromDuration(start, TotalMonths.Value))}); isi salah satu saja.");
        if (datesInRange && EffectiveStart is { } from && EffectiveEnd is { } until && until < from)
            Add(nameof(EndsOn), "Tanggal berakhir harus sesudah tanggal mulai berlaku.");
        if (datesInRange && EndsOn is null && EffectiveEnd is { } counted && !AgreementDates.InRange(counted))
            Add(nameof(DurationYears), $"Dengan jangka waktu ini kerja sama berakhir pada {Sinergi.Web.Indonesian.Date(counted)}, sesudah tahun {AgreementDates.Latest.Year}; periksa tanggal mulai dan jangka waktunya.");
        if (DprdApprovedOn is not null && !DprdApprovalRequired)
            Add(nameof(DprdApprovedOn), "Tanggal persetujuan DPRD hanya diisi bila kerja sama memerlukan persetujuan DPRD.");
        if (Value is < 0)
            Add(nameof(Value), "Nilai kerja sama tidak boleh negatif.");
        else if (Value > 999_999_999_999_999m)
            Add(nameof(Value), "Nilai kerja sama terlalu besar.");
        if (Funding is { } funding && !Enum.IsDefined(funding))
            Add(nameof(Funding), "Sumber dana tidak dikenal.");

        return problems;
    }

    private async Task CheckParentAsync(AppDbContext db, string regionCode, int? agreementId, Action<string, string> add, CancellationToken ct)
    {
        if (DocumentType == AgreementDocumentType.Adendum && ParentId is null)
            add(nameof(ParentId), "Adendum harus menyebut kerja sama yang diubahnya.");
        if (ParentId is not int parentId)
            return;
        if (DocumentType is AgreementDocumentType.KesepakatanBersama or AgreementDocumentType.NotaKesepakatan or AgreementDocumentType.LoiMou)
        {
            add(nameof(ParentId), $"{AgreementLabels.Label(DocumentType.Value)} tidak berinduk pada kerja sama lain; hanya PKS dan adendum yang punya induk.");
            return;
        }
        var parent = await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == parentId && a.RegionCode == regionCode)
            .Select(a => new { a.DocumentType }).SingleOrDefaultAsync(ct);
        if (parent is null)
        {
            add(nameof(ParentId), "Kerja sama induk tidak ditemukan di daerah ini.");
            return;
        }
        if (DocumentType == AgreementDocumentType.PerjanjianKerjaSama
            && parent.DocumentType is not (AgreementDocumentType.KesepakatanBersama or AgreementDocumentType.NotaKesepakatan))
            add(nameof(ParentId), "Induk sebuah PKS harus Kesepakatan Bersama (KB) atau Nota Kesepakatan.");
        if (agreementId is int self && await IsSelfOrDescendantAsync(db, self, parentId, ct))
            add(nameof(ParentId), "Kerja sama tidak dapat berinduk pada dirinya sendiri atau pada turunannya.");
    }

    private static async Task<bool> IsSelfOrDescendantAsync(AppDbContext db, int self, int candidate, CancellationToken ct)
    {
        var frontier = new List<int> { self };
        var seen = new HashSet<int>();
        while (frontier.Count > 0)
        {
            if (frontier.Contains(candidate))
                return true;
            seen.UnionWith(frontier);
            frontier = await db.Agreements.IgnoreQueryFilters().Where(a => a.ParentId != null && frontier.Contains(a.ParentId.Value))
                .Select(a => a.Id).ToListAsync(ct);
            frontier.RemoveAll(seen.Contains);
        }
        return false;
    }

    /// <summary>Copies a checked draft onto <paramref name="agreement"/>, replacing its lists and its shares.</summary>
    public async Task ApplyToAsync(AppDbContext db, Agreement agreement, CancellationToken ct = default)
    {
        var lookups = new AgreementLookups(
            await db.Urusan.Where(u => UrusanCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, ct),
            await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == agreement.RegionCode && OpdIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct),
            await db.Partners.IgnoreQueryFilters().Where(p => p.RegionCode == agreement.RegionCode && PartnerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct));
        ApplyTo(db, agreement, lookups);
    }

    /// <summary>The same, with the urusan, OPDs and partners already at hand (an import of thousands of rows).</summary>
    public void ApplyTo(AppDbContext db, Agreement agreement, AgreementLookups lookups)
    {
        agreement.Kind = Kind!.Value;
        agreement.DocumentType = DocumentType!.Value;
        agreement.Number = Number;
        agreement.PartnerNumber = PartnerNumber;
        agreement.Title = Title!;
        agreement.Scope = Scope;
        agreement.SignedOn = SignedOn;
        agreement.StartsOn = EffectiveStart;
        agreement.EndsOn = EffectiveEnd;
        agreement.DurationMonths = TotalMonths;
        agreement.Value = Value;
        agreement.Funding = Funding;
        agreement.DprdApprovalRequired = DprdApprovalRequired;
        agreement.DprdApprovedOn = DprdApprovedOn;
        agreement.DprdApprovalNumber = DprdApprovalNumber;
        agreement.ParentId = ParentId;
        agreement.Lifecycle = AsDraft ? AgreementLifecycle.Draf
            : agreement.Lifecycle == AgreementLifecycle.Diakhiri ? AgreementLifecycle.Diakhiri
            : AgreementLifecycle.Aktif;

        agreement.Urusan.Clear();
        agreement.Urusan.AddRange(UrusanCodes.Select(code => lookups.Urusan.GetValueOrDefault(code)).OfType<Urusan>());
        agreement.Opds.Clear();
        agreement.Opds.AddRange(OpdIds.Select(id => lookups.Opds.GetValueOrDefault(id)).OfType<Opd>());
        agreement.Partners.Clear();
        agreement.Partners.AddRange(PartnerIds.Select(id => lookups.Partners.GetValueOrDefault(id)).OfType<Partner>());
        agreement.ShareWithPartnerRegions();

        // Changes to the lists alone touch only join tables; the agreement's version must move too.
        if (db.Entry(agreement).State == EntityState.Unchanged)
            db.Entry(agreement).Property(a => a.UpdatedAt).IsModified = true;
    }
}

/// <summary>The region's urusan, OPDs and partners by key, for applying drafts without a query each.</summary>
public sealed record AgreementLookups(
    IReadOnlyDictionary<string, Urusan> Urusan,
    IReadOnlyDictionary<int, Opd> Opds,
    IReadOnlyDictionary<int, Partner> Partners);
