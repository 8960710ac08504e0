using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Agreements.Documents;

/// <summary>
/// An agreement's documents and versions as pages and answers list them: everything but the
/// extracted text, which can be a million characters a version and is needed by search alone.
/// Its callers have already checked that the agreement may be read (<see cref="AgreementAccess"/>),
/// and load the agreement itself past the region filter: so does this, because the filter joins
/// every agreement the region can see and made one agreement's page a scan of the registry.
/// </summary>
public static class DocumentListing
{
    public static Task<List<AgreementDocument>> OfAsync(AppDbContext db, int agreementId, CancellationToken ct = default) =>
        db.AgreementDocuments.IgnoreQueryFilters().AsNoTracking().Where(d => d.AgreementId == agreementId)
            .Select(d => new AgreementDocument
            {
                Id = d.Id,
                AgreementId = d.AgreementId,
                Title = d.Title,
                Versions = d.Versions.Select(v => new DocumentVersion
                {
                    Id = v.Id,
                    DocumentId = v.DocumentId,
                    Number = v.Number,
                    FileName = v.FileName,
                    ContentType = v.ContentType,
                    Size = v.Size,
                    Sha256 = v.Sha256,
                    TextState = v.TextState,
                    TextNote = v.TextNote,
                    UploadedAt = v.UploadedAt,
                    UploadedById = v.UploadedById,
                    UploadedByName = v.UploadedByName,
                }).ToList(),
            })
            .ToListAsync(ct);
}
