using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Monitoring;

/// <summary>The region's kendala for programs: the list with the page's filters, and recording and following one up.</summary>
public static class ObstaclesApi
{
    public sealed record ObstacleBody(int AgreementId, string? Description, DateOnly? Since, int? OpdId, string? Action, string? Owner, DateOnly? DueOn,
        ObstacleStatus Status = ObstacleStatus.Terbuka, int? ReportId = null);

    public sealed record ObstacleDto(int Id, int AgreementId, int? OpdId, int? ReportId, string Description, DateOnly Since, string? Action, string? Owner,
        DateOnly? DueOn, ObstacleStatus Status, bool Escalated, int Version);

    public static RouteGroupBuilder MapObstaclesApi(this RouteGroupBuilder api)
    {
        var obstacles = api.MapGroup("/obstacles").WithTags("Monev").RequireAuthorization(Policies.ApiReadRegistry);
        obstacles.MapGet("/", ListAsync).WithSummary("Kendala daerah; filter agreement, opd, status, overdue (lewat batas: dieskalasi ke TKKSD)");
        obstacles.MapPost("/", CreateAsync).WithSummary("Catat kendala (yang dapat mengubah kerja sama, atau TKKSD)");
        obstacles.MapPut("/{id:int}", UpdateAsync).WithSummary("Tindak lanjut kendala; If-Match opsional");
        return api;
    }

    private static async Task<Ok<List<ObstacleDto>>> ListAsync(AppDbContext db, RegionScope scope, TimeProvider clock, int? agreement, int? opd,
        ObstacleStatus? status, bool overdue = false, CancellationToken ct = default)
    {
        var today = RegionClock.Today(clock, scope.RegionCode);
        var query = db.Obstacles.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == scope.RegionCode);
        if (agreement is int a)
            query = query.Where(o => o.AgreementId == a);
        if (opd is int d)
            query = query.Where(o => o.OpdId == d);
        if (status is { } s)
            query = query.Where(o => o.Status == s);
        if (overdue)
            query = query.Where(o => o.Status != ObstacleStatus.Selesai && o.DueOn != null && o.DueOn < today);
        return TypedResults.Ok((await query.OrderBy(o => o.Id).ToListAsync(ct)).Select(o => Dto(o, today)).ToList());
    }

    private static Task<Results<Ok<ObstacleDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, ObstacleBody body, CancellationToken ct) => SaveAsync(db, scope, user, clock, null, body, null, ct);

    private static async Task<Results<Ok<ObstacleDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, HttpRequest request, int id, ObstacleBody body, CancellationToken ct)
    {
        if (await db.Obstacles.IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Id == id && o.RegionCode == scope.RegionCode, ct) is not { } existing)
            return ApiResults.NotFound("Kendala");
        if (ApiResults.IfMatchProblem(request, existing.Version, "Kendala", required: false) is { } stale)
            return stale;
        return await SaveAsync(db, scope, user, clock, existing, body with { AgreementId = existing.AgreementId }, request, ct);
    }

    private static async Task<Results<Ok<ObstacleDto>, ValidationProblem, ProblemHttpResult>> SaveAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, Obstacle? existing, ObstacleBody body, HttpRequest? request, CancellationToken ct)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, body.AgreementId, ct) || await MonevAgreement.LoadAsync(db, body.AgreementId, ct) is not { } agreement
            || agreement.RegionCode != scope.RegionCode)
            return existing is null ? ApiResults.Invalid(new Dictionary<string, string[]> { ["agreementId"] = ["Kerja sama tidak ditemukan di daerah ini."] }) : ApiResults.NotFound("Kendala");
        if (!Obstacles.CanKeep(user, scope, agreement))
            return ApiResults.Forbidden("Kendala dicatat oleh Admin Kerja Sama, OPD penanggung jawab, atau TKKSD.");
        var today = RegionClock.Today(clock, agreement.RegionCode);
        var (saved, problems) = await Obstacles.SaveAsync(db, agreement, existing,
            new(body.Description, body.Since, body.OpdId, body.Action, body.Owner, body.DueOn, body.Status, existing?.ReportId ?? body.ReportId), today, Actor.Of(user), ct);
        return saved is null ? ApiResults.Invalid(ApiResults.CamelCase(problems)) : TypedResults.Ok(Dto(saved, today));
    }

    private static ObstacleDto Dto(Obstacle o, DateOnly today) =>
        new(o.Id, o.AgreementId, o.OpdId, o.ReportId, o.Description, o.Since, o.Action, o.Owner, o.DueOn, o.Status, o.IsEscalatedOn(today), o.Version);
}
