using System.Globalization;
using System.Text.RegularExpressions;
using Sinergi.Features.Partners;

namespace Sinergi.Features.Import;

public static partial class ImportGuesses
{
    private const string Countries =
        "jepang|japan|korea|tiongkok|cina|china|rrt|taiwan|australia|selandia\\s+baru|new\\s+zealand|belanda|netherlands|jerman|germany|"
        + "prancis|perancis|france|inggris|united\\s+kingdom|amerika(?:\\s+serikat)?|united\\s+states|usa|kanada|canada|malaysia|singapura|"
        + "singapore|thailand|vietnam|viet\\s+nam|filipina|philippines|brunei(?:\\s+darussalam)?|timor[\\s-]+leste|india|turki|turkey|rusia|"
        + "russia|arab\\s+saudi|saudi\\s+arabia|uni\\s+emirat\\s+arab|uae|mesir|egypt|italia|italy|spanyol|spain|denmark|swedia|sweden|"
        + "norwegia|norway|finlandia|finland|swiss|switzerland|austria|belgia|belgium|polandia|poland|ceko|hungaria|qatar|kuwait|pakistan|"
        + "bangladesh|papua\\s+nugini|papua\\s+new\\s+guinea|fiji|laos|kamboja|cambodia|myanmar|sri\\s+lanka|nepal|maroko|brasil|brazil|"
        + "meksiko|mexico|chile|argentina|afrika\\s+selatan|south\\s+africa";

