using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

public enum ProposalState
{
    Berjalan,
    Selesai,
    Ditolak,
}

/// <summary>
/// A proposal (usulan) of cooperation, started by an OPD or recorded by the admin from an offer
/// from outside. It runs through the stages of the SOP version it started on
/// (<see cref="SopVersionId"/>); <see cref="ProposalWorkflow"/> is the only code that moves it.
/// </summary>
public class Proposal : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public int Year { get; set; }
    /// <summary>Per region and year, from 1; unique, so two proposals never share a number.</summary>
    public int Sequence { get; set; }
    public AgreementKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Background { get; set; }
    public string? Aims { get; set; }
    public string? Scope { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    public List<Urusan> Urusan { get; set; } = [];
    public List<Partner> Partners { get; set; } = [];
    public int? DurationMonths { get; set; }
    public string? Location { get; set; }
    public string? Benefits { get; set; }
    public bool FundedInApbd { get; set; }
    public bool BurdensPublic { get; set; }
    /// <summary>Recorded by the admin from a surat penawaran that came from outside; the proposer follows it with <see cref="TrackingCode"/>.</summary>
    public bool FromOffer { get; set; }
    public string? OfferFrom { get; set; }
    public string? OfferLetterNumber { get; set; }
    public string? TrackingCode { get; set; }
    /// <summary>The KB a PKS proposal started from; it inherits the KB's partners and scope.</summary>
    public int? ParentAgreementId { get; set; }
    public Agreement? ParentAgreement { get; set; }
    public int SopVersionId { get; set; }
    public SopVersion? Sop { get; set; }
    public required string Stage { get; set; }
    public DateOnly StageSince { get; set; }
    public DateOnly StageDueOn { get; set; }
    public ProposalState State { get; set; }
    /// <summary>Checklist items ticked, as "stage|item".</summary>
    public List<string> Checked { get; set; } = [];
    /// <summary>Rises each time the proposal is returned, so the TKKSD votes again on the revised text.</summary>
    public int Round { get; set; } = 1;
    public string? LastReason { get; set; }
    /// <summary>The agreement it became (the PKS or Nota Kesepakatan), and the KB signed on the way.</summary>
    public int? AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public int? KbAgreementId { get; set; }
    /// <summary>The KB's actual signing date, as the admin entered it when leaving its signing stage.</summary>
    public DateOnly? KbSignedOn { get; set; }
    /// <summary>The PKS's or Nota Kesepakatan's actual signing date; the registry agreement is signed on it.</summary>
    public DateOnly? SignedOn { get; set; }
    public string? OverlapReason { get; set; }
    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string Number => FormatNumber(Year, Sequence);

    public static string FormatNumber(int year, int sequence) => $"USL/{year}/{sequence:0000}";

    /// <summary>Reads a number as <see cref="FormatNumber"/> writes it (any case, spaces around the parts allowed).</summary>
    public static bool TryParseNumber(string? text, out int year, out int sequence)
    {
        year = sequence = 0;
        var parts = (text ?? "").Split('/', StringSplitOptions.TrimEntries);
        return parts.Length == 3 && parts[0].Equals("USL", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out year)
            && int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sequence);
    }

    /// <summary>Required by law when the funding is not in the current APBD or the cooperation burdens the public.</summary>
    public bool DprdRequired => !FundedInApbd || BurdensPublic;

    public bool IsOverdue(DateOnly today) => State == ProposalState.Berjalan && StageDueOn < today;

    public static string StateLabel(ProposalState state) => state switch
    {
        ProposalState.Selesai => "Selesai",
        ProposalState.Ditolak => "Ditolak",
        _ => "Berjalan",
    };
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> proposal)
    {
        proposal.Ignore(p => p.Number);
        proposal.Ignore(p => p.DprdRequired);
        proposal.Property(p => p.RegionCode).HasMaxLength(5);
        proposal.Property(p => p.Kind).HasConversion<string>().HasMaxLength(10);
        proposal.Property(p => p.State).HasConversion<string>().HasMaxLength(10);
        proposal.Property(p => p.Title).HasMaxLength(500);
        proposal.Property(p => p.Background).HasMaxLength(4000);
        proposal.Property(p => p.Aims).HasMaxLength(4000);
        proposal.Property(p => p.Scope).HasMaxLength(4000);
        proposal.Property(p => p.Location).HasMaxLength(300);
        proposal.Property(p => p.Benefits).HasMaxLength(4000);
        proposal.Property(p => p.OfferFrom).HasMaxLength(300);
        proposal.Property(p => p.OfferLetterNumber).HasMaxLength(120);
        proposal.Property(p => p.TrackingCode).HasMaxLength(20);
        proposal.Property(p => p.Stage).HasMaxLength(40);
        proposal.Property(p => p.LastReason).HasMaxLength(2000);
        proposal.Property(p => p.OverlapReason).HasMaxLength(2000);
        proposal.Property(p => p.CreatedByName).HasMaxLength(120);
        proposal.Property(p => p.Checked).HasMaxLength(4000).HasConversion(
            v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
            v => JsonSerializer.Deserialize<List<string>>(v, (JsonSerializerOptions?)null) ?? new List<string>(),
            new ValueComparer<List<string>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))), v => v.ToList()));
        proposal.HasOne<Region>().WithMany().HasForeignKey(p => p.RegionCode).OnDelete(DeleteBehavior.Restrict);
        proposal.HasOne(p => p.Opd).WithMany().HasForeignKey(p => p.OpdId).OnDelete(DeleteBehavior.Restrict);
        proposal.HasOne(p => p.Sop).WithMany().HasForeignKey(p => p.SopVersionId).OnDelete(DeleteBehavior.Restrict);
        proposal.HasOne(p => p.ParentAgreement).WithMany().HasForeignKey(p => p.ParentAgreementId).OnDelete(DeleteBehavior.Restrict);
        proposal.HasOne(p => p.Agreement).WithMany().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.SetNull);
        proposal.HasOne<Agreement>().WithMany().HasForeignKey(p => p.KbAgreementId).OnDelete(DeleteBehavior.SetNull);
        proposal.HasIndex(p => new { p.RegionCode, p.Year, p.Sequence }).IsUnique();
        proposal.HasIndex(p => p.TrackingCode).IsUnique().HasFilter("\"TrackingCode\" IS NOT NULL");
        proposal.HasIndex(p => new { p.RegionCode, p.State, p.StageDueOn });
        proposal.HasIndex(p => new { p.RegionCode, p.OpdId });
        proposal.HasIndex(p => p.AgreementId);
        proposal.HasMany(p => p.Urusan).WithMany().UsingEntity(
            "ProposalUrusan",
            r => r.HasOne(typeof(Urusan)).WithMany().HasForeignKey("UrusanCode").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Proposal)).WithMany().HasForeignKey("ProposalId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasIndex("UrusanCode"));
        proposal.HasMany(p => p.Partners).WithMany().UsingEntity(
            "ProposalPartner",
            r => r.HasOne(typeof(Partner)).WithMany().HasForeignKey("PartnerId").OnDelete(DeleteBehavior.Restrict),
            l => l.HasOne(typeof(Proposal)).WithMany().HasForeignKey("ProposalId").OnDelete(DeleteBehavior.Cascade),
            j => j.HasIndex("PartnerId"));
    }
}

