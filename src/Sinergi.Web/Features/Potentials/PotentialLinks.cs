using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;

namespace Sinergi.Features.Potentials;

/// <summary>A proposal started from a potential: the form prefilled from it, and the link kept in <see cref="PotentialProposal"/>.</summary>
public static class PotentialLinks
{
    public sealed record Prefill(string Title, string? Background, string UrusanCode, int OpdId, string? Location);

    /// <summary>The potential a caller may start a proposal from: of the caller's own region only.</summary>
    public static async Task<Potential?> StartingPointAsync(AppDbContext db, ProposalCaller caller, int potentialId, CancellationToken ct = default) =>
        caller.CanCreate ? await db.Potentials.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(p => p.Id == potentialId && p.RegionCode == caller.RegionCode, ct) : null;

    public static Prefill PrefillOf(Potential p) => new(p.Name,
        string.Join("\n", new[] { p.Description, p.Capacity is null ? null : $"Kapasitas: {p.Capacity}" }.OfType<string>()) is { Length: > 0 } text ? text : null,
        p.UrusanCode, p.OpdId, p.Kecamatan is { } k ? $"Kecamatan {k}" : p.Latitude is double lat && p.Longitude is double lng
            ? FormattableString.Invariant($"{lat:0.#####}, {lng:0.#####}") : null);

    /// <summary>Links a new proposal to the potential it started from, and marks the potential offered; nothing when the potential is not the caller's region's.</summary>
    public static async Task LinkAsync(AppDbContext db, ProposalCaller caller, int? potentialId, int proposalId, CancellationToken ct = default)
    {
        if (potentialId is not int id || await db.Potentials.IgnoreQueryFilters().SingleOrDefaultAsync(p => p.Id == id && p.RegionCode == caller.RegionCode, ct) is not { } potential)
            return;
        db.PotentialProposals.Add(new PotentialProposal { PotentialId = id, ProposalId = proposalId });
        if (potential.State is PotentialState.Teridentifikasi or PotentialState.Dikaji)
            potential.State = PotentialState.Ditawarkan;
        db.AuditEvents.Add(AuditTrail.Entry(db, potential.RegionCode, AuditEntities.Potential, id, "Usulan dibuat",
            [new AuditChange("Usulan", null, $"usulan nomor {proposalId} dibuat dari potensi ini")], caller.Actor));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The potential a proposal started from, for the proposal's page.</summary>
    public static async Task<(int Id, string Name)?> ForProposalAsync(AppDbContext db, int proposalId, CancellationToken ct = default)
    {
        var row = await db.PotentialProposals.AsNoTracking().Where(l => l.ProposalId == proposalId)
            .Join(db.Potentials.IgnoreQueryFilters(), l => l.PotentialId, p => p.Id, (l, p) => new { p.Id, p.Name }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.Id, row.Name);
    }
}
