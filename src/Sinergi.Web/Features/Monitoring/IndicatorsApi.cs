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

/// <summary>An agreement's indicators and their target and realisation per period, for programs.</summary>
public static class IndicatorsApi
{
    public sealed record ValueDto(string Period, decimal? Target, decimal? Realisation, string? Note, bool Achieved);

    public sealed record IndicatorDto(int Id, string Name, string Unit, decimal? Baseline, int? PerformanceIndicatorId, string? PerformanceIndicatorCode, List<ValueDto> Values);

    public sealed record IndicatorBody(string? Name, string? Unit, decimal? Baseline, int? PerformanceIndicatorId);

    public sealed record ValueBody(decimal? Target, decimal? Realisation, string? Note);

    public static RouteGroupBuilder MapIndicatorsApi(this RouteGroupBuilder api)
    {
        var indicators = api.MapGroup("/agreements/{id:int}/indicators").WithTags("Monev").RequireAuthorization(Policies.ApiReadRegistry);
        indicators.MapGet("/", ListAsync).WithSummary("Indikator kerja sama dengan target dan realisasi per periode");
        indicators.MapPost("/", AddAsync).WithSummary("Tambah indikator (yang dapat mengubah kerja sama)");
        indicators.MapPut("/{indicatorId:int}/periods/{period}", RecordAsync)
            .WithSummary("Catat target dan realisasi satu periode; realisasi lebih dari dua kali target wajib disertai catatan");
        return api;
    }

    private static async Task<Results<Ok<List<IndicatorDto>>, ProblemHttpResult>> ListAsync(AppDbContext db, RegionScope scope, int id, CancellationToken ct)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct))
            return ApiResults.NotFound("Kerja sama");
        return TypedResults.Ok((await LoadAsync(db, id, ct)).Select(Dto).ToList());
    }

    private static async Task<Results<Created<IndicatorDto>, ValidationProblem, ProblemHttpResult>> AddAsync(AppDbContext db, RegionScope scope,
        ClaimsPrincipal user, int id, IndicatorBody body, CancellationToken ct)
    {
        if (await EditableAsync(db, scope, user, id, ct) is not { } agreement)
            return await AgreementAccess.CanReadAsync(db, scope, id, ct) ? ApiResults.Forbidden("Indikator diatur oleh Admin Kerja Sama atau OPD penanggung jawab.") : ApiResults.NotFound("Kerja sama");
        var (indicator, problems) = await Indicators.AddAsync(db, agreement, new(body.Name, body.Unit, body.Baseline, body.PerformanceIndicatorId), Actor.Of(user), ct);
        return indicator is null ? ApiResults.Invalid(ApiResults.CamelCase(problems)) : TypedResults.Created($"/api/v1/agreements/{id}/indicators", Dto(indicator));
    }

    private static async Task<Results<Ok<IndicatorDto>, ValidationProblem, ProblemHttpResult>> RecordAsync(AppDbContext db, RegionScope scope,
        ClaimsPrincipal user, TimeProvider clock, int id, int indicatorId, string period, ValueBody body, CancellationToken ct)
    {
        if (await EditableAsync(db, scope, user, id, ct) is not { } agreement)
            return await AgreementAccess.CanReadAsync(db, scope, id, ct) ? ApiResults.Forbidden("Indikator diatur oleh Admin Kerja Sama atau OPD penanggung jawab.") : ApiResults.NotFound("Kerja sama");
        if ((await LoadAsync(db, id, ct, tracked: true)).SingleOrDefault(i => i.Id == indicatorId) is not { } indicator)
            return ApiResults.NotFound("Indikator");
        var problems = await Indicators.RecordAsync(db, agreement, indicator, new(period, body.Target, body.Realisation, body.Note),
            RegionClock.Today(clock, agreement.RegionCode), Actor.Of(user), ct);
        return problems.Count > 0 ? ApiResults.Invalid(ApiResults.CamelCase(problems)) : TypedResults.Ok(Dto(indicator));
    }

    private static async Task<MonevAgreement?> EditableAsync(AppDbContext db, RegionScope scope, ClaimsPrincipal user, int id, CancellationToken ct) =>
        await AgreementAccess.CanReadAsync(db, scope, id, ct) && await MonevAgreement.LoadAsync(db, id, ct) is { } agreement
            && AgreementAccess.CanEdit(user, scope, agreement.RegionCode, agreement.OpdIds) ? agreement : null;

    private static Task<List<Indicator>> LoadAsync(AppDbContext db, int id, CancellationToken ct, bool tracked = false)
    {
        var query = db.Indicators.IgnoreQueryFilters().Include(i => i.Values).Include(i => i.PerformanceIndicator).Where(i => i.AgreementId == id).OrderBy(i => i.Id);
        return (tracked ? query : query.AsNoTracking()).ToListAsync(ct);
    }

    private static IndicatorDto Dto(Indicator i) => new(i.Id, i.Name, i.Unit, i.Baseline, i.PerformanceIndicatorId, i.PerformanceIndicator?.Code,
        i.Values.OrderBy(v => v.PeriodEnd).Select(v => new ValueDto(v.PeriodCode, v.Target, v.Realisation, v.Note, Indicators.Achieved(v))).ToList());
}
