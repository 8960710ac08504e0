using System.Globalization;
using System.Text.RegularExpressions;
using Sinergi.Features.Agreements;
using Sinergi.Web;

namespace Sinergi.Features.Import;

public static partial class IndonesianDates
{
    private const string PeriodExample = "Tulis seperti 5 (lima) tahun, 15 Januari 2025 s.d. 14 Januari 2030, atau s.d. 31 Desember 2027.";
    private const string NumberWords = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|setengah";

    private static readonly Regex DurationPiece = new(
        @"(?<![\w.,/-])(?<n>\d{1,4}(?:[.,]\d{1,3})?|\b(?:(?:" + NumberWords + @")\b\s*)+)\s*(?:\(\s*(?<w>[^()]*?)\s*\)\s*)?(?<u>tahun|thn|th|bulan|bln|bl|hari|minggu|pekan)\b\.?"
        + @"|\bse(?<u>tahun|bulan)\b", Options);
    private static readonly Regex BetweenPieces = new(@"^[\s,]*(?:(?:dan|and)\b|\+)?[\s,]*$", Options);
    private static readonly Regex Until = new(@"\bsampai\s+dengan\b|\bs\s*[./]\s*d\b\.?|\b(?:sampai|hingga|sd|until|to)\b|\s[-–—]\s|[–—~]", Options);
    private static readonly Regex StartMarker = new(@"\b(?:mulai|sejak|terhitung|tmt|dari)\b", Options);
    private static readonly Regex Filler = new(
        @"\b(?:berlaku|masa|jangka|waktu|terhitung|mulai|sejak|tmt|dari|tanggal|tgl|periode|tahun|thn|dengan|pada|ditandatangani|penandatanganan|dan)\b\.?|[()\[\],;:]|(?<!\S)/(?!\S)", Options);
    private static readonly Regex OpenEnd = new(
        @"(?:\b(?:sampai(?:\s+dengan)?|hingga|s\s*[./]\s*d)\.?\s+|[-–—]\s*)?\b(?:sekarang|saat\s+ini|tidak\s+terbatas|tidak\s+ditentukan|tanpa\s+batas(?:\s+waktu)?|selamanya|seterusnya)\b", Options);
    private static readonly Regex Aside = new(@"\((?<inner>[^()\d]*)\)", Options);
    private static readonly Regex SmallNumber = new(@"^\d{1,2}$", Options);

    /// <summary>
    /// Reads a "Jangka Waktu / Masa Berlaku / Berlaku s.d." cell. A duration counts from the
    /// start the text names, else from <paramref name="start"/> (the agreement's start or signing
    /// date) with <see cref="AgreementStatusRules.EndFromDuration"/>; a plain date is the end; a
    /// year stands for 1 January when it starts a period and 31 December when it ends one.
    /// </summary>
    public static PeriodParse ParsePeriod(object? cell, DateOnly? start)
    {
        switch (cell)
        {
            case null:
                return PeriodParse.Empty;
            case DateOnly or DateTime or DateTimeOffset:
                return FromDate(ParseDate(cell));
            case double or float or decimal or int or long or short:
                var number = Convert.ToDouble(cell, CultureInfo.InvariantCulture);
                var shown = number.ToString(CultureInfo.InvariantCulture);
                if (number == Math.Floor(number) && number is >= 1 and <= 99)
                    return FromDuration(shown, (int)number * 12, start, [$"\"{shown}\" dibaca sebagai {shown} tahun."]);
                if (number == Math.Floor(number) && number >= AgreementDates.Earliest.Year && number <= AgreementDates.Latest.Year)
                    return ReadPeriodText(shown, start);
                return FromDate(ParseDate(cell));
        }
        var text = ImportText.Collapse(ImportText.AsText(cell));
        return text is null || ImportText.IsDash(text) ? PeriodParse.Empty : ReadPeriodText(text, start);
    }

    private static PeriodParse FromDate(DateParse date) =>
        date.Error is { } error ? PeriodParse.Fail(error) : new PeriodParse { End = date.Value, Warnings = date.Warnings };

    private static PeriodParse FromDuration(string shown, int months, DateOnly? start, List<string> warnings)
    {
        var missingStart = start is null ? MissingStart(shown) : null;
        if (missingStart is not null)
            warnings.Add(missingStart);
        return new PeriodParse
        {
            DurationMonths = months,
            End = start is { } from ? AgreementStatusRules.EndFromDuration(from, months) : null,
            Warnings = warnings,
            MissingStartWarning = missingStart,
        };
    }

