using System.Globalization;
using System.Text.RegularExpressions;
using Sinergi.Features.Agreements;
using Sinergi.Web;

namespace Sinergi.Features.Import;

/// <summary>One cell read as a date: a value, or an error naming what was read; neither when the cell is empty.</summary>
public sealed record DateParse(DateOnly? Value, string? Error, IReadOnlyList<string> Warnings)
{
    public static DateParse Empty { get; } = new(null, null, []);

    public bool IsEmpty => Value is null && Error is null;

    internal static DateParse Ok(DateOnly value, IReadOnlyList<string>? warnings = null) => new(value, null, warnings ?? []);

    internal static DateParse Fail(string error) => new(null, error, []);
}

/// <summary>
/// Dates the way Indonesian offices write them: day first, always (<c>15/1/2025</c> is 15 January),
/// month names in Indonesian or English, Excel date serials. A date that does not exist is an
/// error, never a guess.
/// </summary>
public static partial class IndonesianDates
{
    /// <summary>The earliest date an import accepts, the registry's own (<see cref="AgreementDates"/>); older dates are typing mistakes.</summary>
    public static readonly DateOnly Earliest = AgreementDates.Earliest;

    /// <summary>The latest date an import accepts.</summary>
    public static readonly DateOnly Latest = AgreementDates.Latest;

    private const string Example = "Tulis seperti 15 Januari 2025 atau 15-01-2025.";

    // Each month's names and abbreviations, Indonesian and English, January first.
    private static readonly Dictionary<string, int> Months = new[]
        {
            "januari jan january",
            "februari pebruari feb peb february",
            "maret mar mrt march",
            "april apr",
            "mei may",
            "juni jun june",
            "juli jul july",
            "agustus agu agt ags agst agus aug august",
            "september sep sept",
            "oktober okt oct october",
            "november nopember nov nop",
            "desember des dec december",
        }
        .SelectMany((names, index) => names.Split(' ').Select(name => (Name: name, Month: index + 1)))
        .ToDictionary(m => m.Name, m => m.Month, StringComparer.OrdinalIgnoreCase);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private static readonly Regex Time = new(@"(?:\s+|T)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*(?:WIB|WITA|WIT))?$", Options);
    private static readonly Regex Prefix = new(
        @"^(?:(?:tanggal|tgl\.?|hari)\s*|(?:senin|selasa|rabu|kamis|jum'?at|jum’at|sabtu|minggu|ahad|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b\s*,?\s*)+", Options);
    private static readonly Regex Weekday = new(@"\b(senin|selasa|rabu|kamis|jum'?at|jum’at|sabtu|minggu|ahad)\b", Options);
    private static readonly Regex Serial = new(@"^\d{5}(?:[.,]\d+)?$", Options);
    private static readonly Regex YearOnly = new(@"^\d{4}$", Options);
    private static readonly Regex Iso = new(@"^(?<y>\d{4})\s*[-/.]\s*(?<m>\d{1,2})\s*[-/.]\s*(?<d>\d{1,2})$", Options);
    private static readonly Regex DayMonthYear = new(@"^(?<d>\d{1,2})\s*[-/.]\s*(?<m>\d{1,2})\s*[-/.]\s*(?<y>\d{4}|\d{2})$", Options);
    private static readonly Regex DayNameYear = new(@"^(?<d>\d{1,2})[\s\-/.]*(?<m>[a-z]+)[\s\-/.,]*(?<y>\d{4}|\d{2})$", Options);
    private static readonly Regex NameDayYear = new(@"^(?<m>[a-z]+)\.?\s+(?<d>\d{1,2}),?\s+(?<y>\d{4})$", Options);
    private static readonly Regex NameYear = new(@"^(?<m>[a-z]+)[\s\-/.,]*(?<y>\d{4})$", Options);

