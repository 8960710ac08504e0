using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Import;

public enum ImportStatus
{
    /// <summary>The file is being read and checked in the background.</summary>
    Membaca,
    /// <summary>The preview is ready for the person to check.</summary>
    Siap,
    /// <summary>The rows are being saved in the background.</summary>
    Menyimpan,
    Tersimpan,
    Gagal,
}

/// <summary>
/// One upload of a spreadsheet, from reading through the preview to saving; kept so the person
/// can come back to the preview, and so the result can be downloaded afterwards.
/// </summary>
public class ImportSession : IRegionOwned, ITimestamped
{
    public Guid Id { get; set; }
    public required string RegionCode { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public required string FileName { get; set; }
    /// <summary>The uploaded file in the file store.</summary>
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    public ImportStatus Status { get; set; }
    public int? SheetIndex { get; set; }
    /// <summary>The person's column mapping (column index → field) as JSON; null while the detected one is used.</summary>
    public string? MappingJson { get; set; }
    /// <summary>The person's choices for OPD and partner names the directory does not know as written (<see cref="ImportValueMapping"/>); null while none.</summary>
    public string? ValuesJson { get; set; }
    /// <summary>The preview as JSON: every row with its outcome and messages.</summary>
    public string? PreviewJson { get; set; }
    public string? Summary { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class ImportSessionConfiguration : IEntityTypeConfiguration<ImportSession>
{
    public void Configure(EntityTypeBuilder<ImportSession> session)
    {
        session.Property(s => s.RegionCode).HasMaxLength(5);
        session.Property(s => s.UserName).HasMaxLength(120);
        session.Property(s => s.FileName).HasMaxLength(255);
        session.Property(s => s.Sha256).HasMaxLength(64);
        session.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
        session.Property(s => s.Summary).HasMaxLength(200);
        session.Property(s => s.Error).HasMaxLength(1000);
        session.HasIndex(s => new { s.RegionCode, s.CreatedAt });
    }
}
