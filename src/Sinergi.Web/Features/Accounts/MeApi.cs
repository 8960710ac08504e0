using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Accounts;

public static class MeApi
{
    public sealed record MeDto(string Email, string FullName, IReadOnlyList<string> Roles, string? RegionCode, string? RegionName, int? OpdId, string? OpdName);

    public static RouteGroupBuilder MapMeApi(this RouteGroupBuilder api)
    {
        api.MapGet("/me", async (ClaimsPrincipal user, RegionScope scope, AppDbContext db, CancellationToken ct) =>
        {
            var regionName = scope.RegionCode is null ? null
                : await db.Regions.Where(r => r.Code == scope.RegionCode).Select(r => r.Name).SingleOrDefaultAsync(ct);
            var opdName = scope.OpdId is null ? null
                : await db.Opds.Where(o => o.Id == scope.OpdId).Select(o => o.Name).SingleOrDefaultAsync(ct);
            return TypedResults.Ok(new MeDto(
                user.FindFirstValue(ClaimTypes.Email) ?? user.Identity!.Name!,
                user.FindFirstValue(SinergiClaims.FullName) ?? "",
                user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList(),
                scope.RegionCode, regionName, scope.OpdId, opdName));
        }).WithTags("Akun").WithSummary("Siapa pemilik token ini: peran, wilayah dan OPD");
        return api;
    }
}
