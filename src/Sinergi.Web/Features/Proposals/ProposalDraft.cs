using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Web;

namespace Sinergi.Features.Proposals;

/// <summary>
/// What a person fills in for a proposal; the page and the API both send one. Problems are keyed
/// by its property names. The offer fields are the admin's, for an offer that came from outside.
/// </summary>
public sealed record ProposalDraft(
    AgreementKind? Kind, string? Title, string? Background, string? Aims, string? Scope, int? OpdId,
    IReadOnlyList<string> UrusanCodes, IReadOnlyList<int> PartnerIds, int? DurationMonths, string? Location, string? Benefits,
    bool FundedInApbd, bool BurdensPublic, bool FromOffer = false, string? OfferFrom = null, string? OfferLetterNumber = null,
    int? ParentAgreementId = null, string? OverlapReason = null)
{
    public async Task<Dictionary<string, string[]>> ProblemsAsync(AppDbContext db, ProposalCaller caller, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        void Too(string key, string? value, int max, string label)
        {
            if (value?.Length > max)
                problems[key] = [$"{label} paling panjang {max:N0} karakter.".Replace(",", ".", StringComparison.Ordinal)];
        }
        var parent = ParentAgreementId is int kb
            ? await db.Agreements.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == kb && a.RegionCode == caller.RegionCode, ct) : null;
        if (ParentAgreementId is not null && parent is not { DocumentType: AgreementDocumentType.KesepakatanBersama, Lifecycle: not AgreementLifecycle.Draf })
            problems[nameof(ParentAgreementId)] = ["Pilih Kesepakatan Bersama daerah ini yang sudah ditandatangani."];
        var kind = parent?.Kind ?? Kind;
        if (kind is null)
            problems[nameof(Kind)] = ["Pilih jenis kerja sama."];
        else if (!DefaultSops.Supports(kind.Value))
            problems[nameof(Kind)] = ["Usulan melalui TKKSD tersedia untuk KSDD, KSDPK dan Sinergi; kerja sama luar negeri belum dapat diusulkan di sini."];
        if (Text.Clean(Title) is null)
            problems[nameof(Title)] = ["Judul usulan wajib diisi."];
        Too(nameof(Title), Text.Clean(Title), 500, "Judul");
        Too(nameof(Background), Text.CleanLines(Background), 4000, "Latar belakang");
        Too(nameof(Aims), Text.CleanLines(Aims), 4000, "Maksud dan tujuan");
        Too(nameof(Scope), Text.CleanLines(Scope), 4000, "Ruang lingkup");
        Too(nameof(Benefits), Text.CleanLines(Benefits), 4000, "Manfaat yang diharapkan");
        Too(nameof(Location), Text.Clean(Location), 300, "Lokasi");
        Too(nameof(OfferFrom), Text.Clean(OfferFrom), 300, "Pengirim penawaran");
        Too(nameof(OfferLetterNumber), Text.Clean(OfferLetterNumber), 120, "Nomor surat penawaran");
        Too(nameof(OverlapReason), Text.CleanLines(OverlapReason), 2000, "Alasan");
        if (OpdId is not int opd || !await db.Opds.IgnoreQueryFilters().AnyAsync(o => o.Id == opd && o.RegionCode == caller.RegionCode, ct))
            problems[nameof(OpdId)] = ["Pilih OPD penanggung jawab dari daerah ini."];
        else if (!caller.Is(Accounts.Roles.AdminKerjaSama) && caller.OpdId != opd)
            problems[nameof(OpdId)] = ["Operator OPD hanya dapat mengusulkan untuk OPD-nya sendiri."];
        if (DurationMonths is < 1 or > 300)
            problems[nameof(DurationMonths)] = ["Rencana jangka waktu 1 sampai 300 bulan."];
        var urusan = UrusanCodes.Distinct().ToList();
        if (urusan.Count > 0 && await db.Urusan.CountAsync(u => urusan.Contains(u.Code), ct) != urusan.Count)
            problems[nameof(UrusanCodes)] = ["Ada urusan yang tidak dikenal."];
        var partners = PartnerIds.Distinct().ToList();
        if (partners.Count > 0 && await db.Partners.IgnoreQueryFilters().CountAsync(p => partners.Contains(p.Id) && p.RegionCode == caller.RegionCode, ct) != partners.Count)
            problems[nameof(PartnerIds)] = ["Ada mitra yang tidak ada di direktori mitra daerah ini."];
        if (partners.Count == 0 && parent is null && !FromOffer)
            problems[nameof(PartnerIds)] = ["Pilih paling sedikit satu mitra."];
        if (FromOffer && !caller.Is(Accounts.Roles.AdminKerjaSama))
            problems[nameof(FromOffer)] = ["Penawaran dari luar dicatat oleh Admin Kerja Sama."];
        if (FromOffer && Text.Clean(OfferFrom) is null)
            problems[nameof(OfferFrom)] = ["Tuliskan pengirim surat penawaran (perusahaan, perguruan tinggi atau daerah)."];
        return problems;
    }

    /// <summary>Copies the checked draft onto the proposal; a PKS from a KB takes the KB's kind, partners and (when left empty) its scope.</summary>
    public async Task ApplyToAsync(AppDbContext db, Proposal proposal, CancellationToken ct = default)
    {
        var parent = ParentAgreementId is int kb ? await db.Agreements.IgnoreQueryFilters().Include(a => a.Partners).SingleAsync(a => a.Id == kb, ct) : null;
        proposal.Kind = parent?.Kind ?? Kind!.Value;
        proposal.Title = Text.Clean(Title)!;
        proposal.Background = Text.CleanLines(Background);
        proposal.Aims = Text.CleanLines(Aims);
        proposal.Scope = Text.CleanLines(Scope) ?? parent?.Scope;
        proposal.OpdId = OpdId!.Value;
        proposal.DurationMonths = DurationMonths;
        proposal.Location = Text.Clean(Location);
        proposal.Benefits = Text.CleanLines(Benefits);
        proposal.FundedInApbd = FundedInApbd;
        proposal.BurdensPublic = BurdensPublic;
        proposal.ParentAgreementId = parent?.Id;
        proposal.OverlapReason = Text.CleanLines(OverlapReason);
        if (FromOffer)
            (proposal.FromOffer, proposal.OfferFrom, proposal.OfferLetterNumber) = (true, Text.Clean(OfferFrom), Text.Clean(OfferLetterNumber));
        var urusan = UrusanCodes.Distinct().ToList();
        proposal.Urusan.Clear();
        proposal.Urusan.AddRange(await db.Urusan.Where(u => urusan.Contains(u.Code)).ToListAsync(ct));
        var partnerIds = PartnerIds.Distinct().ToList();
        proposal.Partners.Clear();
        proposal.Partners.AddRange(parent is not null
            ? parent.Partners
            : await db.Partners.IgnoreQueryFilters().Where(p => partnerIds.Contains(p.Id)).ToListAsync(ct));
    }
}
