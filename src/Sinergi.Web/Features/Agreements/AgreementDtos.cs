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

/// <summary>
/// One agreement with everything the registry knows about it. Its writable fields have the names
/// and meanings <see cref="AgreementInputDto"/> reads, so this body can be sent back with PUT as it
/// is: <c>partnerIds</c> (and <c>partners</c>), <c>urusan</c> codes, <c>opdIds</c>, <c>durationMonths</c>
/// (the whole duration in months), <c>draft</c>. Fields only the registry sets (status, history,
/// documents, <c>version</c>) are ignored by PUT.
/// </summary>
public sealed record AgreementDto(
    int Id, string RegionCode, AgreementKind Kind, AgreementDocumentType DocumentType, string? Number, string? PartnerNumber,
    string Title, string? Scope, IReadOnlyList<string> Urusan, IReadOnlyList<OpdsApi.UrusanDto> UrusanNames,
    IReadOnlyList<int> OpdIds, IReadOnlyList<string> Opds, IReadOnlyList<int> PartnerIds, IReadOnlyList<PartyDto> Partners,
    DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, int? DurationMonths, decimal? Value, FundingSource? Funding,
    bool DprdApprovalRequired, DateOnly? DprdApprovedOn, string? DprdApprovalNumber,
    int? ParentId, IReadOnlyList<int> ChildIds, int? ExtendsId, IReadOnlyList<int> ExtendedByIds,
    bool Draft, AgreementLifecycle Lifecycle, string Status, DateOnly? TerminatedOn, string? TerminationReason,
    IReadOnlyList<DocumentDto> Documents, int Version, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>A partner named by its id; the <c>partners</c> of a GET, whose other fields are ignored on the way in.</summary>
public sealed record PartnerRef(int Id);

/// <summary>
/// What a program sends to record or change an agreement: the shape GET answers (send it back
/// unchanged and nothing changes). Partners go as <c>partnerIds</c> or as <c>partners</c> objects
/// with an <c>id</c>; both may be sent when they agree. Give <c>endsOn</c>, a duration, or both when
/// they agree: <c>durationMonths</c> alone is the whole duration in months (30), with
/// <c>durationYears</c> it is the months beyond the years (2 and 6). <c>draft: true</c> keeps an
/// unsigned draft.
/// </summary>
public sealed record AgreementInputDto(
    AgreementKind? Kind, AgreementDocumentType? DocumentType, string? Number, string? PartnerNumber, string? Title, string? Scope,
    IReadOnlyList<string>? Urusan, IReadOnlyList<int>? OpdIds, IReadOnlyList<int>? PartnerIds, IReadOnlyList<PartnerRef>? Partners,
    DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, int? DurationYears, int? DurationMonths,
    decimal? Value, FundingSource? Funding, bool DprdApprovalRequired, DateOnly? DprdApprovedOn, string? DprdApprovalNumber,
    int? ParentId, int? ExtendsId, bool Draft)
{
    public const string PartnersDisagree =
        "partnerIds dan partners menyebut mitra yang berbeda; kirim salah satu saja (partners dari GET boleh dikirim kembali apa adanya).";

    /// <summary>The partners the body names, whichever list it used; null when the two lists disagree.</summary>
    private IReadOnlyList<int>? PartnerIdsNamed()
    {
        var fromObjects = Partners?.Select(p => p.Id).Distinct().Order().ToList();
        var fromIds = PartnerIds?.Distinct().Order().ToList();
        return fromIds is not null && fromObjects is not null && !fromIds.SequenceEqual(fromObjects) ? null : fromIds ?? fromObjects ?? [];
    }

    /// <summary>What is wrong with the body's shape itself, before any rule: keyed by the JSON field name.</summary>
    public Dictionary<string, string[]> ShapeProblems() =>
        PartnerIdsNamed() is null ? new() { ["partnerIds"] = [PartnersDisagree] } : [];

    public AgreementDraft ToDraft()
    {
        // durationMonths alone is the whole duration, as GET writes it; the draft counts years and months.
        var (years, months) = DurationYears is null && DurationMonths is int total and > 11 ? (total / 12, total % 12) : (DurationYears, DurationMonths);
        return new AgreementDraft
        {
            Kind = Kind, DocumentType = DocumentType, Number = Number, PartnerNumber = PartnerNumber, Title = Title, Scope = Scope,
            UrusanCodes = Urusan ?? [], OpdIds = OpdIds ?? [], PartnerIds = PartnerIdsNamed() ?? [],
            SignedOn = SignedOn, StartsOn = StartsOn, EndsOn = EndsOn, DurationYears = years, DurationMonths = months,
            Value = Value, Funding = Funding, DprdApprovalRequired = DprdApprovalRequired, DprdApprovedOn = DprdApprovedOn,
            DprdApprovalNumber = DprdApprovalNumber, ParentId = ParentId, AsDraft = Draft,
        }.Normalized();
    }
}

public sealed record TerminationDto(DateOnly? TerminatedOn, string? Reason);

public sealed record HistoryEntryDto(DateTime At, string Action, string User, IReadOnlyList<AuditChange> Changes);
