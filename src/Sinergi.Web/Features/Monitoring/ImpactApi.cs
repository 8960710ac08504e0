using Microsoft.AspNetCore.Http.HttpResults;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Tenancy;
using Sinergi.Web.Api;

namespace Sinergi.Features.Monitoring;

/// <summary>An agreement's impact score with its parts and its formalitas flag, as the agreement page shows them.</summary>
public static class ImpactApi
{
    public sealed record PartDto(string Name, int? Value, int Weight, string Basis);

    public sealed record ImpactDto(int AgreementId, int? Score, List<PartDto> Parts, bool Formalitas, string? FormalitasReason, string HowReckoned);

    public static RouteGroupBuilder MapImpactApi(this RouteGroupBuilder api)
    {
        api.MapGet("/agreements/{id:int}/impact", ReadAsync).WithTags("Monev").RequireAuthorization(Policies.ApiReadRegistry)
            .WithSummary("Skor dampak kerja sama (0–100) dengan bagian-bagiannya, dan tanda formalitas dengan alasannya");
        return api;
    }

    private static async Task<Results<Ok<ImpactDto>, ProblemHttpResult>> ReadAsync(AppDbContext db, RegionScope scope, TimeProvider clock, int id, CancellationToken ct)
    {
        if (!await AgreementAccess.CanReadAsync(db, scope, id, ct) || await ImpactScores.ForAsync(db, clock, id, ct) is not { } standing)
            return ApiResults.NotFound("Kerja sama");
        return TypedResults.Ok(new ImpactDto(id, standing.Impact.Score,
            standing.Impact.Parts.Select(p => new PartDto(p.Name, p.Value, p.Weight, p.Basis)).ToList(),
            standing.IsFormalitas, standing.FormalitasReason, ImpactScore.HowReckoned));
    }
}
