using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Features.Opds;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>The two judgements that follow the OPD's report in a period, in turn.</summary>
public enum AssessmentKind
{
    /// <summary>The TKKSD lokus member's review (telaah) of the OPD's report.</summary>
    Telaah,
    /// <summary>The Admin Kerja Sama's evaluation, with the criteria, a rating 1–5 and a recommendation.</summary>
    Evaluasi,
}

/// <summary>
/// A lokus review or an admin evaluation of one period, one revision of it: answers to fixed
/// criteria, findings, a recommendation and (for the evaluation) a rating. Submitted revisions are
/// never changed; a correction is the next revision with its reason.
/// </summary>
public class Assessment : IRegionOwned, IVersioned, ITimestamped
{
    public int Id { get; set; }
    public AssessmentKind Kind { get; set; }
    public int AgreementId { get; set; }
    public Agreement? Agreement { get; set; }
    public required string RegionCode { get; set; }
    public required string PeriodCode { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public int Revision { get; set; } = 1;
    public ReportState State { get; set; }
    public string? CorrectionReason { get; set; }
    /// <summary>Criterion code → the option chosen, against <see cref="Criteria"/>.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];
    /// <summary>
    /// The region's criteria as they were when this revision was last saved: a submitted revision
    /// keeps showing its own questions and labels after the region changes them. Null for a revision
    /// saved before regions had their own criteria: those were answered against the defaults.
    /// </summary>
    public List<Criterion>? Criteria { get; set; }
    public string? Findings { get; set; }
    public string? Recommendation { get; set; }
    public int? Rating { get; set; }
    public string? CreatedById { get; set; }
    public required string CreatedByName { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedById { get; set; }
    public string? SubmittedByName { get; set; }
    public int Version { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A TKKSD member assigned as lokus of an OPD: they review the reports of the agreements it runs.</summary>
public class LokusAssignment
{
    public required string UserId { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> assessment)
    {
        assessment.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        assessment.Property(a => a.RegionCode).HasMaxLength(5);
        assessment.Property(a => a.PeriodCode).HasMaxLength(10);
        assessment.Property(a => a.State).HasConversion<string>().HasMaxLength(10);
        assessment.Property(a => a.CorrectionReason).HasMaxLength(1000);
        assessment.Property(a => a.Findings).HasMaxLength(ImplementationReport.MaxText);
        assessment.Property(a => a.Recommendation).HasMaxLength(20);
        assessment.Property(a => a.CreatedByName).HasMaxLength(120);
        assessment.Property(a => a.SubmittedByName).HasMaxLength(120);
        assessment.Property(a => a.Answers).HasMaxLength(2000).HasConversion(
            answers => JsonSerializer.Serialize(answers, JsonSerializerOptions.Default),
            json => JsonSerializer.Deserialize<Dictionary<string, string>>(json, JsonSerializerOptions.Default) ?? new Dictionary<string, string>(),
            new ValueComparer<Dictionary<string, string>>((a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                d => d.Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)), d => new Dictionary<string, string>(d)));
        assessment.Property(a => a.Criteria).HasConversion(AssessmentCriteria.Json!, AssessmentCriteria.Comparer!);
        assessment.HasOne(a => a.Agreement).WithMany().HasForeignKey(a => a.AgreementId).OnDelete(DeleteBehavior.Cascade);
        assessment.HasOne<Region>().WithMany().HasForeignKey(a => a.RegionCode).OnDelete(DeleteBehavior.Restrict);
        assessment.HasIndex(a => new { a.AgreementId, a.RegionCode, a.PeriodCode, a.Kind, a.Revision }).IsUnique();
        assessment.HasIndex(a => new { a.RegionCode, a.PeriodEnd });
    }
}

internal sealed class LokusAssignmentConfiguration : IEntityTypeConfiguration<LokusAssignment>
{
    public void Configure(EntityTypeBuilder<LokusAssignment> lokus)
    {
        lokus.HasKey(l => new { l.UserId, l.OpdId });
        lokus.HasOne<AppUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        lokus.HasOne(l => l.Opd).WithMany().HasForeignKey(l => l.OpdId).OnDelete(DeleteBehavior.Cascade);
        lokus.HasIndex(l => l.OpdId);
    }
}
