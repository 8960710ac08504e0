using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Budget;

/// <summary>Where the money of a budget line comes from.</summary>
public enum BudgetSource
{
    Apbd,
    Apbn,
    Mitra,
    Lainnya,
}

/// <summary>The planning or budget document a line is written in.</summary>
public enum PlanningDocument
{
    Rkpd,
    RenjaOpd,
    Dpa,
}

/// <summary>How the realisation of a line is broken down, when it is known at all.</summary>
public enum RealisationBreakdown
{
    None,
    Quarterly,
    Monthly,
}

/// <summary>
/// One line of an agreement's money for one fiscal year: its source, for the APBD the OPD and the
/// national nomenclature (program, kegiatan, sub-kegiatan), the document it is written in, and
/// what was planned and realised. Recorded by the region that owns the agreement.
/// </summary>
public class BudgetLine : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int FiscalYear { get; set; }
    public BudgetSource Source { get; set; }
    public int? OpdId { get; set; }
    public Opd? Opd { get; set; }
    /// <summary><c>4.01.03</c>: urusan, bidang, program.</summary>
    public string? ProgramCode { get; set; }
    /// <summary><c>4.01.03.1.03</c>: under its program.</summary>
    public string? KegiatanCode { get; set; }
    /// <summary><c>4.01.03.1.03.01</c> (or four digits, as SIPD writes them): under its kegiatan.</summary>
    public string? SubKegiatanCode { get; set; }
    public PlanningDocument? Document { get; set; }
    public string? DocumentNumber { get; set; }
    /// <summary>Whole Rupiah.</summary>
    public decimal Planned { get; set; }
    /// <summary>Whole Rupiah; null while nothing is known.</summary>
    public decimal? Realised { get; set; }
    /// <summary>Why more was realised than planned (required then).</summary>
    public string? RealisationNote { get; set; }
    public RealisationBreakdown Breakdown { get; set; }
    /// <summary>4 quarters or 12 months, null where not known; empty without a breakdown.</summary>
    public List<decimal?> Parts { get; set; } = [];
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The most specific nomenclature code it carries.</summary>
    public string? Code => SubKegiatanCode ?? KegiatanCode ?? ProgramCode;

    public const int MaxDocumentNumber = 120;
    public const int MaxNote = 1000;
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> line)
    {
        line.Property(l => l.RegionCode).HasMaxLength(5);
        line.Property(l => l.Source).HasConversion<string>().HasMaxLength(10);
        line.Property(l => l.Document).HasConversion<string>().HasMaxLength(10);
        line.Property(l => l.Breakdown).HasConversion<string>().HasMaxLength(10);
        line.Property(l => l.ProgramCode).HasMaxLength(20);
        line.Property(l => l.KegiatanCode).HasMaxLength(20);
        line.Property(l => l.SubKegiatanCode).HasMaxLength(20);
        line.Property(l => l.DocumentNumber).HasMaxLength(BudgetLine.MaxDocumentNumber);
        line.Property(l => l.RealisationNote).HasMaxLength(BudgetLine.MaxNote);
        line.Property(l => l.Planned).HasPrecision(18, 0);
        line.Property(l => l.Realised).HasPrecision(18, 0);
        line.Ignore(l => l.Code);
        line.Property(l => l.Parts).HasMaxLength(400).HasConversion(
            parts => JsonSerializer.Serialize(parts, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<List<decimal?>>(json, JsonSerializerOptions.Default) ?? new List<decimal?>(),
            new ValueComparer<List<decimal?>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, p) => HashCode.Combine(h, p)), l => l.ToList()));
        line.HasOne<Region>().WithMany().HasForeignKey(l => l.RegionCode).OnDelete(DeleteBehavior.Restrict);
        line.HasOne(l => l.Agreement).WithMany().HasForeignKey(l => l.AgreementId).OnDelete(DeleteBehavior.Cascade);
        line.HasOne(l => l.Opd).WithMany().HasForeignKey(l => l.OpdId).OnDelete(DeleteBehavior.Restrict);
        line.HasIndex(l => new { l.AgreementId, l.FiscalYear });
        // The integration checks read a region's lines of one year.
        line.HasIndex(l => new { l.RegionCode, l.FiscalYear, l.Source });
        line.HasIndex(l => l.OpdId);
    }
}
