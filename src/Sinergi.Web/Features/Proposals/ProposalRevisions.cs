using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sinergi.Data;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>One field of a proposal as it read when a version was taken: its label and its text.</summary>
public sealed record RevisionField(string Key, string Label, string? Value);

/// <summary>A field that differs between two versions, as the reviewer reads it: before → after.</summary>
public sealed record RevisionChange(string Key, string Label, string? Before, string? After);

/// <summary>
/// A version of a proposal's own fields, taken each time the proposer submits it out of the SOP's
/// first stage (the first submission and every resubmission after a return for revision). The
/// reviewer compares the latest with the one before: what changed since the version returned.
/// </summary>
public class ProposalRevision
{
    public int Id { get; set; }
    public int ProposalId { get; set; }
    /// <summary>From 1 per proposal.</summary>
    public int Number { get; set; }
    /// <summary>The proposal's round when it was submitted (rises with every return).</summary>
    public int Round { get; set; }
    public DateTime At { get; set; }
    public required string ByName { get; set; }
    public List<RevisionField> Fields { get; set; } = [];
}

internal sealed class ProposalRevisionConfiguration : IEntityTypeConfiguration<ProposalRevision>
{
    public void Configure(EntityTypeBuilder<ProposalRevision> revision)
    {
        revision.Property(r => r.ByName).HasMaxLength(120);
        revision.Property(r => r.Fields).HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            v => JsonSerializer.Deserialize<List<RevisionField>>(v, JsonSerializerOptions.Web) ?? new List<RevisionField>(),
            new ValueComparer<List<RevisionField>>((a, b) => a!.SequenceEqual(b!), v => v.Count, v => v.ToList()));
        revision.HasOne<Proposal>().WithMany().HasForeignKey(r => r.ProposalId).OnDelete(DeleteBehavior.Cascade);
        revision.HasIndex(r => new { r.ProposalId, r.Number }).IsUnique();
    }
}

public static class ProposalRevisions
{
    private static string YesNo(bool value) => value ? "Ya" : "Tidak";

    /// <summary>The proposal's own fields as a person reads them (the proposal loaded with its OPD, partners and urusan).</summary>
    public static List<RevisionField> Fields(Proposal p, IReadOnlyList<ProposalCostItem> costs) =>
    [
        new("title", "Judul", p.Title),
        new("background", "Latar belakang", p.Background),
        new("aims", "Tujuan", p.Aims),
        new("scope", "Ruang lingkup", p.Scope),
        new("urusan", "Urusan", string.Join("; ", p.Urusan.OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => $"{u.Code} {u.Name}"))),
        new("opd", "OPD penanggung jawab", p.Opd?.Name),
        new("partners", "Mitra", string.Join("; ", p.Partners.OrderBy(x => x.Name, StringComparer.Ordinal).Select(x => x.Name))),
        new("duration", "Jangka waktu", p.DurationMonths is int months ? $"{months} bulan" : null),
        new("location", "Lokasi", p.Location),
        new("benefits", "Manfaat yang diharapkan", p.Benefits),
        new("fundedInApbd", "Pendanaan dalam APBD tahun berjalan", YesNo(p.FundedInApbd)),
        new("burdensPublic", "Membebani masyarakat", YesNo(p.BurdensPublic)),
        new("costs", "Perhitungan biaya", costs.Count == 0 ? null : string.Join("\n", costs.Select(c =>
            $"{c.Item}: {c.Volume.ToString("0.##", CultureInfo.GetCultureInfo("id-ID"))} {c.Unit} × {Indonesian.Rupiah(c.UnitPrice)} = {Indonesian.Rupiah(c.Total)} ({c.Source})"))),
        new("costTotal", "Total biaya", costs.Count == 0 ? null : Indonesian.Rupiah(costs.Sum(c => c.Total))),
    ];

    /// <summary>Adds a version of the proposal's fields as they read now; saved with the caller's next SaveChanges.</summary>
    public static async Task TakeAsync(AppDbContext db, Proposal proposal, string byName, CancellationToken ct = default)
    {
        var costs = await db.ProposalCostItems.AsNoTracking().Where(c => c.ProposalId == proposal.Id).OrderBy(c => c.Id).ToListAsync(ct);
        var last = await db.ProposalRevisions.Where(r => r.ProposalId == proposal.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
        db.ProposalRevisions.Add(new ProposalRevision
        {
            ProposalId = proposal.Id, Number = last + 1, Round = proposal.Round, At = db.UtcNow, ByName = byName, Fields = Fields(proposal, costs),
        });
    }

    /// <summary>Every version, oldest first.</summary>
    public static Task<List<ProposalRevision>> ListAsync(AppDbContext db, int proposalId, CancellationToken ct = default) =>
        db.ProposalRevisions.AsNoTracking().Where(r => r.ProposalId == proposalId).OrderBy(r => r.Number).ToListAsync(ct);

    /// <summary>The fields that differ from <paramref name="before"/> to <paramref name="after"/>, in the order of the form.</summary>
    public static List<RevisionChange> Changes(ProposalRevision before, ProposalRevision after)
    {
        var old = before.Fields.ToDictionary(f => f.Key);
        return [.. after.Fields.Where(f => (old.GetValueOrDefault(f.Key)?.Value ?? "") != (f.Value ?? ""))
            .Select(f => new RevisionChange(f.Key, f.Label, old.GetValueOrDefault(f.Key)?.Value, f.Value))];
    }
}