/// <summary>
/// One uploaded version of one of a proposal's documents. A rejected version is never deleted: it
/// stays, marked with who rejected it, why and when, and a new version is uploaded beside it.
/// </summary>
public class ProposalDocument
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    public required string Type { get; set; }
    public int Number { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
    public string? UploadedById { get; set; }
    public required string UploadedByName { get; set; }
    public DateTime? RejectedAt { get; set; }
    public string? RejectedByName { get; set; }
    public string? RejectedReason { get; set; }

    public bool IsRejected => RejectedAt is not null;
}

internal sealed class ProposalDocumentConfiguration : IEntityTypeConfiguration<ProposalDocument>
{
    public void Configure(EntityTypeBuilder<ProposalDocument> document)
    {
        document.Ignore(d => d.IsRejected);
        document.Property(d => d.Type).HasMaxLength(40);
        document.Property(d => d.FileName).HasMaxLength(255);
        document.Property(d => d.ContentType).HasMaxLength(100);
        document.Property(d => d.Sha256).HasMaxLength(64);
        document.Property(d => d.UploadedByName).HasMaxLength(120);
        document.Property(d => d.RejectedByName).HasMaxLength(120);
        document.Property(d => d.RejectedReason).HasMaxLength(1000);
        document.HasOne<Proposal>().WithMany().HasForeignKey(d => d.ProposalId).OnDelete(DeleteBehavior.Cascade);
        document.HasIndex(d => new { d.ProposalId, d.Type, d.Number }).IsUnique();
    }
}
