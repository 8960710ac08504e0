using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tenancy;

namespace Sinergi.Features.Proposals;

/// <summary>An agreement in force or an open proposal that a proposal may duplicate (tumpang tindih), with where a person reads it.</summary>
public sealed record Overlap(string Kind, int Id, string Title, string? Number, string Opds, string Url, string Why);

/// <summary>
/// The overlap check (tumpang tindih): the region's agreements in force and open proposals, in any
/// OPD, with a partner of this proposal and a shared urusan or a scope in the same words. Creating
/// and changing a proposal both run it; the proposer may go on only with a written reason, which
/// the TKKSD reads on the proposal.
/// </summary>
public static class ProposalOverlap
{
    public const string AgreementKind = "agreement";
    public const string ProposalKind = "proposal";

    // Words that say nothing about what a cooperation is about; two scopes overlap when they share two other words.
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "dan", "atau", "yang", "untuk", "dengan", "dalam", "pada", "dari", "oleh", "serta", "bagi", "kerja", "sama", "kerjasama", "antara",
        "pemerintah", "daerah", "kota", "kabupaten", "provinsi", "program", "kegiatan", "bidang", "peningkatan", "pengembangan", "pelaksanaan",
    };

    /// <summary>The overlaps for this draft; <paramref name="exceptProposalId"/> is the proposal itself when it is being changed.</summary>
    public static async Task<List<Overlap>> FindAsync(AppDbContext db, string regionCode, ProposalDraft draft, int? exceptProposalId, DateOnly today, CancellationToken ct = default)
    {
        var partners = draft.PartnerIds.Distinct().ToList();
        var parent = draft.ParentAgreementId;
        if (parent is int kb)
            partners.AddRange(await db.Agreements.IgnoreQueryFilters().Where(a => a.Id == kb).SelectMany(a => a.Partners.Select(p => p.Id)).ToListAsync(ct));
        if (partners.Count == 0)
            return [];
        var urusan = draft.UrusanCodes.ToHashSet(StringComparer.Ordinal);
        var words = Words(draft.Scope);
        var found = new List<Overlap>();

        // Both lookups start from the partners' links (indexed by partner), not from every agreement or
        // proposal of the region: a partner has tens of agreements, a big region thousands. The ids go
        // as one parameter (EF.Parameter), so the SQL is the same for every count and stays cached.
        // Split queries: on SQLite a single query would read the whole urusan and OPD link tables.
        // A PKS drawn from its own KB continues it rather than duplicating it.
        var agreementIds = await Linked(db, "AgreementPartner", "AgreementId", partners, ct);
        var agreements = await db.Agreements.IgnoreQueryFilters().AsNoTracking()
            .Where(a => EF.Parameter(agreementIds).Contains(a.Id) && a.RegionCode == regionCode && a.Id != parent).WhereInForce(today)
            .Select(a => new { a.Id, a.Title, a.Number, a.Scope, Urusan = a.Urusan.Select(u => u.Code).ToList(), Opds = a.Opds.Select(o => o.Name).ToList() })
            .OrderBy(x => x.Id).Take(200).AsSplitQuery().ToListAsync(ct);
        foreach (var a in agreements)
            if (Why(urusan, words, a.Urusan, a.Scope) is { } why)
                found.Add(new(AgreementKind, a.Id, a.Title, a.Number, string.Join(", ", a.Opds), $"/Agreements/Details/{a.Id}", why));

        var proposalIds = await Linked(db, "ProposalPartner", "ProposalId", partners, ct);
        var proposals = await db.Proposals.IgnoreQueryFilters().AsNoTracking()
            .Where(p => EF.Parameter(proposalIds).Contains(p.Id) && p.RegionCode == regionCode && p.State == ProposalState.Berjalan && p.Id != exceptProposalId)
            .Select(p => new { p.Id, p.Title, p.Year, p.Sequence, p.Scope, Urusan = p.Urusan.Select(u => u.Code).ToList(), Opd = p.Opd!.Name })
            .OrderBy(x => x.Id).Take(200).AsSplitQuery().ToListAsync(ct);
        foreach (var p in proposals)
            if (Why(urusan, words, p.Urusan, p.Scope) is { } why)
                found.Add(new(ProposalKind, p.Id, p.Title, Proposal.FormatNumber(p.Year, p.Sequence), p.Opd, $"/Proposals/Details/{p.Id}", why));
        return found;
    }

    /// <summary>
    /// <see cref="ForAsync(AppDbContext, Proposal, DateOnly, CancellationToken)"/> kept in the
    /// <see cref="RegistryCache"/> under the region's registry version and the day: saving an
    /// agreement, a proposal or a proposal's partners or urusan raises it. The list is shared: do not change it.
    /// </summary>
    public static async Task<List<Overlap>> ForAsync(AppDbContext db, RegionScope scope, RegistryCache cache, Proposal proposal, DateOnly today, CancellationToken ct = default)
    {
        if (scope.RegionCode != proposal.RegionCode)
            return await ForAsync(db, proposal, today, ct);
        var version = await RegistryVersions.OfAsync(db, proposal.RegionCode, null, ct);
        return await cache.GetOrReadAsync(new Key(proposal.RegionCode, version, proposal.Id, today), () => ForAsync(db, proposal, today, ct));
    }

    private sealed record Key(string Region, long Version, int ProposalId, DateOnly Today);

    /// <summary>What a saved, running proposal overlaps now: shown on its page, to the TKKSD beside the proposer's reason.</summary>
    public static Task<List<Overlap>> ForAsync(AppDbContext db, Proposal proposal, DateOnly today, CancellationToken ct = default) =>
        FindAsync(db, proposal.RegionCode, new ProposalDraft(proposal.Kind, proposal.Title, null, null, proposal.Scope, proposal.OpdId,
            [.. proposal.Urusan.Select(u => u.Code)], [.. proposal.Partners.Select(p => p.Id)], null, null, null, proposal.FundedInApbd, proposal.BurdensPublic,
            ParentAgreementId: proposal.ParentAgreementId), proposal.Id, today, ct);

    /// <summary>The problem to put on the reason field when there are overlaps and no reason is written; null when the proposer may go on.</summary>
    public static string? Problem(IReadOnlyList<Overlap> overlaps, string? reason) =>
        overlaps.Count == 0 || Web.Text.CleanLines(reason) is not null ? null
            : $"Usulan ini tumpang tindih dengan {overlaps.Count} kerja sama atau usulan lain dengan mitra yang sama ({string.Join("; ", overlaps.Take(5).Select(o => o.Number ?? o.Title))}). Tuliskan alasan untuk tetap melanjutkan.";

    /// <summary>The ids on the other side of a partner link table (<c>AgreementPartner</c>, <c>ProposalPartner</c>) for these partners.</summary>
    private static Task<List<int>> Linked(AppDbContext db, string linkTable, string idColumn, List<int> partners, CancellationToken ct) =>
        db.Set<Dictionary<string, object>>(linkTable).Where(l => partners.Contains(EF.Property<int>(l, "PartnerId")))
            .Select(l => EF.Property<int>(l, idColumn)).Distinct().ToListAsync(ct);

    private static string? Why(HashSet<string> urusan, HashSet<string> words, List<string> otherUrusan, string? otherScope)
    {
        var shared = otherUrusan.Where(urusan.Contains).ToList();
        if (shared.Count > 0)
            return $"mitra dan urusan {string.Join(", ", shared)} sama";
        var common = Words(otherScope).Intersect(words).ToList();
        return common.Count >= 2 ? $"mitra sama dan ruang lingkup serupa ({string.Join(", ", common.Take(4))})" : null;
    }

    private static HashSet<string> Words(string? text) =>
        text is null ? [] : text.ToLower(CultureInfo.InvariantCulture)
            .Split((char[])[' ', '\n', '\r', '\t', ',', '.', ';', ':', '(', ')', '/', '-', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 4 && !Common.Contains(w)).ToHashSet(StringComparer.Ordinal);
}
