using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Settings;

/// <summary>
/// The region a settings page manages: always the admin's own region; a system admin, who has
/// none, names one with <c>?region=</c>.
/// </summary>
public static class AdminRegion
{
    public static async Task<Region?> ResolveAsync(AppDbContext db, RegionScope scope, string? requested)
    {
        var code = scope.RegionCode ?? (scope.IsUnrestricted ? requested?.Trim() : null);
        return !Region.IsWellFormedCode(code) ? null : await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code);
    }
}
