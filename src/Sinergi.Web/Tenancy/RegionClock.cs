namespace Sinergi.Tenancy;

/// <summary>A region's own time: Indonesia keeps three time zones, and "today" is the region's date.</summary>
public static class RegionClock
{
    public static DateOnly Today(TimeProvider clock, string? regionCode) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), ZoneOf(regionCode)).DateTime);

    /// <summary>
    /// The zone a region shows times in. Province codes follow the zones closely enough that the
    /// code decides it; no code, or one that is not a region's, is the capital's zone.
    /// </summary>
    public static TimeZoneInfo ZoneOf(string? regionCode)
    {
        var province = regionCode is { Length: >= 2 } && char.IsAsciiDigit(regionCode[0]) && char.IsAsciiDigit(regionCode[1])
            ? ((regionCode[0] - '0') * 10) + (regionCode[1] - '0')
            : 0;
        var id = province switch
        {
            51 or 52 or 53 or 63 or 64 or 65 or >= 71 and <= 76 => "Asia/Makassar",
            >= 81 => "Asia/Jayapura",
            _ => "Asia/Jakarta",
        };
        return TimeZoneInfo.FindSystemTimeZoneById(id);
    }

    public static string Abbreviation(TimeZoneInfo zone) => zone.Id switch
    {
        "Asia/Makassar" => "WITA",
        "Asia/Jayapura" => "WIT",
        _ => "WIB",
    };
}
