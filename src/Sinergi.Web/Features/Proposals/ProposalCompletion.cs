using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Documents;

namespace Sinergi.Features.Proposals;

/// <summary>
/// The last stage's move: the proposal becomes an agreement in the registry with its partners,
/// OPD, urusan, dates and documents (the same stored files, by SHA-256), and each names the other.
/// A KSDD/KSDPK proposal that did not start from a KB brings the KB it signed on the way too.
/// </summary>
public static class ProposalCompletion
{
    public static async Task IntoRegistryAsync(AppDbContext db, Proposal proposal, SopVersion sop, DateOnly today, Actor actor, CancellationToken ct)
    {
        var full = await db.Proposals.IgnoreQueryFilters().Include(p => p.Partners).Include(p => p.Urusan).Include(p => p.Opd)
            .SingleAsync(p => p.Id == proposal.Id, ct);
        var documents = await db.ProposalDocuments.Where(d => d.ProposalId == proposal.Id && d.RejectedAt == null).OrderBy(d => d.Type).ThenByDescending(d => d.Number).ToListAsync(ct);
        var latest = documents.GroupBy(d => d.Type).Select(g => g.First()).ToList();
        Agreement? parent = proposal.ParentAgreementId is int kbId ? await db.Agreements.IgnoreQueryFilters().SingleAsync(a => a.Id == kbId, ct) : null;
        if (parent is null && sop.Stages.Any(s => s.Documents.Contains(ProposalDocumentTypes.KbBertandatangan)))
        {
            parent = Make(full, AgreementDocumentType.KesepakatanBersama, proposal.KbSignedOn ?? today, null);
            Attach(parent, latest.Where(d => d.Type is ProposalDocumentTypes.KbBertandatangan or ProposalDocumentTypes.Kak or ProposalDocumentTypes.StudiKelayakan));
            db.Agreements.Add(parent);
            await AgreementHistory.SaveAsync(db, parent, AuditActions.Created, [new AuditChange("Berasal dari usulan", null, proposal.Number)], actor, ct: ct);
            proposal.KbAgreementId = parent.Id;
        }
        var type = proposal.Kind == AgreementKind.Sinergi ? AgreementDocumentType.NotaKesepakatan : AgreementDocumentType.PerjanjianKerjaSama;
        var agreement = Make(full, type, proposal.SignedOn ?? today, parent);
        Attach(agreement, latest);
        db.Agreements.Add(agreement);
        await AgreementHistory.SaveAsync(db, agreement, AuditActions.Created, [new AuditChange("Berasal dari usulan", null, proposal.Number)], actor, ct: ct);
        proposal.AgreementId = agreement.Id;
    }

    private static Agreement Make(Proposal p, AgreementDocumentType type, DateOnly signedOn, Agreement? parent)
    {
        var agreement = new Agreement
        {
            RegionCode = p.RegionCode, Kind = p.Kind, DocumentType = type, Title = p.Title, Scope = p.Scope,
            SignedOn = signedOn, StartsOn = signedOn, DurationMonths = p.DurationMonths,
            EndsOn = p.DurationMonths is int months ? signedOn.AddMonths(months).AddDays(-1) : null,
            Funding = p.FundedInApbd ? FundingSource.Apbd : null, DprdApprovalRequired = p.DprdRequired,
            Lifecycle = AgreementLifecycle.Aktif, ParentId = parent?.Id, Parent = parent,
            Urusan = [.. p.Urusan], Opds = p.Opd is null ? [] : [p.Opd], Partners = [.. p.Partners],
        };
        agreement.ShareWithPartnerRegions();
        return agreement;
    }

    private static void Attach(Agreement agreement, IEnumerable<ProposalDocument> documents)
    {
        foreach (var d in documents)
            agreement.Documents.Add(new AgreementDocument
            {
                Title = ProposalDocumentTypes.Label(d.Type),
                Versions = [new DocumentVersion
                {
                    Number = 1, FileName = d.FileName, ContentType = d.ContentType, Size = d.Size, Sha256 = d.Sha256,
                    TextState = d.ContentType.StartsWith("image/", StringComparison.Ordinal) ? DocumentTextState.Done : DocumentTextState.Pending,
                    UploadedAt = d.UploadedAt, UploadedById = d.UploadedById, UploadedByName = d.UploadedByName,
                }],
            });
    }
}
