namespace Sinergi.Features.Agreements;

/// <summary>
/// The days an agreement's dates may fall on: from 1945, the Republic's first year, to 2100. A
/// date outside them is a typing mistake ("0202", "9999"), refused alike by the form, the API and
/// the import; it would also lie beyond what spreadsheets and date arithmetic can hold.
/// </summary>
public static class AgreementDates
{
    public static readonly DateOnly Earliest = new(1945, 1, 1);

    public static readonly DateOnly Latest = new(2100, 12, 31);

    public static bool InRange(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool InRange(int year) => year >= Earliest.Year && year <= Latest.Year;

    /// <summary>"Tanggal penandatanganan harus antara tahun 1945 dan 2100."</summary>
    public static string OutOfRange(string label) => $"{label} harus antara tahun {Earliest.Year} dan {Latest.Year}.";
}
