using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Tkksd;

/// <summary>The TKKSD's register, meetings and action items for programs; the same rules as the pages.</summary>
public static class TkksdApi
{
    public sealed record MemberBody(string? UserId, TkksdPosition Position, string? Office, DateOnly? StartsOn, int? DecreeId);
    public sealed record EndBody(DateOnly? EndsOn);
    public sealed record MemberDto(int Id, string UserId, string Name, TkksdPosition Position, string Office, DateOnly StartsOn, DateOnly? EndsOn, int Version);
    public sealed record MeetingBody(string? Title, DateOnly? HeldOn, string? Time, string? Place, List<int>? InvitedOpdIds, List<TkksdMeetings.AgendaPick>? Agenda);
    public sealed record AgendaDto(int Id, int Order, AgendaKind Kind, int? ProposalId, int? AgreementId, string? PeriodCode, int? ObstacleId, string Title);
    public sealed record MinutesDto(int Revision, string? Summary, Dictionary<int, string> Decisions, bool Approved, string? CorrectionReason, int Version);
    public sealed record MeetingDto(int Id, string Title, DateOnly HeldOn, string? Time, string Place, List<int> InvitedOpdIds, bool Invited, List<AgendaDto> Agenda,
        MinutesDto? Minutes, int Version);
    public sealed record MinutesBody(string? Summary, Dictionary<int, string?>? Decisions);
    public sealed record ActionBody(string? Description, string? OwnerId, DateOnly? DueOn, int? AgendaItemId);
    public sealed record StatusBody(ActionItemStatus Status);

    public static RouteGroupBuilder MapTkksdApi(this RouteGroupBuilder api)
    {
        var tkksd = api.MapGroup("/tkksd").WithTags("TKKSD").RequireAuthorization(Policies.ApiReadRegistry);
        tkksd.MapGet("/members", MembersAsync).WithSummary("Anggota TKKSD; ?on=tanggal untuk keanggotaan pada tanggal itu (bawaan: hari ini), ?all=true termasuk yang telah berakhir");
        tkksd.MapPost("/members", AddMemberAsync).WithSummary("Tambah anggota (Admin Kerja Sama); akun harus pengguna daerah ini");
        tkksd.MapPut("/members/{id:int}/end", EndMemberAsync).WithSummary("Akhiri keanggotaan pada tanggal; If-Match opsional");
        tkksd.MapGet("/meetings", MeetingsAsync).WithSummary("Rapat TKKSD, terbaru dahulu");
        tkksd.MapGet("/meetings/{id:int}", MeetingAsync).WithSummary("Satu rapat dengan acara dan notulen terakhir; ETag: versi notulen");
        tkksd.MapPost("/meetings", PlanAsync).WithSummary("Rencanakan rapat (Admin atau TKKSD) dengan acara dari sistem");
        tkksd.MapPut("/meetings/{id:int}/minutes", MinutesAsync).WithSummary("Tulis notulen draf; notulen yang disetujui ditolak (409). If-Match: versi notulen");
        tkksd.MapGet("/action-items", ActionsAsync).WithSummary("Tindak lanjut; ?mine=true milik Anda, ?overdue=true yang terlambat");
        tkksd.MapPost("/meetings/{id:int}/action-items", AddActionAsync).WithSummary("Tambah tindak lanjut dengan penanggung jawab dan batas waktu");
        tkksd.MapPut("/action-items/{id:int}", StatusAsync).WithSummary("Ubah status tindak lanjut (penanggung jawab, Admin, TKKSD); If-Match opsional");
        return api;
    }