    // What marks a body as one kind of partner, tried in this order: the first that matches decides.
    private static readonly (PartnerType Type, string Pattern)[] PartnerPatterns =
    [
        (PartnerType.LuarNegeri,
            @"\b(?:jica|usaid|giz|koica|jetro|kfw|afd|dfat|ausaid|undp|unicef|unesco|unfpa|unep|un-?habitat|unops|unhcr|who|fao|ilo|iom|ifad|adb|"
            + @"world\s+bank|bank\s+dunia|asian\s+development\s+bank|british\s+council|iclei|uclg|clgf|perserikatan\s+bangsa-?bangsa|pbb|"
            + @"university\s+of|foundation|embassy|consulate|kedutaan(?:\s+besar)?|konsulat|gmbh|ltd|limited|inc|pty|sdn\s+bhd|corporation|"
            + @"prefecture|prefektur|municipal(?:ity)?|metropolitan|city\s+(?:of|government|council|hall)|county|government\s+of|"
            + @"state\s+government|provincial\s+government|gemeente|agency|ministry|city|" + Countries + @")\b"),
        (PartnerType.KementerianLembaga, @"\b(?:bank\s+indonesia|bpjs|otoritas\s+jasa\s+keuangan|ojk|lembaga\s+penjamin\s+simpanan)\b"),
        (PartnerType.Swasta,
            @"\b(?:bca|bank\s+central\s+asia|cimb(?:\s+niaga)?|danamon|permata|ocbc(?:\s+nisp)?|maybank|panin|bank\s+mega|btpn|sinarmas|uob|hsbc|muamalat)\b"),
        (PartnerType.BumnBumd,
            @"\b(?:bumn|bumd|bumdes|badan\s+usaha\s+milik\s+(?:negara|daerah|desa)|perseroda|perumda|persero|perum|pdam|perusda|perusahaan\s+(?:umum\s+)?daerah|perusahaan\s+air\s+minum|"
            + @"bank\s+pembangunan\s+daerah|bpd|bri|bni|btn|bsi|bank\s+(?:rakyat\s+indonesia|negara\s+indonesia|mandiri|tabungan\s+negara|syariah\s+indonesia)|"
            + @"pln|pertamina|telkom|telkomsel|pos\s+indonesia|jasa\s+marga|pelindo|angkasa\s+pura|garuda\s+indonesia|bulog|taspen|asabri|jamkrindo|"
            + @"askrindo|jasa\s+raharja|kereta\s+api\s+indonesia|kai|perhutani|perkebunan\s+nusantara|ptpn|pupuk\s+indonesia|semen\s+indonesia|"
            + @"sarana\s+multi\s+infrastruktur|biro\s+klasifikasi|pegadaian|permodalan\s+nasional\s+madani|pnm|hutama\s+karya|waskita|wijaya\s+karya|"
            + @"adhi\s+karya|perusahaan\s+gas\s+negara|pgn|antam|bukit\s+asam|kimia\s+farma|bio\s+farma|krakatau\s+steel|sucofindo|perumnas|damri|pelni|asdp|bank)\b"),
        (PartnerType.PerguruanTinggi,
            @"\b(?:universitas|univ|institut|politeknik|poltek|poltekkes|sekolah\s+tinggi|akademi|stie|stikes|stikom|stmik|stih|stia|stkip|stai|stain|"
            + @"iain|uin|itb|ipb|its|ugm|unair|undip|unpad|uns|uny|unnes|unj|upi|unhas|unsri|unand|untan|ulm|unmul|upr|university|college|perguruan\s+tinggi)\b"),
        (PartnerType.Ormas,
            @"\b(?:yayasan|perkumpulan|lembaga\s+swadaya\s+masyarakat|lsm|ngo|organisasi|ormas|ikatan|persatuan|himpunan|asosiasi|forum|perhimpunan|"
            + @"palang\s+merah\s+indonesia|pmi|gerakan\s+pramuka|kwartir|nahdlatul\s+ulama|pbnu|pwnu|muhammadiyah|aisyiyah|majelis|mui|komunitas|"
            + @"paguyuban|kamar\s+dagang|kadin|dekranasda|karang\s+taruna|tim\s+penggerak|konsorsium|aliansi|lembaga\s+adat|dewan\s+adat)\b"),
        (PartnerType.KementerianLembaga,
            @"\b(?:kementerian|kementrian|kemen[a-z]+|menteri|badan(?!\s+usaha)(?![\w\s]*\bdaerah\b)|lembaga|direktorat|ditjen|balai|komisi|ombudsman|"
            + @"bps|bpn|atr|bmkg|bnpb|bnn|bnpt|bssn|brin|lipi|lkpp|bkn|bpkp|bpom|basarnas|bakamla|bawaslu|kpu|kpk|bkkbn|bp2mi|kepolisian|polri|polda|"
            + @"polres|polresta|polsek|tni|kodam|korem|kodim|koramil|lanud|lantamal|lanal|kejaksaan|kejati|kejari|pengadilan|mahkamah|kantor\s+wilayah|"
            + @"kanwil|kantor\s+pertanahan|kantor\s+pelayanan|kpp|imigrasi|bea\s+cukai|arsip\s+nasional|anri|perpustakaan\s+nasional|perpusnas|"
            + @"sekretariat\s+negara|sekretariat\s+kabinet|kantor\s+staf\s+presiden|taman\s+nasional)\b"),
        (PartnerType.PemerintahDaerah,
            @"\b(?:kabupaten|kab|kota|provinsi|prov|pemerintah|pemkab|pemkot|pemprov|pemda|gubernur|bupati|wali\s*kota|dprd|dinas|"
            + @"sekretariat\s+daerah|setda|bappeda|bapenda|bpbd|bkd|bkpsdm|bakesbangpol|inspektorat|rsud|rumah\s+sakit\s+umum\s+daerah|satpol\s*pp|"
            + @"kecamatan|daerah\s+istimewa|dki\s+jakarta|dinkes|disdik|dispar|diskominfo|dishub|dlh|dpmptsp|disdukcapil|uptd|badan[\w\s]*\bdaerah)\b"),
        (PartnerType.Swasta,
            @"\b(?:pt|p\.t|cv|c\.v|ud|tbk|firma|koperasi|ksp|ksu|perusahaan|company|co|corp|group|grup|holding|rumah\s+sakit|rs|klinik|hotel|apotek|toko)\b"),
    ];

    private static readonly (PartnerType Type, Regex Anywhere, Regex AtStart)[] PartnerRules = PartnerPatterns
        .Select(p => (p.Type, new Regex(p.Pattern, Options), new Regex(@"^(?:" + p.Pattern + ")", Options)))
        .ToArray();

    private static readonly Regex IndonesianLegalForm = new(
        @"^(?:pt|p\.t|cv|ud|koperasi|yayasan|perum|perumda|universitas|institut|politeknik|sekolah\s+tinggi)\b", Options);

    private static readonly Regex GovernmentWords = new(
        @"\b(?:city|kota|pemerintah|government|prefecture|prefektur|province|provinsi|state|county|municipal(?:ity)?|metropolitan|gemeente|"
        + @"region|regional|negara\s+bagian|distrik|district|sister\s+city)\b", Options);

    /// <summary>
    /// The partner's type guessed from its name: "Kabupaten Pulang Pisau" is a regional
    /// government, "Universitas Palangka Raya" a university, "JICA" or "Kota Kitakyushu, Jepang"
    /// foreign. Null when the name says nothing about its type.
    /// </summary>
    public static Guess<PartnerType>? PartnerTypeFrom(string? partnerName)
    {
        var name = ImportText.Collapse(partnerName);
        if (name is null)
            return null;
        var indonesianBody = IndonesianLegalForm.IsMatch(name);
        foreach (var (type, anywhere, _) in PartnerRules)
        {
            // "PT Toyota Motor Manufacturing Indonesia" is an Indonesian company, whatever words its name borrows.
            if (type == PartnerType.LuarNegeri && indonesianBody)
                continue;
            if (anywhere.Match(name) is { Success: true } match)
                return new(type, true, $"Jenis mitra ditebak dari nama: \"{match.Value}\" ({Partner.Label(type).ToLowerInvariant()}).");
        }
        return null;
    }