    private static string MissingStart(string duration) =>
        $"Jangka waktu \"{duration}\" belum dapat dihitung menjadi tanggal berakhir karena tanggal mulai kosong.";

    /// <summary>The last day a rough bound stands for: 31 December of a year, the month's last day of a month.</summary>
    private static DateOnly SpanEnd(Bound bound) =>
        YearOnly.IsMatch(bound.Text) ? new DateOnly(bound.Date.Year, 12, 31) : bound.Date.AddMonths(1).AddDays(-1);

    private static PeriodParse ReadPeriodText(string text, DateOnly? start)
    {
        var warnings = new List<string>();
        var duration = ReadDuration(text, warnings, out var durationText, out var rest);
        if (duration.Error is not null)
            return duration;
        var months = duration.DurationMonths;

        if (months is null && SmallNumber.IsMatch(text))
            return FromDuration(text, int.Parse(text, CultureInfo.InvariantCulture) * 12, start, [$"\"{text}\" dibaca sebagai {text} tahun."]);

        var openEnded = OpenEnd.Match(rest);
        if (openEnded.Success)
        {
            rest = rest.Remove(openEnded.Index, openEnded.Length);
            warnings.Add($"\"{text}\" dibaca tanpa tanggal berakhir.");
        }
        foreach (Match aside in Aside.Matches(rest))
        {
            if (Clean(aside.Groups["inner"].Value).Length > 0)
                warnings.Add($"Bagian \"{aside.Value}\" pada \"{text}\" tidak dibaca.");
        }
        rest = Aside.Replace(rest, " ");

        Bound? from = null, until = null;
        var marked = Until.Matches(rest);
        if (marked.Count > 1)
            return PeriodParse.Fail($"Tidak dapat membaca \"{text}\" sebagai jangka waktu: ada lebih dari satu \"s.d.\". {PeriodExample}");
        if (marked.Count == 1)
        {
            var left = Clean(rest[..marked[0].Index]);
            var right = Clean(rest[(marked[0].Index + marked[0].Length)..]);
            from = left.Length == 0 ? null : ReadBound(left, isEnd: false);
            until = right.Length == 0 ? null : ReadBound(right, isEnd: true);
            if (from is null && until is null)
                return PeriodParse.Fail($"Tidak dapat membaca \"{text}\" sebagai jangka waktu: tanggalnya tidak ada. {PeriodExample}");
        }
        else if (Clean(rest) is { Length: > 0 } single)
        {
            var asStart = months is not null || openEnded.Success || StartMarker.IsMatch(rest);
            var bound = ReadBound(single, isEnd: !asStart);
            if (bound.IsNotADate && SplitAtHyphen(single) is var (l, r))
                (from, until) = (l, r);
            else if (bound.IsNotADate && months is not null)
                warnings.Add($"Bagian \"{single}\" pada \"{text}\" tidak dibaca.");
            else if (bound.IsNotADate)
                return PeriodParse.Fail($"Tidak dapat membaca \"{text}\" sebagai jangka waktu. {PeriodExample}");
            else if (asStart)
                from = bound;
            else
                until = bound;
        }
        else if (months is null && !openEnded.Success)
            return PeriodParse.Fail($"Tidak dapat membaca \"{text}\" sebagai jangka waktu. {PeriodExample}");

        foreach (var bound in new[] { from, until })
        {
            if (bound is null)
                continue;
            if (bound.Error is not null)
                return PeriodParse.Fail(bound.Error);
            if (bound.IsNotADate)
                return PeriodParse.Fail($"Tidak dapat membaca \"{text}\" sebagai jangka waktu: \"{bound.Text}\" bukan tanggal. {PeriodExample}");
            warnings.AddRange(bound.Warnings);
        }
        return Combine(text, start, months, durationText, from, until, warnings);
    }

