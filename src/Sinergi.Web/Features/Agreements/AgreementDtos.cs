using Sinergi.Audit;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;

namespace Sinergi.Features.Agreements;

/// <summary>An agreement in a list: <c>status</c> is the derived status (<c>akan-berakhir</c>, ...).</summary>
public sealed record AgreementSummaryDto(
    int Id, string RegionCode, string? Number, string Title, AgreementKind Kind, AgreementDocumentType DocumentType,
    DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, string Status, IReadOnlyList<string> Partners, IReadOnlyList<string> Opds);

public sealed record AgreementListDto(IReadOnlyList<AgreementSummaryDto> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<string, int> Counts);

public sealed record PartyDto(int Id, string Name, PartnerType Type, string? RegionCode);

/// <param name="TextState">pending, done, partial or unreadable: where reading the text for search stands.</param>
/// <param name="TextNote">For a partial text, the limit it went past.</param>
public sealed record DocumentVersionDto(int Id, int Number, string FileName, string ContentType, long Size, string Sha256, DateTime UploadedAt, string UploadedBy, string Download,
    string TextState, string? TextNote);

public sealed record DocumentDto(int Id, string Title, IReadOnlyList<DocumentVersionDto> Versions);

/// <summary>One agreement with everything the registry knows about it.</summary>
public sealed record AgreementDto(
    int Id, string RegionCode, AgreementKind Kind, AgreementDocumentType DocumentType, string? Number, string? PartnerNumber,
    string Title, string? Scope, IReadOnlyList<string> Urusan, IReadOnlyList<OpdsApi.UrusanDto> UrusanNames,
    IReadOnlyList<int> OpdIds, IReadOnlyList<string> Opds, IReadOnlyList<PartyDto> Partners,
    DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, int? DurationMonths, decimal? Value, FundingSource? Funding,
    bool DprdApprovalRequired, DateOnly? DprdApprovedOn, string? DprdApprovalNumber,
    int? ParentId, IReadOnlyList<int> ChildIds, int? ExtendsId, IReadOnlyList<int> ExtendedByIds,
    AgreementLifecycle Lifecycle, string Status, DateOnly? TerminatedOn, string? TerminationReason,
    IReadOnlyList<DocumentDto> Documents, int Version, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>
/// What a program sends to record or change an agreement. Give <c>endsOn</c> or a duration
/// (<c>durationYears</c>, <c>durationMonths</c>), not both. <c>draft: true</c> keeps an unsigned draft.
/// </summary>
public sealed record AgreementInputDto(
    AgreementKind? Kind, AgreementDocumentType? DocumentType, string? Number, string? PartnerNumber, string? Title, string? Scope,
    IReadOnlyList<string>? Urusan, IReadOnlyList<int>? OpdIds, IReadOnlyList<int>? PartnerIds,
    DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, int? DurationYears, int? DurationMonths,
    decimal? Value, FundingSource? Funding, bool DprdApprovalRequired, DateOnly? DprdApprovedOn, string? DprdApprovalNumber,
    int? ParentId, int? ExtendsId, bool Draft)
{
    public AgreementDraft ToDraft() => new AgreementDraft
    {
        Kind = Kind, DocumentType = DocumentType, Number = Number, PartnerNumber = PartnerNumber, Title = Title, Scope = Scope,
        UrusanCodes = Urusan ?? [], OpdIds = OpdIds ?? [], PartnerIds = PartnerIds ?? [],
        SignedOn = SignedOn, StartsOn = StartsOn, EndsOn = EndsOn, DurationYears = DurationYears, DurationMonths = DurationMonths,
        Value = Value, Funding = Funding, DprdApprovalRequired = DprdApprovalRequired, DprdApprovedOn = DprdApprovedOn,
        DprdApprovalNumber = DprdApprovalNumber, ParentId = ParentId, AsDraft = Draft,
    }.Normalized();
}

public sealed record TerminationDto(DateOnly? TerminatedOn, string? Reason);

public sealed record HistoryEntryDto(DateTime At, string Action, string User, IReadOnlyList<AuditChange> Changes);
