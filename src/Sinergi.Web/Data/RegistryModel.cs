using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sinergi.Web.Domain;

namespace Sinergi.Web.Data;

/// <summary>The text an agreement is found by: numbers, title, scope, partners, OPDs, urusan and document text.</summary>
public class AgreementSearch
{
    public int AgreementId { get; set; }
    public required string RegionCode { get; set; }
    public required string Body { get; set; }
}

/// <summary>
/// Mapping of the registry of cooperation: partners, agreements, documents, history. The region
/// filters stay in <see cref="AppDbContext"/>, where they can read the context of each query.
/// </summary>
internal static class RegistryModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Partner>(partner =>
        {
            partner.Property(p => p.RegionCode).HasMaxLength(5);
            partner.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
            partner.Property(p => p.Name).HasMaxLength(300);
            partner.Property(p => p.NormalizedName).HasMaxLength(300);
            partner.Property(p => p.LinkedRegionCode).HasMaxLength(5);
            partner.Property(p => p.Address).HasMaxLength(500);
            partner.Property(p => p.Country).HasMaxLength(100);
            partner.Property(p => p.ContactName).HasMaxLength(120);
            partner.Property(p => p.ContactPhone).HasMaxLength(40);
            partner.Property(p => p.ContactEmail).HasMaxLength(200);
            partner.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
            partner.HasOne(p => p.LinkedRegion).WithMany().HasForeignKey(p => p.LinkedRegionCode).OnDelete(DeleteBehavior.Restrict);
            partner.HasIndex(p => new { p.RegionCode, p.Type, p.NormalizedName }).IsUnique();
        });

        builder.Entity<Agreement>(agreement =>
        {
            agreement.Property(a => a.RegionCode).HasMaxLength(5);
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
        });

        builder.Entity<AgreementShare>(share =>
        {
            share.HasKey(s => new { s.AgreementId, s.RegionCode });
            share.Property(s => s.RegionCode).HasMaxLength(5);
            share.HasOne<Region>().WithMany().HasForeignKey(s => s.RegionCode).OnDelete(DeleteBehavior.Restrict);
            share.HasIndex(s => s.RegionCode);
        });

        builder.Entity<AgreementDocument>(document =>
        {
            document.Property(d => d.Title).HasMaxLength(200);
            document.HasOne(d => d.Agreement).WithMany(a => a.Documents).HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<DocumentVersion>(version =>
        {
            version.Property(v => v.FileName).HasMaxLength(255);
            version.Property(v => v.ContentType).HasMaxLength(100);
            version.Property(v => v.Sha256).HasMaxLength(64);
            version.Property(v => v.UploadedByName).HasMaxLength(120);
            version.HasOne(v => v.Document).WithMany(d => d.Versions).HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
            version.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
            version.HasIndex(v => v.Sha256);
        });

        builder.Entity<AgreementSearch>(search =>
        {
            search.HasKey(s => s.AgreementId);
            search.Property(s => s.AgreementId).ValueGeneratedNever();
            search.Property(s => s.RegionCode).HasMaxLength(5);
            search.HasOne<Agreement>().WithOne().HasForeignKey<AgreementSearch>(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AuditEvent>(audit =>
        {
            audit.Property(e => e.RegionCode).HasMaxLength(5);
            audit.Property(e => e.EntityType).HasMaxLength(20);
            audit.Property(e => e.Action).HasMaxLength(40);
            audit.Property(e => e.UserName).HasMaxLength(120);
            // No foreign key to the agreement: its history outlives a deletion.
            audit.HasIndex(e => new { e.EntityType, e.EntityId });
            audit.HasIndex(e => e.RegionCode);
            audit.Property(e => e.Changes).HasConversion(
                changes => JsonSerializer.Serialize(changes, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<List<AuditChange>>(json, JsonSerializerOptions.Default) ?? new List<AuditChange>(),
                new ValueComparer<List<AuditChange>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, c) => HashCode.Combine(h, c)), l => l.ToList()));
        });

        builder.Entity<RegionSettings>(settings =>
        {
            settings.HasKey(s => s.RegionCode);
            settings.Property(s => s.RegionCode).HasMaxLength(5);
            settings.HasOne<Region>().WithOne().HasForeignKey<RegionSettings>(s => s.RegionCode).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
