using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Agreements;

/// <summary>The agreement form as posted; checked and applied through <see cref="AgreementDraft"/>.</summary>
public sealed class AgreementInput
{
    [Display(Name = "Jenis kerja sama")]
    public AgreementKind? Kind { get; set; }
    [Display(Name = "Jenis dokumen")]
    public AgreementDocumentType? DocumentType { get; set; }
    public string? Number { get; set; }
    public string? PartnerNumber { get; set; }
    public string? Title { get; set; }
    public string? Scope { get; set; }
    [Display(Name = "Urusan")]
    public List<string> UrusanCodes { get; set; } = [];
    [Display(Name = "OPD penanggung jawab")]
    public List<int> OpdIds { get; set; } = [];
    [Display(Name = "Mitra")]
    public List<int> PartnerIds { get; set; } = [];
    [Display(Name = "Tanggal penandatanganan")]
    public DateOnly? SignedOn { get; set; }
    [Display(Name = "Mulai berlaku")]
    public DateOnly? StartsOn { get; set; }
    [Display(Name = "Berakhir pada")]
    public DateOnly? EndsOn { get; set; }
    [Display(Name = "Jangka waktu (tahun)")]
    public int? DurationYears { get; set; }
    [Display(Name = "Jangka waktu (bulan)")]
    public int? DurationMonths { get; set; }
    [Display(Name = "Nilai (Rupiah)")]
    public decimal? Value { get; set; }
    [Display(Name = "Sumber dana")]
    public FundingSource? Funding { get; set; }
    [Display(Name = "Memerlukan persetujuan DPRD")]
    public bool DprdApprovalRequired { get; set; }
    [Display(Name = "Tanggal persetujuan DPRD")]
    public DateOnly? DprdApprovedOn { get; set; }
    public string? DprdApprovalNumber { get; set; }
    [Display(Name = "Kerja sama induk")]
    public int? ParentId { get; set; }
    [Display(Name = "Kerja sama yang diperpanjang")]
    public int? ExtendsId { get; set; }
    [Display(Name = "Versi data")]
    public int Version { get; set; }
    /// <summary>"draf" from the "Simpan sebagai draf" button; anything else records it as signed.</summary>
    public string? Save { get; set; }

    public AgreementDraft ToDraft() => new AgreementDraft
    {
        Kind = Kind,
        DocumentType = DocumentType,
        Number = Number,
        PartnerNumber = PartnerNumber,
        Title = Title,
        Scope = Scope,
        UrusanCodes = UrusanCodes,
        OpdIds = OpdIds,
        PartnerIds = PartnerIds,
        SignedOn = SignedOn,
        StartsOn = StartsOn,
        EndsOn = EndsOn,
        DurationYears = DurationYears,
        DurationMonths = DurationMonths,
        Value = Value,
        Funding = Funding,
        DprdApprovalRequired = DprdApprovalRequired,
        DprdApprovedOn = DprdApprovedOn,
        DprdApprovalNumber = DprdApprovalNumber,
        ParentId = ParentId,
        AsDraft = Save == "draf",
    }.Normalized();

    public static AgreementInput From(Agreement a) => new()
    {
        Kind = a.Kind,
        DocumentType = a.DocumentType,
        Number = a.Number,
        PartnerNumber = a.PartnerNumber,
        Title = a.Title,
        Scope = a.Scope,
        UrusanCodes = a.Urusan.Select(u => u.Code).ToList(),
        OpdIds = a.Opds.Select(o => o.Id).ToList(),
        PartnerIds = a.Partners.Select(p => p.Id).ToList(),
        SignedOn = a.SignedOn,
        StartsOn = a.StartsOn,
        EndsOn = a.EndsOn,
        DurationYears = a.DurationMonths / 12,
        DurationMonths = a.DurationMonths is int m && m % 12 != 0 ? m % 12 : null,
        Value = a.Value,
        Funding = a.Funding,
        DprdApprovalRequired = a.DprdApprovalRequired,
        DprdApprovedOn = a.DprdApprovedOn,
        DprdApprovalNumber = a.DprdApprovalNumber,
        ParentId = a.ParentId,
        ExtendsId = a.ExtendsId,
        Version = a.Version,
        Save = a.Lifecycle == AgreementLifecycle.Draf ? "draf" : null,
    };