    private static async Task<Ok<List<MemberDto>>> MembersAsync(AppDbContext db, RegionScope scope, TimeProvider clock, DateOnly? on, bool all = false, CancellationToken ct = default)
    {
        var region = scope.RegionCode ?? "";
        var rows = all
            ? await db.TkksdMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.RegionCode == region).OrderBy(m => m.StartsOn).ThenBy(m => m.Id).ToListAsync(ct)
            : await TkksdRegister.MembersOnAsync(db, region, on ?? RegionClock.Today(clock, region), ct);
        return TypedResults.Ok(rows.Select(Dto).ToList());
    }

    private static async Task<Results<Ok<MemberDto>, ValidationProblem, ProblemHttpResult>> AddMemberAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, MemberBody body, CancellationToken ct)
    {
        if (scope.RegionCode is not { } region || !TkksdRegister.CanKeep(user))
            return ApiResults.Forbidden("Anggota TKKSD dicatat oleh Admin Kerja Sama daerah.");
        var (member, problems) = await TkksdRegister.AddMemberAsync(db, region, new(body.UserId, body.Position, body.Office, body.StartsOn, body.DecreeId),
            RegionClock.Today(clock, region), Actor.Of(user), ct);
        return member is null ? ApiResults.Invalid(ApiResults.CamelCase(problems)) : TypedResults.Ok(Dto(member));
    }

    private static async Task<Results<Ok<MemberDto>, ValidationProblem, ProblemHttpResult>> EndMemberAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        HttpRequest request, int id, EndBody body, CancellationToken ct)
    {
        if (await db.TkksdMembers.IgnoreQueryFilters().SingleOrDefaultAsync(m => m.Id == id && m.RegionCode == scope.RegionCode, ct) is not { } member)
            return ApiResults.NotFound("Anggota TKKSD");
        if (!TkksdRegister.CanKeep(user))
            return ApiResults.Forbidden("Anggota TKKSD dicatat oleh Admin Kerja Sama daerah.");
        if (ApiResults.IfMatchProblem(request, member.Version, "Anggota TKKSD", required: false) is { } stale)
            return stale;
        var problems = await TkksdRegister.EndMemberAsync(db, member, body.EndsOn, Actor.Of(user), ct);
        return problems.Count > 0 ? ApiResults.Invalid(ApiResults.CamelCase(problems)) : TypedResults.Ok(Dto(member));
    }

    private static async Task<Ok<List<TkksdQueries.MeetingRow>>> MeetingsAsync(AppDbContext db, RegionScope scope, CancellationToken ct) =>
        TypedResults.Ok(await TkksdQueries.MeetingsAsync(db, scope.RegionCode ?? "", ct: ct));

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult>> MeetingAsync(AppDbContext db, RegionScope scope, HttpResponse response, int id, CancellationToken ct)
    {
        if (await LoadAsync(db, scope, id, ct) is not { } meeting)
            return ApiResults.NotFound("Rapat TKKSD");
        var minutes = await TkksdMeetings.LatestMinutesAsync(db, id, ct);
        response.Headers.ETag = ApiResults.ETag(minutes?.Version ?? 0);
        return TypedResults.Ok(Dto(meeting, minutes));
    }

    private static async Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> PlanAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        MeetingBody body, CancellationToken ct)
    {
        if (scope.RegionCode is not { } region || !TkksdMeetings.CanKeep(user))
            return ApiResults.Forbidden("Rapat TKKSD direncanakan oleh Admin Kerja Sama atau anggota TKKSD.");
        var (meeting, problems) = await TkksdMeetings.PlanAsync(db, region,
            new(body.Title, body.HeldOn, body.Time, body.Place, body.InvitedOpdIds ?? [], body.Agenda ?? []), Actor.Of(user), ct);
        return meeting is null ? ApiResults.Invalid(ApiResults.CamelCase(problems)) : TypedResults.Ok(Dto(meeting, null));
    }

    private static async Task<Results<Ok<MeetingDto>, ValidationProblem, ProblemHttpResult>> MinutesAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        HttpRequest request, int id, MinutesBody body, CancellationToken ct)
    {
        if (await LoadAsync(db, scope, id, ct) is not { } meeting)
            return ApiResults.NotFound("Rapat TKKSD");
        if (!TkksdMeetings.CanKeep(user))
            return ApiResults.Forbidden("Notulen ditulis oleh Admin Kerja Sama atau anggota TKKSD.");
        var latest = await TkksdMeetings.LatestMinutesAsync(db, id, ct);
        if (latest is { IsApproved: true })
            return ApiResults.Conflict("Notulen sudah disetujui", TkksdMeetings.ApprovedMessage, [TkksdMeetings.ApprovedMessage]);
        if (latest is not null && ApiResults.IfMatchProblem(request, latest.Version, "Notulen", required: false) is { } stale)
            return stale;
        var (minutes, problems) = await TkksdMeetings.SaveMinutesAsync(db, meeting, body.Summary, body.Decisions ?? [], Actor.Of(user), ct);
        return minutes is null ? ApiResults.Invalid(ApiResults.CamelCase(problems)) : TypedResults.Ok(Dto(meeting, minutes));
    }

    private static async Task<Ok<List<TkksdQueries.ActionRow>>> ActionsAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock,
        bool mine = false, bool overdue = false, CancellationToken ct = default)
    {
        var region = scope.RegionCode ?? "";
        return TypedResults.Ok(await TkksdQueries.ActionsAsync(db, region, RegionClock.Today(clock, region), mine ? Actor.Of(user).UserId ?? "" : null, overdue, ct: ct));
    }

    private static async Task<Results<Ok<TkksdQueries.ActionRow>, ValidationProblem, ProblemHttpResult>> AddActionAsync(AppDbContext db, RegionScope scope,
        ClaimsPrincipal user, TimeProvider clock, int id, ActionBody body, CancellationToken ct)
    {
        if (await LoadAsync(db, scope, id, ct) is not { } meeting)
            return ApiResults.NotFound("Rapat TKKSD");
        if (!TkksdMeetings.CanKeep(user))
            return ApiResults.Forbidden("Tindak lanjut dicatat oleh Admin Kerja Sama atau anggota TKKSD.");
        var (item, problems) = await TkksdMeetings.AddActionAsync(db, meeting, new(body.Description, body.OwnerId, body.DueOn, body.AgendaItemId), Actor.Of(user), ct);
        return item is null ? ApiResults.Invalid(ApiResults.CamelCase(problems)) : TypedResults.Ok(Row(item, meeting, RegionClock.Today(clock, meeting.RegionCode)));
    }

    private static async Task<Results<Ok<TkksdQueries.ActionRow>, ValidationProblem, ProblemHttpResult>> StatusAsync(AppDbContext db, RegionScope scope,
        ClaimsPrincipal user, TimeProvider clock, HttpRequest request, int id, StatusBody body, CancellationToken ct)
    {
        if (await db.TkksdActionItems.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == id && a.RegionCode == scope.RegionCode, ct) is not { } item
            || await LoadAsync(db, scope, item.MeetingId, ct) is not { } meeting)
            return ApiResults.NotFound("Tindak lanjut");
        if (!TkksdMeetings.CanMove(user, item))
            return ApiResults.Forbidden("Status tindak lanjut diubah oleh penanggung jawabnya, Admin Kerja Sama, atau anggota TKKSD.");
        if (ApiResults.IfMatchProblem(request, item.Version, "Tindak lanjut", required: false) is { } stale)
            return stale;
        var problems = await TkksdMeetings.SetStatusAsync(db, item, body.Status, Actor.Of(user), ct);
        return problems.Count > 0 ? ApiResults.Invalid(ApiResults.CamelCase(problems)) : TypedResults.Ok(Row(item, meeting, RegionClock.Today(clock, item.RegionCode)));
    }

    public static Task<TkksdMeeting?> LoadAsync(AppDbContext db, RegionScope scope, int id, CancellationToken ct = default) =>
        db.TkksdMeetings.IgnoreQueryFilters().Include(m => m.Agenda).SingleOrDefaultAsync(m => m.Id == id && m.RegionCode == scope.RegionCode, ct);

    private static MemberDto Dto(TkksdMember m) => new(m.Id, m.UserId, m.Name, m.Position, m.Office, m.StartsOn, m.EndsOn, m.Version);

    private static MeetingDto Dto(TkksdMeeting m, TkksdMinutes? minutes) => new(m.Id, m.Title, m.HeldOn, m.Time, m.Place, m.InvitedOpdIds, m.InvitedAt != null,
        [.. m.Agenda.OrderBy(a => a.Order).Select(a => new AgendaDto(a.Id, a.Order, a.Kind, a.ProposalId, a.AgreementId, a.PeriodCode, a.ObstacleId, a.Title))],
        minutes is null ? null : new MinutesDto(minutes.Revision, minutes.Summary, minutes.Decisions, minutes.IsApproved, minutes.CorrectionReason, minutes.Version), m.Version);

    private static TkksdQueries.ActionRow Row(TkksdActionItem a, TkksdMeeting m, DateOnly today) =>
        new(a.Id, a.MeetingId, m.Title, a.Description, a.OwnerId, a.OwnerName, a.DueOn, a.Status, a.IsOverdueOn(today), a.Version);
}
