using Microsoft.EntityFrameworkCore;
using Sinergi.Web.Domain;

namespace Sinergi.Web.Data;

/// <summary>"Today" and the "akan berakhir" window as a region sees them: its own date, its own setting.</summary>
public static class RegionClock
{
    public static DateOnly Today(TimeProvider clock, string? regionCode) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Region.TimeZoneOf(regionCode)).DateTime);

    public static async Task<int> ExpiringWindowAsync(AppDbContext db, string? regionCode, CancellationToken ct = default) =>
        regionCode is null ? AgreementStatusRules.DefaultExpiringWindowDays
            : await db.RegionSettings.Where(s => s.RegionCode == regionCode).Select(s => (int?)s.ExpiringWindowDays).SingleOrDefaultAsync(ct)
                ?? AgreementStatusRules.DefaultExpiringWindowDays;
}