    private static PeriodParse Combine(string text, DateOnly? start, int? months, string? durationText, Bound? from, Bound? until, List<string> warnings)
    {
        // A year or a month is a rough bound: a precise start from the caller, or a duration
        // counted from a precise start, says the same thing better.
        var countFrom = from is { Precise: true } ? from.Date : start ?? from?.Date;
        var countsPrecisely = from is { Precise: true } || start is not null;
        DateOnly? computed = months is int m && countFrom is { } f ? AgreementStatusRules.EndFromDuration(f, m) : null;

        DateOnly? resultStart = from is null ? null
            : from.Precise || months is null || start is null ? from.Date : null;
        DateOnly? resultEnd;
        var roughEndUsed = false;
        if (until is { Precise: true })
        {
            resultEnd = until.Date;
            if (computed is { } c && c != until.Date)
                warnings.Add($"Tanggal berakhir {Indonesian.Date(until.Date)} tidak sama dengan jangka waktu {durationText} sejak {Indonesian.Date(countFrom!.Value)} ({Indonesian.Date(c)}).");
        }
        else if (computed is { } c && (countsPrecisely || until is null))
        {
            resultEnd = c;
            if (until is not null && until.Date.Year != c.Year)
                warnings.Add($"Jangka waktu {durationText} sejak {Indonesian.Date(countFrom!.Value)} berakhir {Indonesian.Date(c)}, tidak pada tahun {until.Date.Year}.");
        }
        else
        {
            resultEnd = until?.Date;
            roughEndUsed = until is not null;
            if (computed is { } rough && until is not null && rough != until.Date)
                warnings.Add($"Jangka waktu {durationText} tidak sama dengan \"{text}\"; periksa tanggalnya.");
        }

        if (months is not null && from is { Precise: false } && start is { } given && from.Date.Year != given.Year)
            warnings.Add($"Tahun mulai {from.Date.Year} pada \"{text}\" tidak sama dengan tanggal mulai {Indonesian.Date(given)}; jangka waktu dihitung dari {Indonesian.Date(given)}.");
        string? missingStart = null;
        if (months is not null && countFrom is null)
            warnings.Add(missingStart = MissingStart(durationText!));

        var roughStartUsed = from is { Precise: false } && resultStart is not null;
        if (roughStartUsed || roughEndUsed || (from is { Precise: false } && computed is not null && !countsPrecisely))
        {
            var reading = (roughStartUsed || from is { Precise: false }) && (resultStart ?? countFrom) is { } s
                ? resultEnd is { } e ? $"{Indonesian.Date(s)} sampai {Indonesian.Date(e)}" : $"mulai {Indonesian.Date(s)}"
                : $"berakhir {Indonesian.Date(resultEnd!.Value)}";
            var message = $"\"{text}\" dibaca sebagai {reading}.";
            // "2023 s.d. 2028" says the year it began, not the day: an agreement signed on 1 March
            // 2023 begins then, not on 1 January, before anyone signed it.
            if (roughStartUsed && start is { } begins && begins > resultStart!.Value && (resultEnd is null || begins <= resultEnd))
            {
                message += $" Mulai berlaku {Indonesian.Date(begins)}, bukan {Indonesian.Date(resultStart.Value)}"
                    + (begins > SpanEnd(from!) ? $"; tahun mulai {from!.Text} lebih awal dari itu, periksa tahunnya." : ".");
                resultStart = begins;
            }
            warnings.Insert(0, message);
        }

        var earliest = resultStart ?? start;
        if (earliest is { } begin && resultEnd is { } end && end < begin)
            return PeriodParse.Fail($"Tanggal berakhir {Indonesian.Date(end)} lebih awal dari tanggal mulai {Indonesian.Date(begin)} pada \"{text}\".");
        return new PeriodParse { Start = resultStart, End = resultEnd, DurationMonths = months, Warnings = warnings, MissingStartWarning = missingStart };
    }

