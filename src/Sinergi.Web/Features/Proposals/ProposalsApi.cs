using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Proposals;

/// <summary>Proposals for programs: create, read (with the caller's allowed moves and what is missing), move, and the TKKSD's votes.</summary>
public static class ProposalsApi
{
    public sealed record ProposalBody(AgreementKind? Kind, string? Title, string? Background, string? Aims, string? Scope, int? OpdId,
        List<string>? Urusan, List<int>? PartnerIds, int? DurationMonths, string? Location, string? Benefits, bool FundedInApbd, bool BurdensPublic,
        bool FromOffer = false, string? OfferFrom = null, string? OfferLetterNumber = null, int? ParentAgreementId = null,
        string? OverlapReason = null);

    public sealed record TransitionBody(string? To, string? Reason, int? Version, DateOnly? SignedOn = null);

    public sealed record SigningBody(SigningMode? Mode, DateOnly? Date, string? Time, string? Place, string? Agenda, string? Reason);

    public sealed record ScheduleDto(int Id, string Stage, string StageName, SigningMode Mode, string ModeLabel, DateOnly Date, string? Time, string? Place, string? Agenda,
        string? Reason, DateTime At, string By);

    public sealed record SigningDto(string Stage, bool SigningStage, bool CanSchedule, ScheduleDto? Current, List<ScheduleDto> History, DateOnly? KbSignedOn, DateOnly? SignedOn);

    public sealed record VoteBody(Dictionary<string, int>? Scores, string? Opinion);

    public sealed record StageDto(string Code, string Name, DateOnly? Since, DateOnly? DueOn, bool Overdue);

    public sealed record TransitionDto(string To, string Name, MoveKind Kind, string Label, bool ReasonRequired, bool Blocked);

    public sealed record ProposalDto(int Id, string Number, AgreementKind Kind, string Title, string? Background, string? Aims, string? Scope, int OpdId,
        List<string> Urusan, List<int> PartnerIds, int? DurationMonths, string? Location, string? Benefits, bool FundedInApbd, bool BurdensPublic,
        bool DprdRequired, ProposalState State, StageDto Stage, int SopVersion, List<TransitionDto> AllowedTransitions, List<Requirement> MissingRequirements,
        string? TrackingCode, int? ParentAgreementId, int? AgreementId, int Version, string? OverlapReason = null, List<Overlap>? Overlaps = null);

    /// <summary>A vote; <c>Position</c> is the member's TKKSD position on the day of the vote (from the register's history), or the role recorded with it.</summary>
    public sealed record VoteDto(int Id, string Member, string Role, DateTime At, decimal Score, string Opinion, List<VoteScore> Scores, string? Position = null);

    public sealed record MessageBody(string? DocumentType, string? Body);

    public sealed record MessageDto(int Id, string? DocumentType, string Thread, string Body, string Author, DateTime At, string? FileName, string? AttachmentUrl);

    public sealed record VotesDto(int Round, int Votes, int Members, int Needed, bool QuorumReached, List<VoteDto> Items);

    public static RouteGroupBuilder MapProposalsApi(this RouteGroupBuilder api)
    {
        var proposals = api.MapGroup("/proposals").WithTags("Usulan").RequireAuthorization(Policies.ApiReadRegistry);
        proposals.MapGet("/", ListAsync).WithSummary("Usulan daerah (Operator OPD: OPD-nya saja); filter stage, opd, kind, overdue");
        proposals.MapPost("/", CreateAsync).WithSummary("Buat usulan (Admin Kerja Sama, atau Operator OPD untuk OPD-nya)");
        proposals.MapGet("/{id:int}", GetAsync).WithSummary("Usulan dengan tahap, allowedTransitions untuk pemanggil, dan missingRequirements");
        proposals.MapPost("/{id:int}/transitions", MoveAsync).WithSummary("Pindahkan usulan bila SOP mengizinkan; version atau If-Match mencegah dua perpindahan sekaligus");
        proposals.MapGet("/{id:int}/signing", SigningAsync).WithSummary("Jadwal penandatanganan tahap berjalan, riwayat penjadwalan, dan tanggal penandatanganan KB/PKS yang tercatat");
        proposals.MapPut("/{id:int}/signing", ScheduleAsync).WithSummary("Jadwalkan (atau jadwalkan ulang, dengan reason) penandatanganan pada tahap penandatanganan: mode DeskToDesk, Seremonial, Hybrid");
        proposals.MapGet("/{id:int}/votes", VotesAsync).WithSummary("Penilaian TKKSD putaran berjalan dan kuorum");
        proposals.MapPost("/{id:int}/votes", VoteAsync).WithSummary("Penilaian seorang anggota TKKSD (satu kali per putaran)");
        proposals.MapGet("/{id:int}/revisions", RevisionsAsync).WithSummary("Versi isian usulan setiap kali diajukan (lagi), dengan perubahan terhadap versi sebelumnya per isian");
        proposals.MapGet("/{id:int}/thread", ThreadAsync).WithSummary("Diskusi usulan dan diskusi per dokumen (documentType), urut waktu");
        proposals.MapPost("/{id:int}/thread", PostMessageAsync).WithSummary("Kirim pesan ke diskusi usulan, atau ke diskusi satu dokumen dengan documentType; lampiran melalui halaman usulan");
        return api;
    }

