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
    /// <summary>Shown on the public portal; documents are internal until someone who may edit the agreement says otherwise.</summary>
    public bool IsPublic { get; set; }
    public List<DocumentVersion> Versions { get; set; } = [];
}

/// <summary>Where reading a version's text for search stands; it is read in the background after the upload.</summary>
public enum DocumentTextState
{
    /// <summary>Stored and downloadable; its text is not read yet.</summary>
    Pending,
    /// <summary>All its text was read (none for an image).</summary>
    Done,
    /// <summary>It went past a reading limit: the text read until then is searchable, the rest is not.</summary>
    Partial,
    /// <summary>Damaged or locked with a password: no text.</summary>
    Unreadable,
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
    /// <summary>Text extracted for search (PDF, DOCX, XLSX); null for images and while <see cref="TextState"/> is pending.</summary>
    public string? Text { get; set; }
    public DocumentTextState TextState { get; set; }
    /// <summary>For a partial text, the limit it went past, as the end of a sentence ("lebih dari 2.000 halaman").</summary>
    public string? TextNote { get; set; }
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
        version.Property(v => v.TextState).HasConversion<string>().HasMaxLength(12);
        version.Property(v => v.TextNote).HasMaxLength(200);
        version.HasOne(v => v.Document).WithMany(d => d.Versions).HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        version.HasIndex(v => new { v.DocumentId, v.Number }).IsUnique();
        version.HasIndex(v => v.Sha256);
        // The worker looks for versions still to read when it starts.
        version.HasIndex(v => v.TextState);
    }
}
