using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>The text an agreement is found by: numbers, title, scope, partners, OPDs, urusan and document text.</summary>
public class AgreementSearch
{
    public int AgreementId { get; set; }
    public required string RegionCode { get; set; }
    public required string Body { get; set; }
}

/// <summary>
/// The full-text index itself (FTS5 on SQLite, a generated tsvector on PostgreSQL) is made by
/// hand-written SQL in the Registry migrations.
/// </summary>
internal sealed class AgreementSearchConfiguration : IEntityTypeConfiguration<AgreementSearch>
{
    public void Configure(EntityTypeBuilder<AgreementSearch> search)
    {
        search.HasKey(s => s.AgreementId);
        search.Property(s => s.AgreementId).ValueGeneratedNever();
        search.Property(s => s.RegionCode).HasMaxLength(5);
        search.HasOne<Agreement>().WithOne().HasForeignKey<AgreementSearch>(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}