    public sealed record RevisionDto(int Number, int Round, DateTime At, string By, List<RevisionField> Fields, List<RevisionChange> Changes);

    private static async Task<Results<Ok<List<RevisionDto>>, ProblemHttpResult>> RevisionsAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (await Proposals.LoadAsync(db, id, ct) is not { } proposal || !ProposalCaller.Of(user, scope).CanRead(proposal))
            return ApiResults.NotFound("Usulan");
        var revisions = await ProposalRevisions.ListAsync(db, id, ct);
        return TypedResults.Ok(revisions.Select((r, i) => new RevisionDto(r.Number, r.Round, r.At, r.ByName, r.Fields,
            i == 0 ? [] : ProposalRevisions.Changes(revisions[i - 1], r))).ToList());
    }

    private static async Task<Results<Ok<List<MessageDto>>, ProblemHttpResult>> ThreadAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (await Proposals.LoadAsync(db, id, ct) is not { } proposal || !ProposalCaller.Of(user, scope).CanRead(proposal))
            return ApiResults.NotFound("Usulan");
        return TypedResults.Ok((await ProposalThread.ListAsync(db, id, ct)).Select(Dto).ToList());
    }

    private static async Task<Results<Created<MessageDto>, ValidationProblem, ProblemHttpResult>> PostMessageAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        Infrastructure.Files.FileStore files, int id, MessageBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await Proposals.LoadAsync(db, id, ct) is not { } proposal || !caller.CanRead(proposal))
            return ApiResults.NotFound("Usulan");
        var (message, problems) = await ProposalThread.PostAsync(db, files, caller, proposal, body.DocumentType, body.Body, null, null, 0, ct);
        if (message is null)
            return ApiResults.Invalid(ApiResults.CamelCase(problems));
        return TypedResults.Created($"/api/v1/proposals/{id}/thread", Dto(message));
    }

    private static MessageDto Dto(ProposalMessage m) =>
        new(m.Id, m.DocumentType, ProposalThread.ThreadName(m.DocumentType), m.Body, m.AuthorName, m.At, m.FileName, m.FileName is null ? null : $"/Proposals/Attachment/{m.Id}");

    private static async Task<Ok<List<ProposalQueries.Row>>> ListAsync(AppDbContext db, RegionScope scope, Agreements.Registry.RegistryCache cache,
        ClaimsPrincipal user, TimeProvider clock, string? stage, int? opd, AgreementKind? kind, bool overdue = false, CancellationToken ct = default) =>
        TypedResults.Ok(await ProposalQueries.ListAsync(db, scope, cache, ProposalCaller.Of(user, scope), new(stage, opd, kind, overdue), RegionClock.Today(clock, scope.RegionCode), ct: ct));

    private static async Task<Results<Created<ProposalDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(AppDbContext db, RegionScope scope, Agreements.Registry.RegistryCache cache, ClaimsPrincipal user,
        TimeProvider clock, ProposalNotifier notifier, ProposalBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (!caller.CanCreate)
            return ApiResults.Forbidden("Usulan dibuat oleh Admin Kerja Sama atau Operator OPD daerah.");
        var draft = new ProposalDraft(body.Kind, body.Title, body.Background, body.Aims, body.Scope, body.OpdId, body.Urusan ?? [], body.PartnerIds ?? [],
            body.DurationMonths, body.Location, body.Benefits, body.FundedInApbd, body.BurdensPublic, body.FromOffer, body.OfferFrom, body.OfferLetterNumber, body.ParentAgreementId, body.OverlapReason);
        var (created, problems) = await Proposals.CreateAsync(db, caller, draft, clock, notifier, ct);
        // Tumpang tindih: the caller reads what it overlaps and may send it again with an overlapReason.
        if (created is null && problems.ContainsKey(nameof(ProposalDraft.OverlapReason)))
            return TypedResults.ValidationProblem(ApiResults.CamelCase(problems), title: "Usulan tumpang tindih", detail: problems[nameof(ProposalDraft.OverlapReason)][0],
                extensions: new Dictionary<string, object?> { ["overlaps"] = await ProposalOverlap.FindAsync(db, caller.RegionCode!, draft, null, RegionClock.Today(clock, caller.RegionCode), ct) });
        if (created is null)
            return ApiResults.Invalid(ApiResults.CamelCase(problems.ToDictionary(p => p.Key == nameof(ProposalDraft.UrusanCodes) ? "Urusan" : p.Key, p => p.Value)));
        var proposal = (await Proposals.LoadAsync(db, created.Id, ct))!;
        return TypedResults.Created($"/api/v1/proposals/{created.Id}", await DtoAsync(db, scope, cache, caller, proposal, clock, ct));
    }

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> GetAsync(AppDbContext db, RegionScope scope, Agreements.Registry.RegistryCache cache, ClaimsPrincipal user, TimeProvider clock,
        HttpResponse response, int id, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await Proposals.LoadAsync(db, id, ct) is not { } proposal || !caller.CanRead(proposal))
            return ApiResults.NotFound("Usulan");
        response.Headers.ETag = ApiResults.ETag(proposal.Version);
        return TypedResults.Ok(await DtoAsync(db, scope, cache, caller, proposal, clock, ct));
    }

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> MoveAsync(AppDbContext db, RegionScope scope, Agreements.Registry.RegistryCache cache, ClaimsPrincipal user, TimeProvider clock,
        ProposalNotifier notifier, HttpRequest request, int id, TransitionBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await Proposals.LoadAsync(db, id, ct) is not { } proposal || !caller.CanRead(proposal))
            return ApiResults.NotFound("Usulan");
        if (ApiResults.IfMatchProblem(request, proposal.Version, "Usulan", required: false) is { } stale)
            return stale;
        var outcome = await ProposalWorkflow.MoveAsync(db, caller, proposal, body.To, body.Reason, body.Version, clock, notifier, ct, body.SignedOn);
        if (!outcome.Moved)
        {
            var stage = proposal.Sop!.Stage(proposal.Stage);
            if (outcome.NotAllowed && stage is not null && !caller.ActsIn(proposal, stage))
                return ApiResults.Forbidden(outcome.Error!);
            return TypedResults.Problem(title: outcome.Conflict ? "Usulan sudah berubah" : "Perpindahan tidak dapat dilakukan", detail: outcome.Error,
                statusCode: outcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["missingRequirements"] = outcome.Missing });
        }
        return TypedResults.Ok(await DtoAsync(db, scope, cache, caller, (await Proposals.LoadAsync(db, id, ct))!, clock, ct));
    }

    private static async Task<Results<Ok<SigningDto>, ProblemHttpResult>> SigningAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await Proposals.LoadAsync(db, id, ct) is not { } proposal || !caller.CanRead(proposal))
            return ApiResults.NotFound("Usulan");
        return TypedResults.Ok(await SigningDtoAsync(db, caller, proposal, ct));
    }

    private static async Task<Results<Ok<SigningDto>, ValidationProblem, ProblemHttpResult>> ScheduleAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, ProposalNotifier notifier, int id, SigningBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await Proposals.LoadAsync(db, id, ct) is not { } proposal || !caller.CanRead(proposal))
            return ApiResults.NotFound("Usulan");
        var hadOne = ProposalSigning.IsSigningStage(proposal.Sop!.Stage(proposal.Stage)) && await ProposalSigning.CurrentAsync(db, id, proposal.Stage, ct) is not null;
        var (saved, problems, forbidden) = await ProposalSigning.ScheduleAsync(db, caller, proposal, new SigningRequest(body.Mode, body.Date, body.Time, body.Place, body.Agenda, body.Reason), clock, ct);
        if (forbidden)
            return ApiResults.Forbidden(problems["Stage"][0]);
        if (saved is null)
            return problems.ContainsKey("Stage")
                ? TypedResults.Problem(title: "Penandatanganan tidak dapat dijadwalkan", detail: problems["Stage"][0], statusCode: StatusCodes.Status422UnprocessableEntity)
                : ApiResults.Invalid(ApiResults.CamelCase(problems));
        await notifier.SigningScheduledAsync(proposal, saved, hadOne, ct);
        return TypedResults.Ok(await SigningDtoAsync(db, caller, proposal, ct));
    }

    private static async Task<SigningDto> SigningDtoAsync(AppDbContext db, ProposalCaller caller, Proposal proposal, CancellationToken ct)
    {
        var sop = proposal.Sop!;
        var stage = sop.Stage(proposal.Stage);
        var history = await ProposalSigning.HistoryAsync(db, proposal.Id, ct);
        ScheduleDto Dto(ProposalSigningSchedule s) => new(s.Id, s.Stage, SopVersion.StageName(sop, s.Stage), s.Mode, ProposalSigning.ModeLabel(s.Mode), s.Date,
            s.Time?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), s.Place, s.Agenda, s.Reason, s.At, s.ByName);
        var signing = ProposalSigning.IsSigningStage(stage);
        var current = signing ? history.FirstOrDefault(s => s.Stage == proposal.Stage) : null;
        return new SigningDto(proposal.Stage, signing, signing && caller.ActsIn(proposal, stage!), current is null ? null : Dto(current), [.. history.Select(Dto)],
            proposal.KbSignedOn, proposal.SignedOn);
    }

    private static async Task<Results<Ok<VotesDto>, ProblemHttpResult>> VotesAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await Proposals.LoadAsync(db, id, ct) is not { } proposal || !caller.CanRead(proposal))
            return ApiResults.NotFound("Usulan");
        return TypedResults.Ok(await VotesDtoAsync(db, proposal, ct));
    }

    private static async Task<Results<Ok<VotesDto>, ValidationProblem, ProblemHttpResult>> VoteAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id,
        VoteBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await Proposals.LoadAsync(db, id, ct) is not { } proposal || !caller.CanRead(proposal))
            return ApiResults.NotFound("Usulan");
        if (!caller.Is(Roles.Tkksd))
            return ApiResults.Forbidden("Hanya anggota TKKSD yang memberi penilaian.");
        var (vote, problems) = await ProposalVotes.CastAsync(db, caller, proposal, body.Scores ?? [], body.Opinion, ct);
        if (vote is null)
            return problems.ContainsKey("Vote")
                ? TypedResults.Problem(title: "Penilaian tidak dapat dicatat", detail: problems["Vote"][0], statusCode: StatusCodes.Status409Conflict)
                : ApiResults.Invalid(ApiResults.CamelCase(problems));
        return TypedResults.Ok(await VotesDtoAsync(db, proposal, ct));
    }

    private static async Task<VotesDto> VotesDtoAsync(AppDbContext db, Proposal proposal, CancellationToken ct)
    {
        var quorum = await ProposalVotes.QuorumAsync(db, proposal, ct);
        var votes = await ProposalVotes.ListAsync(db, proposal.Id, proposal.Round, ct);
        var positions = await Tkksd.TkksdRegister.PositionHistoryAsync(db, proposal.RegionCode, votes.Select(v => v.UserId), ct);
        return new VotesDto(proposal.Round, quorum.Votes, quorum.Members, quorum.Needed, quorum.Reached,
            [.. votes.Select(v => new VoteDto(v.Id, v.UserName, v.RoleLabel, v.At, v.WeightedScore, v.Opinion, v.Scores, positions.Label(v.UserId, v.At, v.RoleLabel)))]);
    }

    private static async Task<ProposalDto> DtoAsync(AppDbContext db, RegionScope scope, Agreements.Registry.RegistryCache cache, ProposalCaller caller, Proposal p,
        TimeProvider clock, CancellationToken ct)
    {
        var sop = p.Sop!;
        var today = RegionClock.Today(clock, p.RegionCode);
        var facts = await ProposalWorkflow.FactsAsync(db, p, ct);
        var stage = sop.Stage(p.Stage);
        var running = p.State == ProposalState.Berjalan;
        return new ProposalDto(p.Id, p.Number, p.Kind, p.Title, p.Background, p.Aims, p.Scope, p.OpdId, [.. p.Urusan.Select(u => u.Code)], [.. p.Partners.Select(x => x.Id)],
            p.DurationMonths, p.Location, p.Benefits, p.FundedInApbd, p.BurdensPublic, p.DprdRequired, p.State,
            new StageDto(p.Stage, SopVersion.StageName(sop, p.Stage), running ? p.StageSince : null, running ? p.StageDueOn : null, p.IsOverdue(today)), sop.Number,
            [.. ProposalWorkflow.AllowedFor(caller, p, sop, facts).Select(m => new TransitionDto(m.To, m.ToName, m.Kind, m.Label, m.NeedsReason, m.Blocked))],
            stage is null ? [] : [.. ProposalWorkflow.Missing(p, stage, facts)],
            caller.Is(Roles.AdminKerjaSama) ? p.TrackingCode : null, p.ParentAgreementId, p.AgreementId, p.Version,
            p.OverlapReason, running ? await ProposalOverlap.ForAsync(db, scope, cache, p, today, ct) : []);
    }
}