    /// <summary>
    /// Reads one cell as a date: text in the forms Indonesian offices use, an Excel date serial
    /// (number or numeric text), or a date value the file reader already made.
    /// </summary>
    public static DateParse ParseDate(object? cell)
    {
        switch (cell)
        {
            case null:
                return DateParse.Empty;
            case DateOnly date:
                return InRange(date, Indonesian.Date(date), []);
            case DateTime dateTime:
                return InRange(DateOnly.FromDateTime(dateTime), Indonesian.Date(dateTime), []);
            case DateTimeOffset offset:
                return InRange(DateOnly.FromDateTime(offset.DateTime), Indonesian.Date(offset.DateTime), []);
            case double or float or decimal or int or long or short:
                return FromNumber(Convert.ToDouble(cell, CultureInfo.InvariantCulture), fromText: false);
            case bool:
                return DateParse.Fail($"Tidak dapat membaca \"{cell}\" sebagai tanggal. {Example}");
        }
        var text = ImportText.Collapse(ImportText.AsText(cell));
        if (text is null || ImportText.IsDash(text))
            return DateParse.Empty;
        return TryReadText(text, out var result) ? result : Unreadable(text);
    }

    /// <summary>
    /// The date of an Excel serial in the 1900 date system, which counts 29 February 1900, a day
    /// that never was: serial 60 is that day (null), 59 is 28 February and 61 is 1 March 1900.
    /// The fraction (the time of day) is dropped.
    /// </summary>
    public static DateOnly? FromExcelSerial(double serial)
    {
        if (double.IsNaN(serial) || serial < 1 || serial >= 2958466)
            return null;
        var days = (int)Math.Floor(serial);
        return days switch
        {
            60 => null,
            < 60 => new DateOnly(1899, 12, 31).AddDays(days),
            _ => new DateOnly(1899, 12, 30).AddDays(days),
        };
    }

    private static DateParse Unreadable(string text) =>
        DateParse.Fail($"Tidak dapat membaca \"{text}\" sebagai tanggal. {Example}");

    /// <summary>False when <paramref name="text"/> is not shaped like a date at all; true with a value or a precise error otherwise.</summary>
    /// <summary>
    /// A date typed into a form: the same forms as a cell, but whether it lies in the registry's
    /// years is the form's rule to say (<see cref="AgreementDates"/>), in the words the API uses too.
    /// </summary>
    public static DateParse ParseTyped(string text)
    {
        var collapsed = ImportText.Collapse(text);
        if (collapsed is null)
            return DateParse.Empty;
        return TryReadText(collapsed, out var result, checkRange: false) ? result : Unreadable(collapsed);
    }