    private static bool IsGovernmentAbroad(string name) => GovernmentWords.IsMatch(name);

    private static bool StartsLikeOrganisation(string text) =>
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 2 && PartnerRules.Any(r => r.AtStart.IsMatch(text));

    private static readonly Regex ProvinceAfterRegion = new(@"\b(?:kabupaten|kab|kota)\b[^,]*,\s*(?:provinsi|prov)\b", Options);
    private static readonly Regex UnitOfMinistry = new(@"^(?:direktorat|ditjen|biro|balai|pusat|kantor wilayah|kanwil|sekretariat jenderal|setjen|inspektorat jenderal|itjen|badan)\b[^,]*,\s*kementerian\b", Options);
    private static readonly Regex ListBreaks = new(@"[;\r\n|]+", Options);
    private static readonly Regex Numbering = new(@"(?<=^|\s)\(?(?<n>\d{1,2})[.)]\s+", Options);
    private static readonly Regex Joiners = new(@"\s*,\s*(?:(?:dan|serta)\s+)?|\s+(?:dan|serta|&|[-–—])\s+", Options);
    private static readonly Regex ItemLabel = new(@"^(?:[-•*·]\s*|\(?\d{1,2}[.)]\s*|pihak\s+(?:i{1,3}|pertama|kedua|ketiga|kesatu|[123])\s*[:.\-]\s*)+", Options);

    /// <summary>
    /// The partners a cell names: split at semicolons, line breaks and list numbers
    /// (<c>1. PT A 2. PT B</c>), and at commas, "dan", "serta", "&amp;" or a spaced dash only when the part after
    /// it starts like an organisation of its own ("PT A dan Universitas B"; "Dinas Kebudayaan dan
    /// Pariwisata" stays whole).
    /// </summary>
    public static IReadOnlyList<string> Partners(string? cell)
    {
        if (string.IsNullOrWhiteSpace(cell))
            return [];
        var partners = new List<string>();
        foreach (var line in ListBreaks.Split(cell))
        {
            foreach (var item in SplitNumbered(line))
            {
                var cleaned = ImportText.Collapse(ItemLabel.Replace(ImportText.Collapse(item) ?? "", ""))?.Trim(',', '.', ' ');
                if (!string.IsNullOrEmpty(cleaned))
                    partners.AddRange(SplitJoined(cleaned));
            }
        }
        return partners.Where(p => p.Length > 0)
            .DistinctBy(p => Partner.NormalizeName(p) is { Length: > 0 } normal ? normal : p.ToLowerInvariant())
            .ToList();
    }

    private static IEnumerable<string> SplitNumbered(string line)
    {
        var cuts = new List<int>();
        var expected = 1;
        foreach (Match number in Numbering.Matches(line))
        {
            if (int.Parse(number.Groups["n"].Value, CultureInfo.InvariantCulture) != expected)
                continue;
            cuts.Add(number.Index);
            expected++;
        }
        if (cuts.Count < 2)
            return [line];
        cuts.Add(line.Length);
        var head = line[..cuts[0]];
        return new[] { head }.Concat(cuts.Zip(cuts.Skip(1)).Select(c => line[c.First..c.Second]));
    }

    private static IEnumerable<string> SplitJoined(string text)
    {
        var start = 0;
        foreach (Match joiner in Joiners.Matches(text))
        {
            var left = text[start..joiner.Index].Trim();
            var right = text[(joiner.Index + joiner.Length)..].Trim();
            if (left.Length == 0 || PartnerTypeFrom(left) is null || !StartsLikeOrganisation(right))
                continue;
            // "Kabupaten X, Provinsi Y" is one region and where it lies, not two partners.
            if (joiner.Value.Trim() == "," && ProvinceAfterRegion.IsMatch(left + ", " + right))
                continue;
            // "Direktorat Jenderal X, Kementerian Y" is a unit and its ministry: one partner.
            if (joiner.Value.Trim() == "," && UnitOfMinistry.IsMatch(left + ", " + right))
                continue;
            yield return left;
            start = joiner.Index + joiner.Length;
        }
        yield return text[start..].Trim();
    }
}
