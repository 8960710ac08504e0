using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements.Documents;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Agreements;

/// <summary>
/// One cooperation document of a region: a KB, a Nota Kesepakatan, a PKS under a KB, an adendum
/// of what it amends, or an LoI/MoU. Its status is derived from <see cref="Lifecycle"/> and its
/// dates (<see cref="AgreementStatusRules"/>).
/// </summary>
public class Agreement : IRegionOwned, IVersioned, ITimestamped
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
    /// <summary>Other regions in this deployment that are party to it and may read it; none while it is a draft.</summary>
    public List<AgreementShare> SharedWith { get; set; } = [];
    /// <summary>Why the agreement is kept off the public portal; null when it is published (signed ones only, see Features/Portal).</summary>
    public string? NotPublicReason { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Shares the agreement with exactly the regions among its partners once it has left Draf; a
    /// draft is its owner's alone (needs both lists loaded, and the lifecycle set). Every read that
    /// honours a share (the context's filters, <see cref="AgreementAccess"/>, the search rows' region
    /// tokens, the reports) so leaves drafts out without a condition of its own, and signing a draft
    /// adds its shares, which raises the partner regions' registry versions in the same save.
    /// </summary>
    public void ShareWithPartnerRegions()
    {
        var regions = Lifecycle == AgreementLifecycle.Draf ? []
            : Partners.Select(p => p.LinkedRegionCode).OfType<string>().Where(c => c != RegionCode).Distinct().ToList();
        SharedWith.RemoveAll(s => !regions.Contains(s.RegionCode));
        foreach (var code in regions.Where(c => SharedWith.All(s => s.RegionCode != c)))
            SharedWith.Add(new AgreementShare { RegionCode = code });
    }
}

/// <summary>A region that is party to another region's signed agreement, kept in step with its partners and lifecycle.</summary>
public class AgreementShare
{
    public int AgreementId { get; set; }
    public required string RegionCode { get; set; }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> agreement)
    {
        agreement.Property(a => a.RegionCode).HasMaxLength(5);
        agreement.Property(a => a.NotPublicReason).HasMaxLength(500);
        agreement.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        agreement.Property(a => a.DocumentType).HasConversion<string>().HasMaxLength(30);
        agreement.Property(a => a.Lifecycle).HasConversion<string>().HasMaxLength(10);
        agreement.Property(a => a.Funding).HasConversion<string>().HasMaxLength(20);
        agreement.Property(a => a.Number).HasMaxLength(120);
        agreement.Property(a => a.PartnerNumber).HasMaxLength(120);
        agreement.Property(a => a.Title).HasMaxLength(500);
        agreement.Property(a => a.Scope).HasMaxLength(4000);
        agreement.Property(a => a.DprdApprovalNumber).HasMaxLength(120);
        agreement.Property(a => a.TerminationReason).HasMaxLength(1000);
        agreement.Property(a => a.Value).HasPrecision(18, 0);
        agreement.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        agreement.HasOne(a => a.Parent).WithMany(a => a.Children).HasForeignKey(a => a.ParentId).OnDelete(DeleteBehavior.Restrict);
        agreement.HasOne(a => a.Extends).WithMany(a => a.Extensions).HasForeignKey(a => a.ExtendsId).OnDelete(DeleteBehavior.Restrict);
        agreement.HasIndex(a => new { a.RegionCode, a.Number }).IsUnique().HasFilter("\"Number\" IS NOT NULL");
        agreement.HasIndex(a => new { a.RegionCode, a.SignedOn });
        // Covers the counts per status and the status, kind and type filters of a region's list
        // without reading the (wide) rows themselves.
        agreement.HasIndex(a => new { a.RegionCode, a.Lifecycle, a.StartsOn, a.EndsOn, a.Kind, a.DocumentType, a.SignedOn })
            .HasDatabaseName("IX_Agreements_RegionStatus");
        agreement.HasIndex(a => new { a.RegionCode, a.EndsOn });
        agreement.HasMany(a => a.Urusan).WithMany().UsingEntity(
            "AgreementUrusan",
            r => r.HasOne(typeof(Urusan)).WithMany().HasForeignKey("UrusanCode").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Agreement)).WithMany().HasForeignKey("AgreementId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasIndex("UrusanCode"));
        agreement.HasMany(a => a.Opds).WithMany().UsingEntity(
            "AgreementOpd",
            r => r.HasOne(typeof(Opd)).WithMany().HasForeignKey("OpdId").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Agreement)).WithMany().HasForeignKey("AgreementId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasIndex("OpdId"));
        agreement.HasMany(a => a.Partners).WithMany(p => p.Agreements).UsingEntity(
            "AgreementPartner",
            r => r.HasOne(typeof(Partner)).WithMany().HasForeignKey("PartnerId").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Agreement)).WithMany().HasForeignKey("AgreementId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasIndex("PartnerId"));
        agreement.HasMany(a => a.SharedWith).WithOne().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementShareConfiguration : IEntityTypeConfiguration<AgreementShare>
{
    public void Configure(EntityTypeBuilder<AgreementShare> share)
    {
        share.HasKey(s => new { s.AgreementId, s.RegionCode });
        share.Property(s => s.RegionCode).HasMaxLength(5);
        share.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Restrict);
        share.HasIndex(s => s.RegionCode);
    }
}
