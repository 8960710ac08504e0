using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sinergi.Features.Agreements.Documents;

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

internal sealed class AgreementDocumentConfiguration : IEntityTypeConfiguration<AgreementDocument>
{
    public void Configure(EntityTypeBuilder<AgreementDocument> document)
    {
        document.Property(d => d.Title).HasMaxLength(200);
        document.HasOne(d => d.Agreement).WithMany(a => a.Documents).HasForeignKey(d => d.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> version)
    {
        version.Property(v => v.FileName).HasMaxLength(255);
        version.Property(v => v.ContentType).HasMaxLength(100);
        version.Property(v => v.Sha256).HasMaxLength(64);
        version.Property(v => v.UploadedByName).HasMaxLength(120);
        version.HasOne(v => v.Document).WithMany(d => d.Versions).HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        version.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        version.HasIndex(v => v.Sha256);
    }
}
