using System.Globalization;
using System.Text.RegularExpressions;

namespace Sinergi.Features.Import;

/// <summary>Rupiah amounts, spelled-out numbers and urusan codes the way Indonesian spreadsheets hold them.</summary>
public static partial class IndonesianNumbers
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string RupiahExample = "Tulis seperti Rp 1.250.000.000 atau 1,25 miliar.";

    private static readonly Regex Spelled = new(@"\([^()]*\)", Options);
    private static readonly Regex Foreign = new(@"(?:\b(?:usd|us\$|eur|euro|sgd|jpy|yen|aud|myr|rm|cny|rmb|gbp)\b|[$€£¥])", Options);
    private static readonly Regex Currency = new(@"^\s*(?:rp|idr)\s*\.?\s*|\s*\brupiah\b\s*$", Options);
    private static readonly Regex AccountingZero = new(@"^[-–—]+(?:\s*[.,]\s*-+)?$", Options);
    private static readonly Regex DashCents = new(@"\s*[.,]\s*-+\s*$", Options);
    private static readonly Regex Amount = new(@"^(?<n>\d[\d.,]*)\s*(?<x>triliun|t|miliar|milyar|m|juta|jt|ribu|rb|k)?\.?$", Options);
    private static readonly string[] NoCost =
        ["tanpa biaya", "nihil", "gratis", "tidak ada biaya", "tidak berbiaya", "tanpa nilai", "tidak ada nilai", "tanpa anggaran", "nol"];
    private static readonly string[] Unknown = ["-", "--", "---", "–", "—", "?", "n/a", "na", "belum ada", "tidak diketahui", "belum diketahui"];

    /// <summary>
    /// Reads a value cell as Rupiah: numbers as they are, text in Indonesian form
    /// (<c>Rp 1.250.000.000</c>, <c>Rp1.250.000.000,00</c>, <c>Rp. 75.500.000,-</c>), with a
    /// multiplier (<c>1,25 M</c>, <c>1,25 miliar</c>, <c>250 juta</c>). A cell saying there is no
    /// cost (<c>tanpa biaya</c>, <c>nihil</c>, <c>Rp -</c>) is 0; a bare dash means "not filled" and
    /// is null without an error.
    /// </summary>
    public static decimal? Rupiah(object? cell, out string? error)
    {
        error = null;
        switch (cell)
        {
            case null:
                return null;
            case double or float:
                var number = Convert.ToDouble(cell, CultureInfo.InvariantCulture);
                if (double.IsFinite(number) && Math.Abs(number) < 1e17)
                    return Math.Round((decimal)number, 2);
                error = $"Angka {number.ToString(CultureInfo.InvariantCulture)} terlalu besar untuk nilai rupiah.";
                return null;
            case decimal or int or long or short:
                return Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
            case bool:
                error = $"Tidak dapat membaca \"{cell}\" sebagai nilai rupiah. {RupiahExample}";
                return null;
        }
        var text = ImportText.Collapse(ImportText.AsText(cell));
        if (text is null || Unknown.Contains(text.ToLowerInvariant()))
            return null;
        var folded = ImportText.Fold(text);
        if (NoCost.Any(phrase => ImportText.HasPhrase(folded, phrase)))
            return 0;
        if (Foreign.IsMatch(text))
        {
            error = $"Nilai \"{text}\" bukan dalam rupiah; tulis nilainya dalam rupiah.";
            return null;
        }

        var core = Spelled.Replace(text, " ");
        var hadCurrency = Currency.IsMatch(core);
        core = Currency.Replace(core, "").Trim();
        if (hadCurrency && AccountingZero.IsMatch(core))
            return 0;
        core = DashCents.Replace(core, "").Replace(" ", "");
        if (core.StartsWith('-') && core.Length > 1 && char.IsDigit(core[1]))
        {
            error = $"Nilai \"{text}\" negatif; nilai kerja sama tidak boleh negatif.";
            return null;
        }
        if (Amount.Match(core) is not { Success: true } match)
        {
            error = $"Tidak dapat membaca \"{text}\" sebagai nilai rupiah. {RupiahExample}";
            return null;
        }
        var multiplier = match.Groups["x"].Value.ToLowerInvariant() switch
        {
            "triliun" or "t" => 1_000_000_000_000m,
            "miliar" or "milyar" or "m" => 1_000_000_000m,
            "juta" or "jt" => 1_000_000m,
            "ribu" or "rb" or "k" => 1_000m,
            _ => 1m,
        };
        var value = Decimal(match.Groups["n"].Value, multiplier != 1m, out var ambiguous);
        if (value is null)
        {
            error = ambiguous
                ? $"Nilai \"{text}\" tidak jelas: koma dipakai sebagai pemisah desimal; tulis {match.Groups["n"].Value.Replace(',', '.')} bila maksudnya ribuan."
                : $"Tidak dapat membaca \"{text}\" sebagai nilai rupiah. {RupiahExample}";
            return null;
        }
        return Math.Round(value.Value * multiplier, 2);
    }

    /// <summary>
    /// Indonesian grouping: dots group thousands, a comma starts the decimals. Numbers from
    /// English exports (<c>1,250,000.00</c>) are read too when the last separator tells which is
    /// which; a lone comma before three digits (<c>75,500</c>) is ambiguous without a multiplier.
    /// </summary>
    private static decimal? Decimal(string number, bool hasMultiplier, out bool ambiguous)
    {
        ambiguous = false;
        var dots = number.Count(c => c == '.');
        var commas = number.Count(c => c == ',');
        char? thousands = null, point = null;
        if (dots > 0 && commas > 0)
            (point, thousands) = number.LastIndexOf(',') > number.LastIndexOf('.') ? (',', '.') : ('.', ',');
        else if (dots + commas > 1)
            thousands = dots > 0 ? '.' : ',';
        else if (dots == 1 && DigitsAfter(number, '.') == 3)
            thousands = '.';
        else if (dots == 1)
            point = '.';
        else if (commas == 1)
        {
            if (!hasMultiplier && DigitsAfter(number, ',') == 3)
            {
                ambiguous = true;
                return null;
            }
            point = ',';
        }

        var whole = point is { } p ? number[..number.LastIndexOf(p)] : number;
        var fraction = point is { } q ? number[(number.LastIndexOf(q) + 1)..] : "";
        if (fraction.Any(c => !char.IsDigit(c)))
            return null;
        if (thousands is { } t)
        {
            var groups = whole.Split(t);
            if (groups[0].Length is < 1 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
                return null;
            whole = string.Concat(groups);
        }
        if (whole.Length == 0 || whole.Any(c => !char.IsDigit(c)) || whole.Length > 20)
            return null;
        return decimal.Parse(fraction.Length > 0 ? $"{whole}.{fraction}" : whole, CultureInfo.InvariantCulture);
    }

    private static int DigitsAfter(string number, char separator) => number.Length - number.LastIndexOf(separator) - 1;

    /// <summary>
    /// A number written in Indonesian words, up to 99 and halves: <c>lima</c>, <c>dua belas</c>,
    /// <c>dua puluh lima</c>, <c>satu setengah</c> (1,5). Null when the words are not a number.
    /// </summary>
    public static decimal? FromWords(string? words)
    {
        var tokens = ImportText.Fold(words).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0)
            return null;
        int value = 0, pending = 0;
        var half = false;
        foreach (var token in tokens)
        {
            if (half)
                return null;
            var digit = Array.IndexOf(Units, token);
            switch (token)
            {
                case var _ when digit > 0:
                    if (pending != 0 || value % 10 != 0)
                        return null;
                    pending = digit;
                    break;
                case "puluh" or "belas":
                    if (pending == 0 || value != 0)
                        return null;
                    (value, pending) = (token == "puluh" ? pending * 10 : pending + 10, 0);
                    break;
                case "sepuluh" or "sebelas":
                    if (pending != 0 || value != 0)
                        return null;
                    value = token == "sepuluh" ? 10 : 11;
                    break;
                case "setengah":
                    half = true;
                    break;
                default:
                    return null;
            }
        }
        return value + pending + (half ? 0.5m : 0m);
    }

    private static readonly string[] Units = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];
}
