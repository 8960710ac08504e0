namespace Sinergi.Web.Domain;

/// <summary>
/// One cooperation document of a region: a KB, a Nota Kesepakatan, a PKS under a KB, an adendum
/// of what it amends, or an LoI/MoU. Its status is derived from <see cref="Lifecycle"/> and its
/// dates (<see cref="AgreementStatusRules"/>).
/// </summary>
public class Agreement : IRegionOwned, IVersioned
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public AgreementKind Kind { get; set; }
    public AgreementDocumentType DocumentType { get; set; }
    /// <summary>The region's own number of the document.</summary>
    public string? Number { get; set; }
    /// <summary>The partner's number of the same document.</summary>
    public string? PartnerNumber { get; set; }
    public required string Title { get; set; }
    public string? Scope { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    /// <summary>When the end date was given as a duration ("5 (lima) tahun"), how many months.</summary>
    public int? DurationMonths { get; set; }
    /// <summary>Value in whole Rupiah.</summary>
    public decimal? Value { get; set; }
    public FundingSource? Funding { get; set; }
    public bool DprdApprovalRequired { get; set; }
    public DateOnly? DprdApprovedOn { get; set; }
    public string? DprdApprovalNumber { get; set; }
    public int? ParentId { get; set; }
    public Agreement? Parent { get; set; }
    public List<Agreement> Children { get; set; } = [];
    /// <summary>The agreement this one extends; the lineage is visible from both ends.</summary>
    public int? ExtendsId { get; set; }
    public Agreement? Extends { get; set; }
    public List<Agreement> Extensions { get; set; } = [];
    public AgreementLifecycle Lifecycle { get; set; }
    public DateOnly? TerminatedOn { get; set; }
    public string? TerminationReason { get; set; }
    public List<Urusan> Urusan { get; set; } = [];
    public List<Opd> Opds { get; set; } = [];
    public List<Partner> Partners { get; set; } = [];
    public List<AgreementDocument> Documents { get; set; } = [];
    /// <summary>Other regions in this deployment that are party to it and may read it.</summary>
    public List<AgreementShare> SharedWith { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Shares the agreement with exactly the regions among its partners (needs both lists loaded).</summary>
    public void ShareWithPartnerRegions()
    {
        var regions = Partners.Select(p => p.LinkedRegionCode).OfType<string>().Where(c => c != RegionCode).Distinct().ToList();
        SharedWith.RemoveAll(s => !regions.Contains(s.RegionCode));
        foreach (var code in regions.Where(c => SharedWith.All(s => s.RegionCode != c)))
            SharedWith.Add(new AgreementShare { RegionCode = code });
    }
}

/// <summary>A region that is party to another region's agreement, kept in step with its partners.</summary>
public class AgreementShare
{
    public int AgreementId { get; set; }
    public required string RegionCode { get; set; }
}

/// <summary>A document of an agreement (the signed text, an attachment); every upload adds a version.</summary>
public class AgreementDocument
{
    public int Id { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public required string Title { get; set; }
    public List<DocumentVersion> Versions { get; set; } = [];
}

public class DocumentVersion
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public AgreementDocument? Document { get; set; }
    public int Number { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    /// <summary>Lowercase hex SHA-256 of the bytes; also the file's name in the store.</summary>
    public required string Sha256 { get; set; }
    /// <summary>Text extracted for search (PDF, DOCX, XLSX); null for images.</summary>
    public string? Text { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedById { get; set; }
    public required string UploadedByName { get; set; }
}