    internal static bool TryReadText(string text, out DateParse result, bool checkRange = true)
    {
        var warnings = new List<string>();
        var core = Time.Replace(text, "").Trim();
        var prefix = Prefix.Match(core);
        var weekday = prefix.Success ? Weekday.Match(prefix.Value) : Match.Empty;
        core = core[prefix.Length..].Trim().TrimEnd(',', ';');

        result = DateParse.Empty;
        if (Serial.IsMatch(core))
        {
            var serial = double.Parse(core.Replace(',', '.'), CultureInfo.InvariantCulture);
            result = FromNumber(serial, fromText: true);
            return true;
        }
        if (YearOnly.IsMatch(core))
        {
            result = DateParse.Fail($"\"{text}\" hanya berisi tahun; tulis tanggal lengkap seperti 15 Januari {core}.");
            return true;
        }

        int day, month, year;
        var yearText = "";
        var named = DayNameYear.Match(core) is { Success: true } dayFirst ? dayFirst
            : NameDayYear.Match(core) is { Success: true } monthFirst ? monthFirst : null;
        if (Iso.Match(core) is { Success: true } iso)
            (day, month, year) = (Int(iso, "d"), Int(iso, "m"), Int(iso, "y"));
        else if (DayMonthYear.Match(core) is { Success: true } dmy)
            (day, month, year, yearText) = (Int(dmy, "d"), Int(dmy, "m"), Int(dmy, "y"), dmy.Groups["y"].Value);
        else if (named is not null)
        {
            if (!Months.TryGetValue(named.Groups["m"].Value, out month))
            {
                result = DateParse.Fail($"Nama bulan \"{named.Groups["m"].Value}\" pada \"{text}\" tidak dikenal. {Example}");
                return true;
            }
            (day, year, yearText) = (Int(named, "d"), Int(named, "y"), named.Groups["y"].Value);
        }
        else if (NameYear.Match(core) is { Success: true } monthYear && Months.ContainsKey(monthYear.Groups["m"].Value))
        {
            result = DateParse.Fail($"\"{text}\" hanya berisi bulan dan tahun; tulis tanggal lengkap seperti 15 {monthYear.Groups["m"].Value} {monthYear.Groups["y"].Value}.");
            return true;
        }
        else
            return false;

        if (yearText.Length == 2)
        {
            year += year < 50 ? 2000 : 1900;
            warnings.Add($"Tahun \"{yearText}\" pada \"{text}\" dibaca sebagai {year}.");
        }
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), Math.Clamp(month, 1, 12)) || year is < 1 or > 9999)
        {
            result = DateParse.Fail(month > 12
                ? $"Tanggal \"{text}\" tidak ada: bulan {month} tidak ada (tanggal dibaca hari-bulan-tahun)."
                : $"Tanggal \"{text}\" tidak ada.");
            return true;
        }
        var date = new DateOnly(year, month, day);
        if (weekday.Success && WeekdayName(date) is var actual && !actual.Equals(Canonical(weekday.Value), StringComparison.OrdinalIgnoreCase))
            warnings.Add($"Hari \"{weekday.Value}\" tidak cocok dengan {Indonesian.Date(date)} (hari {actual}); tanggalnya yang dipakai.");
        result = checkRange ? InRange(date, text, warnings) : DateParse.Ok(date, warnings);
        return true;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string WeekdayName(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "Senin",
        DayOfWeek.Tuesday => "Selasa",
        DayOfWeek.Wednesday => "Rabu",
        DayOfWeek.Thursday => "Kamis",
        DayOfWeek.Friday => "Jumat",
        DayOfWeek.Saturday => "Sabtu",
        _ => "Minggu",
    };

    private static string Canonical(string weekday) => ImportText.Fold(weekday).Replace(" ", "") switch
    {
        "ahad" => "Minggu",
        var w when w.StartsWith("jum", StringComparison.Ordinal) => "Jumat",
        var w => w,
    };

    private static DateParse FromNumber(double number, bool fromText)
    {
        var shown = number.ToString(CultureInfo.InvariantCulture);
        if (number == Math.Floor(number) && number >= 1900 && number <= Latest.Year)
            return DateParse.Fail($"\"{shown}\" hanya berisi tahun; tulis tanggal lengkap seperti 15 Januari {shown}.");
        if (Math.Floor(number) == 60)
            return DateParse.Fail("Nomor seri tanggal Excel 60 adalah 29 Februari 1900, tanggal yang tidak ada.");
        if (FromExcelSerial(number) is not { } date)
            return DateParse.Fail($"Angka {shown} tidak dapat dibaca sebagai tanggal. {Example}");
        if (date < Earliest || date > Latest)
            return DateParse.Fail($"Angka {shown} dibaca sebagai tanggal Excel {Indonesian.Date(date)}, di luar rentang {Earliest.Year}–{Latest.Year}.");
        return DateParse.Ok(date, fromText ? [$"\"{shown}\" dibaca sebagai nomor seri tanggal Excel: {Indonesian.Date(date)}."] : []);
    }

    private static DateParse InRange(DateOnly date, string shown, IReadOnlyList<string> warnings) =>
        date < Earliest || date > Latest
            ? DateParse.Fail($"Tanggal \"{shown}\" di luar rentang {Earliest.Year}–{Latest.Year}.")
            : DateParse.Ok(date, warnings);

    internal static bool TryMonth(string name, out int month) => Months.TryGetValue(name.TrimEnd('.'), out month);
}
