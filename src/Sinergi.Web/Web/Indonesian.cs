using System.Globalization;
using Sinergi.Tenancy;

namespace Sinergi.Web;

/// <summary>Dates, numbers and Rupiah the way Indonesian offices write them.</summary>
public static class Indonesian
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>25 November 2026</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>A calendar date held in a <see cref="System.DateTime"/> (a spreadsheet cell). An instant needs its region: the overload below.</summary>
    public static string Date(DateTime calendarDate) => calendarDate.ToString("d MMMM yyyy", Culture);

    /// <summary>The day of an instant as the region sees it: a token made at 23.30 WIB is made that day, not the next in UTC.</summary>
    public static string Date(DateTime utc, string? regionCode) => Local(utc, regionCode).ToString("d MMMM yyyy", Culture);

    /// <summary>25 November 2026 14.05 WIB, in the time zone of <paramref name="regionCode"/>.</summary>
    public static string DateTime(DateTime utc, string? regionCode)
    {
        var zone = RegionClock.ZoneOf(regionCode);
        return $"{Local(utc, regionCode).ToString("d MMMM yyyy HH.mm", Culture)} {RegionClock.Abbreviation(zone)}";
    }

    private static DateTime Local(DateTime utc, string? regionCode) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), RegionClock.ZoneOf(regionCode));

    /// <summary>1.234.567</summary>
    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>Rp1.250.000.000</summary>
    public static string Rupiah(decimal value) => "Rp" + value.ToString("N0", Culture);

    /// <summary>820 bita, 350 KB, 1,2 MB</summary>
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} bita",
        < 1024 * 1024 => $"{(bytes / 1024.0).ToString("N0", Culture)} KB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("N1", Culture)} MB",
    };
}
