using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.WorkPlans;

/// <summary>Rencana kerja TKKSD: a year's activities, planning them and reporting their progress.</summary>
public static class WorkPlansApi
{
    public sealed record ActivityBody(int? Year, string? Title, int? OwnerOpdId, string? OwnerUserId, int? StartMonth, int? EndMonth, string? Target);

    public sealed record ProgressBody(int? Progress, string? Note, int? Version);

    public sealed record ActivityDto(int Id, int Year, string Title, int? OwnerOpdId, string? OwnerUserId, string OwnerName, int StartMonth, int EndMonth,
        string Target, int Progress, string? ProgressNote, bool Late, int Version);

    public static RouteGroupBuilder MapWorkPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/workplans").WithTags("Rencana kerja TKKSD").RequireAuthorization(Policies.ApiReadRegistry);
        plans.MapGet("/{year:int}", YearAsync).WithSummary("Kegiatan rencana kerja TKKSD satu tahun, dengan kemajuan dan tanda terlambat");
        plans.MapPost("/activities", CreateAsync).WithSummary("Tambah kegiatan (Admin Kerja Sama atau TKKSD)");
        plans.MapPut("/activities/{id:int}", UpdateAsync).WithSummary("Ubah kegiatan (Admin Kerja Sama atau TKKSD)");
        plans.MapPut("/activities/{id:int}/progress", ProgressAsync).WithSummary("Laporkan kemajuan (penanggung jawab, Admin Kerja Sama, TKKSD)");
        return api;
    }

    private static ActivityDto Dto(WorkPlanActivity a, DateOnly today) =>
        new(a.Id, a.Year, a.Title, a.OwnerOpdId, a.OwnerUserId, a.OwnerName, a.StartMonth, a.EndMonth, a.Target, a.Progress, a.ProgressNote, a.IsLate(today), a.Version);

    private static async Task<Results<Ok<List<ActivityDto>>, ProblemHttpResult>> YearAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, TimeProvider clock, int year, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (!WorkPlanRules.CanRead(caller))
            return ApiResults.Forbidden("Rencana kerja TKKSD dibaca oleh akun pemerintah daerahnya.");
        var today = RegionClock.Today(clock, caller.RegionCode);
        return TypedResults.Ok((await WorkPlanRules.YearAsync(db, caller.RegionCode!, year, ct)).Select(a => Dto(a, today)).ToList());
    }

    private static async Task<Results<Created<ActivityDto>, ValidationProblem, ProblemHttpResult>> CreateAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, ActivityBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (!WorkPlanRules.CanPlan(caller))
            return ApiResults.Forbidden("Rencana kerja disusun oleh Admin Kerja Sama atau TKKSD daerah.");
        var (saved, problems) = await WorkPlanRules.SaveAsync(db, caller, null, Draft(body), ct);
        if (saved is null)
            return ApiResults.Invalid(ApiResults.CamelCase(problems));
        return TypedResults.Created($"/api/v1/workplans/activities/{saved.Id}", Dto(saved, RegionClock.Today(clock, caller.RegionCode)));
    }

    private static async Task<Results<Ok<ActivityDto>, ValidationProblem, ProblemHttpResult>> UpdateAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, int id, ActivityBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await LoadAsync(db, caller, id, ct) is not { } activity)
            return ApiResults.NotFound("Kegiatan");
        if (!WorkPlanRules.CanPlan(caller))
            return ApiResults.Forbidden("Rencana kerja disusun oleh Admin Kerja Sama atau TKKSD daerah.");
        var (saved, problems) = await WorkPlanRules.SaveAsync(db, caller, activity, Draft(body), ct);
        if (saved is null)
            return ApiResults.Invalid(ApiResults.CamelCase(problems));
        return TypedResults.Ok(Dto(saved, RegionClock.Today(clock, caller.RegionCode)));
    }

    private static async Task<Results<Ok<ActivityDto>, ValidationProblem, ProblemHttpResult>> ProgressAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user,
        TimeProvider clock, int id, ProgressBody body, CancellationToken ct)
    {
        var caller = ProposalCaller.Of(user, scope);
        if (await LoadAsync(db, caller, id, ct) is not { } activity)
            return ApiResults.NotFound("Kegiatan");
        if (!WorkPlanRules.CanReport(caller, activity))
            return ApiResults.Forbidden("Kemajuan dilaporkan oleh penanggung jawab kegiatan, Admin Kerja Sama, atau TKKSD.");
        var problems = await WorkPlanRules.ReportAsync(db, caller, activity, body.Progress, body.Note, body.Version, ct);
        if (problems.Count > 0)
            return problems.ContainsKey("") ? ApiResults.Conflict("Kemajuan tidak disimpan", problems[""][0], []) : ApiResults.Invalid(ApiResults.CamelCase(problems));
        return TypedResults.Ok(Dto(activity, RegionClock.Today(clock, caller.RegionCode)));
    }

    private static async Task<WorkPlanActivity?> LoadAsync(AppDbContext db, ProposalCaller caller, int id, CancellationToken ct) =>
        WorkPlanRules.CanRead(caller) && await db.WorkPlanActivities.IgnoreQueryFilters().SingleOrDefaultAsync(a => a.Id == id, ct) is { } a && a.RegionCode == caller.RegionCode ? a : null;

    private static ActivityDraft Draft(ActivityBody b) => new(b.Year, b.Title, b.OwnerOpdId, b.OwnerUserId, b.StartMonth, b.EndMonth, b.Target);
}