    /// <summary>Finds "5 (lima) tahun", "2 tahun 6 bulan", "18 bulan"; returns the text without them in <paramref name="rest"/>.</summary>
    private static PeriodParse ReadDuration(string text, List<string> warnings, out string? durationText, out string rest)
    {
        durationText = null;
        rest = text;
        var pieces = DurationPiece.Matches(text);
        if (pieces.Count == 0)
            return PeriodParse.Empty;

        var groups = new List<(int Months, string Text)>();
        var groupStart = -1;
        decimal total = 0;
        for (var i = 0; i < pieces.Count; i++)
        {
            var piece = pieces[i];
            var unit = piece.Groups["u"].Value.ToLowerInvariant();
            if (unit is "hari" or "minggu" or "pekan")
                return PeriodParse.Fail($"Jangka waktu \"{piece.Value.Trim()}\" dalam {unit} belum dapat dibaca; tulis dalam tahun atau bulan.");
            var amount = piece.Groups["n"].Success ? Amount(piece.Groups["n"].Value) : 1;
            if (amount is null)
                return PeriodParse.Fail($"Tidak dapat membaca angka pada \"{piece.Value.Trim()}\". {PeriodExample}");
            if (piece.Groups["w"] is { Success: true, Value.Length: > 0 } words && Amount(words.Value) is { } spelled && spelled != amount)
                warnings.Add($"Pada \"{piece.Value.Trim()}\" angka {Shown(amount.Value)} dan \"{words.Value}\" berbeda; dipakai {Shown(amount.Value)}.");
            if (groupStart < 0)
                groupStart = piece.Index;
            total += amount.Value * (unit.StartsWith('b') ? 1 : 12);

            var next = i + 1 < pieces.Count ? pieces[i + 1] : null;
            var end = piece.Index + piece.Length;
            if (next is not null && BetweenPieces.IsMatch(text[end..next.Index]))
                continue;
            var shown = text[groupStart..end].Trim().TrimEnd('.');
            if (total != decimal.Truncate(total))
                return PeriodParse.Fail($"Jangka waktu \"{shown}\" tidak bulat dalam bulan; tulis seperti 2 tahun 6 bulan.");
            if (total is <= 0 or > 99 * 12)
                return PeriodParse.Fail(total <= 0 ? $"Jangka waktu \"{shown}\" tidak boleh nol." : $"Jangka waktu \"{shown}\" lebih dari 99 tahun.");
            groups.Add(((int)total, shown));
            (groupStart, total) = (-1, 0);
        }

        foreach (var other in groups.Skip(1).Where(g => g.Months != groups[0].Months))
            warnings.Add($"\"{groups[0].Text}\" dan \"{other.Text}\" berbeda; dipakai {groups[0].Text}.");
        durationText = groups[0].Text;
        rest = DurationPiece.Replace(text, " ");
        return new PeriodParse { DurationMonths = groups[0].Months };
    }

    private static decimal? Amount(string value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > 0 && char.IsDigit(trimmed[0]))
            return decimal.Parse(trimmed.Replace(',', '.'), CultureInfo.InvariantCulture);
        return IndonesianNumbers.FromWords(trimmed);
    }

    private static string Shown(decimal value) => value.ToString("0.##", Indonesian.Culture);

    private static string Clean(string side) => ImportText.Collapse(Filler.Replace(side, " "))?.Trim('.', '-', ' ') ?? "";

    private static (Bound From, Bound Until)? SplitAtHyphen(string text)
    {
        for (var i = text.IndexOf('-'); i > 0; i = text.IndexOf('-', i + 1))
        {
            var (left, right) = (text[..i].Trim(), text[(i + 1)..].Trim());
            if (left.Length == 0 || right.Length == 0)
                continue;
            var (from, until) = (ReadBound(left, isEnd: false), ReadBound(right, isEnd: true));
            if (!from.IsNotADate && !until.IsNotADate)
                return (from, until);
        }
        return null;
    }

    /// <summary>One side of a period: a date, or a rough one (a year, a month and year) read as its first or last day.</summary>
    private sealed record Bound(string Text, DateOnly Date, bool Precise, string? Error, bool IsNotADate, IReadOnlyList<string> Warnings);

    private static Bound ReadBound(string text, bool isEnd)
    {
        if (YearOnly.IsMatch(text))
        {
            var year = int.Parse(text, CultureInfo.InvariantCulture);
            if (year < Earliest.Year || year > Latest.Year)
                return new Bound(text, default, false, $"Tahun {text} di luar rentang {Earliest.Year}–{Latest.Year}.", false, []);
            return new Bound(text, isEnd ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1), false, null, false, []);
        }
        if (NameYear.Match(text) is { Success: true } monthYear && TryMonth(monthYear.Groups["m"].Value, out var month))
        {
            var year = Int(monthYear, "y");
            if (year < Earliest.Year || year > Latest.Year)
                return new Bound(text, default, false, $"Tahun {year} di luar rentang {Earliest.Year}–{Latest.Year}.", false, []);
            var first = new DateOnly(year, month, 1);
            return new Bound(text, isEnd ? first.AddMonths(1).AddDays(-1) : first, false, null, false, []);
        }
        if (!TryReadText(text, out var date))
            return new Bound(text, default, false, null, true, []);
        return new Bound(text, date.Value ?? default, true, date.Error, false, date.Warnings);
    }
}
