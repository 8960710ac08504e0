using System.Text.RegularExpressions;
using Sinergi.Features.Agreements;
using Sinergi.Features.Partners;

namespace Sinergi.Features.Import;

/// <summary>
/// A value an import read or guessed: <see cref="IsGuess"/> is false when a cell said it in so
/// many words, true when it was inferred from other text; <see cref="Reason"/> says which, in
/// Bahasa Indonesia, for the preview.
/// </summary>
public sealed record Guess<T>(T Value, bool IsGuess, string Reason) where T : struct, Enum;

/// <summary>
/// Kind of cooperation, document type, partner type and funding from what a row says, when no
/// column says them outright. Every guess tells where it came from, so the preview can show it.
/// </summary>
public static partial class ImportGuesses
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Strong names of a document, strongest first; an adendum names the document it amends, so it wins wherever it stands.
    private static readonly (AgreementDocumentType Type, Regex Pattern)[] DocumentNames =
    [
        (AgreementDocumentType.Adendum, new(@"\ba+d+e+ndum\b|\bamand?emen\b|\bamendment\b|\bperubahan\s+(?:atas|terhadap|pertama|kedua|ketiga|keempat|kelima|kesatu|ke-?\s*\d+)\b|\bperubahan\s+(?:kesepakatan|perjanjian|nota)\b", Options)),
        (AgreementDocumentType.NotaKesepakatan, new(@"\bnota\s+kesepa(?:katan|haman)\b", Options)),
        (AgreementDocumentType.LoiMou, new(@"\bm\.?o\.?u\b|\bmemorandum\s+of\s+understanding\b|\bmemorandum\s+saling\s+pengertian\b|\bl\.?o\.?i\b|\bletter\s+of\s+intent\b|\bsurat\s+pernyataan\s+kehendak\b", Options)),
        (AgreementDocumentType.KesepakatanBersama, new(@"\bkesepakatan\s+bersama\b", Options)),
        (AgreementDocumentType.PerjanjianKerjaSama, new(@"\bperjanjian\s+kerja\s*sama\b", Options)),
    ];

    // Short codes count in a "Jenis Dokumen" cell only: in a title "KB" is as likely Keluarga Berencana.
    private static readonly (AgreementDocumentType Type, Regex Pattern)[] DocumentCodes =
    [
        (AgreementDocumentType.KesepakatanBersama, new(@"\bKB\b", Options)),
        (AgreementDocumentType.PerjanjianKerjaSama, new(@"\bPKS\b", Options)),
        (AgreementDocumentType.NotaKesepakatan, new(@"\bNK\b", Options)),
    ];

    // Weaker: the word alone, used only when no strong name is found.
    private static readonly (AgreementDocumentType Type, Regex Pattern)[] DocumentWords =
    [
        (AgreementDocumentType.PerjanjianKerjaSama, new(@"\bperjanjian\b|\bagreement\b", Options)),
        (AgreementDocumentType.KesepakatanBersama, new(@"\bkesepakatan\b", Options)),
    ];

    private static readonly Dictionary<string, AgreementDocumentType> NumberCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pks"] = AgreementDocumentType.PerjanjianKerjaSama,
        ["kb"] = AgreementDocumentType.KesepakatanBersama,
        ["nk"] = AgreementDocumentType.NotaKesepakatan,
        ["mou"] = AgreementDocumentType.LoiMou,
        ["loi"] = AgreementDocumentType.LoiMou,
        ["add"] = AgreementDocumentType.Adendum,
        ["adendum"] = AgreementDocumentType.Adendum,
        ["addendum"] = AgreementDocumentType.Adendum,
        ["amd"] = AgreementDocumentType.Adendum,
    };

    /// <summary>
    /// The document type from a "Jenis Dokumen" cell (not a guess), else guessed from the title,
    /// else from the number's codes (<c>119/PKS/2024</c>). Null when nothing names one.
    /// </summary>
    public static Guess<AgreementDocumentType>? DocumentTypeFrom(string? typeCell, string? title, string? number)
    {
        var cell = ImportText.Collapse(typeCell);
        var prefix = "";
        if (cell is not null)
        {
            if (FindDocument(cell, DocumentNames, DocumentCodes, DocumentWords) is { } said)
                return new(said.Type, false, $"Jenis dokumen dari kolom: \"{said.Text}\".");
            prefix = $"Kolom jenis dokumen \"{cell}\" tidak dikenali; ";
        }
        if (ImportText.Collapse(title) is { } heading && FindDocument(heading, DocumentNames, DocumentWords) is { } fromTitle)
            return new(fromTitle.Type, true, Sentence(prefix, $"jenis dokumen ditebak dari judul: \"{fromTitle.Text}\"."));
        if (ImportText.Collapse(number) is { } code)
        {
            var tokens = Regex.Split(code, @"[/.\-\s_:]+").Where(t => NumberCodes.ContainsKey(t)).ToList();
            var token = tokens.FirstOrDefault(t => NumberCodes[t] == AgreementDocumentType.Adendum) ?? tokens.FirstOrDefault();
            if (token is not null)
                return new(NumberCodes[token], true, Sentence(prefix, $"jenis dokumen ditebak dari nomor: \"{token}\"."));
        }
        return null;
    }

    private static (AgreementDocumentType Type, string Text)? FindDocument(string text, params (AgreementDocumentType Type, Regex Pattern)[][] vocabularies)
    {
        foreach (var names in vocabularies)
        {
            var found = names.Select(n => (n.Type, Match: n.Pattern.Match(text))).Where(f => f.Match.Success).ToList();
            if (found.Count == 0)
                continue;
            var chosen = found.FirstOrDefault(f => f.Type == AgreementDocumentType.Adendum);
            if (chosen.Match is null)
                chosen = found.MinBy(f => f.Match.Index);
            return (chosen.Type, chosen.Match.Value);
        }
        return null;
    }

    private static string Sentence(string prefix, string rest) =>
        prefix.Length > 0 ? prefix + rest : char.ToUpperInvariant(rest[0]) + rest[1..];

    private static readonly (AgreementKind? Kind, Regex Pattern)[] KindNames =
    [
        (AgreementKind.Ksdpl, new(@"\bksdpl\b|\bpemerintah\s+daerah\s+(?:di\s+)?luar\s+negeri\b|\bpemda\s+(?:di\s+)?luar\s+negeri\b|\bsister\s+(?:city|cities|province)\b|\bkota\s+kembar\b", Options)),
        (AgreementKind.Ksdll, new(@"\bksdll\b|\blembaga\s+(?:di\s+)?luar\s+negeri\b", Options)),
        (AgreementKind.Ksdpk, new(@"\bksdpk\b|\bpihak\s+ketiga\b", Options)),
        (AgreementKind.Sinergi, new(@"\bsinergi\b|\bkementerian\b|\bk\s*/\s*l\b|\bpemerintah\s+pusat\b", Options)),
        (AgreementKind.Ksdd, new(@"\bksdd\b|\bdaerah\s+lain\b|\bantar\s*-?\s*daerah\b|\bkerja\s*sama\s+(?:wajib|sukarela)\b", Options)),
        (null, new(@"\bluar\s+negeri\b|\basing\b|\binternasional\b", Options)),
    ];

    /// <summary>
    /// The kind of cooperation from a "Jenis Kerja Sama" cell (not a guess), else guessed from the
    /// partner's type, else from the partner's name (the first organisation in the cell). A cell
    /// that only says "luar negeri" is settled by the partner: a government abroad is KSDPL, any
    /// other body KSDLL.
    /// </summary>
    public static Guess<AgreementKind>? KindFrom(string? kindCell, string? partnerName, PartnerType? partnerType)
    {
        var cell = ImportText.Collapse(kindCell);
        var partner = Partners(partnerName).FirstOrDefault(p => PartnerTypeFrom(p) is not null) ?? ImportText.Collapse(partnerName);
        var prefix = "";
        if (cell is not null)
        {
            foreach (var (kind, pattern) in KindNames)
            {
                if (pattern.Match(cell) is not { Success: true } said)
                    continue;
                if (kind is { } known)
                    return new(known, false, $"Jenis kerja sama dari kolom: \"{said.Value}\".");
                var local = partner is not null && IsGovernmentAbroad(partner);
                return new(local ? AgreementKind.Ksdpl : AgreementKind.Ksdll, true,
                    $"Kolom jenis kerja sama menyebut \"{said.Value}\"; {(local ? "mitranya pemerintah daerah di luar negeri (KSDPL)" : "mitranya lembaga di luar negeri (KSDLL)")}.");
            }
            prefix = $"Kolom jenis kerja sama \"{cell}\" tidak dikenali; ";
        }
        if (partnerType is { } type)
        {
            var kind = KindOf(type, partner);
            return new(kind, true, Sentence(prefix, $"jenis kerja sama ditebak dari jenis mitra: {Partner.Label(type)} ({AgreementLabels.Code(kind)})."));
        }
        if (partner is not null && PartnerTypeFrom(partner) is { } guessed)
        {
            var kind = KindOf(guessed.Value, partner);
            return new(kind, true, Sentence(prefix, $"jenis kerja sama ditebak dari nama mitra \"{partner}\": {Partner.Label(guessed.Value).ToLowerInvariant()} ({AgreementLabels.Code(kind)})."));
        }
        return null;
    }

    private static AgreementKind KindOf(PartnerType type, string? name) => type switch
    {
        PartnerType.PemerintahDaerah => AgreementKind.Ksdd,
        PartnerType.KementerianLembaga => AgreementKind.Sinergi,
        PartnerType.LuarNegeri => name is not null && IsGovernmentAbroad(name) ? AgreementKind.Ksdpl : AgreementKind.Ksdll,
        _ => AgreementKind.Ksdpk,
    };

    private static readonly (FundingSource Source, Regex Pattern)[] FundingNames =
    [
        (FundingSource.TanpaBiaya, new(@"\btanpa\s+(?:biaya|anggaran)\b|\bnihil\b|\btidak\s+(?:ada\s+biaya|berbiaya|membebani)\b|\bgratis\b", Options)),
        (FundingSource.ApbdDanMitra, new(@"\bapbd\b.*\b(?:mitra|pihak\s+(?:kedua|ketiga|lain)|swasta|swadaya|investor|csr|badan\s+usaha|sharing)\b|\b(?:mitra|pihak\s+kedua|swasta|csr)\b.*\bapbd\b|\bsharing\b", Options)),
        (FundingSource.Lainnya, new(@"\bapbd\b.*\bapbn\b|\bapbn\b.*\bapbd\b|\bhibah\b|\bdonor\b|\bdana\s+desa\b|\blain(?:nya|\s+lain|-lain)?\b", Options)),
        (FundingSource.Apbd, new(@"\bapbd\b|\banggaran\s+pendapatan\s+dan\s+belanja\s+daerah\b", Options)),
        (FundingSource.Apbn, new(@"\bapbn\b|\banggaran\s+pendapatan\s+dan\s+belanja\s+negara\b", Options)),
        (FundingSource.Mitra, new(@"\bmitra\b|\bpihak\s+(?:kedua|ketiga|lain)\b|\bswasta\b|\bswadaya\b|\binvestor\b|\bcsr\b|\bbadan\s+usaha\b", Options)),
    ];

    /// <summary>
    /// The funding source a "Sumber Dana" cell names: <c>APBD Kota</c>, <c>APBN</c>,
    /// <c>APBD dan Mitra</c>, <c>Mitra/CSR</c>, <c>Tanpa biaya</c>, <c>Hibah</c> (lainnya). Null for
    /// an empty cell, a dash or words that name no source.
    /// </summary>
    public static FundingSource? FundingFrom(string? cell)
    {
        var text = ImportText.Collapse(cell);
        if (text is null)
            return null;
        return FundingNames.Where(f => f.Pattern.IsMatch(text)).Select(f => (FundingSource?)f.Source).FirstOrDefault();
    }
}