    /// <summary>
    /// A new form, prefilled: a PKS or adendum under <paramref name="parentId"/> takes its kind,
    /// partners and urusan; an extension of <paramref name="extendsId"/> takes everything but the dates.
    /// </summary>
    public static async Task<AgreementInput> ForNewAsync(AppDbContext db, RegionScope scope, int? parentId, string? type, int? extendsId)
    {
        var input = new AgreementInput { Kind = AgreementKind.Ksdpk, DocumentType = AgreementDocumentType.PerjanjianKerjaSama };
        if (scope.OpdId is int own)
            input.OpdIds.Add(own);
        var sourceId = extendsId ?? parentId;
        if (sourceId is null)
            return input;
        var source = await db.Agreements.IgnoreQueryFilters().AsNoTracking()
            .Include(a => a.Urusan).Include(a => a.Opds).Include(a => a.Partners)
            .SingleOrDefaultAsync(a => a.Id == sourceId && a.RegionCode == scope.RegionCode);
        if (source is null)
            return input;
        input.Kind = source.Kind;
        input.UrusanCodes = source.Urusan.Select(u => u.Code).ToList();
        input.PartnerIds = source.Partners.Select(p => p.Id).ToList();
        input.OpdIds = source.Opds.Select(o => o.Id).Union(input.OpdIds).ToList();
        if (extendsId is not null)
        {
            input.DocumentType = source.DocumentType;
            input.Title = source.Title;
            input.Scope = source.Scope;
            input.ParentId = source.ParentId;
            input.Funding = source.Funding;
            input.ExtendsId = source.Id;
            // The day after the end, unless the stored end is past the registry's dates (and past the calendar's last day).
            input.StartsOn = source.EndsOn is { } end && end < AgreementDates.Latest ? end.AddDays(1) : null;
        }
        else
        {
            input.ParentId = source.Id;
            input.DocumentType = AgreementLabels.DocumentTypeFromSlug(type) ?? AgreementDocumentType.PerjanjianKerjaSama;
            input.Scope = null;
        }
        return input;
    }
}

/// <summary>The choices the agreement form offers, from the region's own lists.</summary>
public sealed record AgreementFormOptions(
    IReadOnlyList<Urusan> Urusan,
    IReadOnlyList<(int Id, string ShortName, string Name)> Opds,
    IReadOnlyList<(int Id, string Name, PartnerType Type)> Partners,
    IReadOnlyList<(int Id, string Label, AgreementDocumentType Type)> Parents)
{
    public static async Task<AgreementFormOptions> LoadAsync(AppDbContext db, string regionCode, int? editingId)
    {
        var urusan = await db.Urusan.AsNoTracking().OrderBy(u => u.Code).ToListAsync();
        var opds = (await db.Opds.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == regionCode).OrderBy(o => o.ShortName)
            .Select(o => new { o.Id, o.ShortName, o.Name }).ToListAsync()).Select(o => (o.Id, o.ShortName, o.Name)).ToList();
        var partners = (await db.Partners.IgnoreQueryFilters().AsNoTracking().Where(p => p.RegionCode == regionCode).OrderBy(p => p.Name)
            .Select(p => new { p.Id, p.Name, p.Type }).ToListAsync()).Select(p => (p.Id, p.Name, p.Type)).ToList();
        var parents = (await db.Agreements.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.RegionCode == regionCode && a.Id != editingId && a.DocumentType != AgreementDocumentType.Adendum)
            .OrderByDescending(a => a.SignedOn).ThenByDescending(a => a.Id).Take(500)
            .Select(a => new { a.Id, a.Number, a.Title, a.DocumentType }).ToListAsync())
            .Select(a => (a.Id, $"{AgreementLabels.Code(a.DocumentType)} {a.Number ?? ""} — {a.Title}", a.DocumentType)).ToList();
        return new AgreementFormOptions(urusan, opds, partners, parents);
    }
}
