namespace Sinergi.Features.Agreements;

/// <summary>The five kinds of kerja sama daerah (PP 28/2018, Permendagri 22/2020 and 25/2020).</summary>
public enum AgreementKind
{
    Ksdd,
    Ksdpk,
    Sinergi,
    Ksdpl,
    Ksdll,
}

/// <summary>The document an agreement record stands for.</summary>
public enum AgreementDocumentType
{
    KesepakatanBersama,
    NotaKesepakatan,
    PerjanjianKerjaSama,
    Adendum,
    LoiMou,
}

/// <summary>What people decide about an agreement; everything else about its status comes from its dates.</summary>
public enum AgreementLifecycle
{
    Draf,
    Aktif,
    Diakhiri,
}

public enum FundingSource
{
    TanpaBiaya,
    Apbd,
    Apbn,
    Mitra,
    ApbdDanMitra,
    Lainnya,
}

/// <summary>The status a person sees, derived from the lifecycle and the dates; never typed by hand.</summary>
public enum AgreementStatus
{
    Draf,
    BelumBerlaku,
    Berlaku,
    AkanBerakhir,
    Berakhir,
    Diakhiri,
}

public static class AgreementLabels
{
    public static string Code(AgreementKind kind) => kind switch
    {
        AgreementKind.Ksdd => "KSDD",
        AgreementKind.Ksdpk => "KSDPK",
        AgreementKind.Sinergi => "Sinergi",
        AgreementKind.Ksdpl => "KSDPL",
        _ => "KSDLL",
    };

    public static string Label(AgreementKind kind) => kind switch
    {
        AgreementKind.Ksdd => "Kerja sama daerah dengan daerah lain",
        AgreementKind.Ksdpk => "Kerja sama daerah dengan pihak ketiga",
        AgreementKind.Sinergi => "Sinergi dengan kementerian/lembaga",
        AgreementKind.Ksdpl => "Kerja sama dengan pemerintah daerah di luar negeri",
        _ => "Kerja sama dengan lembaga di luar negeri",
    };

    public static string Code(AgreementDocumentType type) => type switch
    {
        AgreementDocumentType.KesepakatanBersama => "KB",
        AgreementDocumentType.NotaKesepakatan => "NK",
        AgreementDocumentType.PerjanjianKerjaSama => "PKS",
        AgreementDocumentType.Adendum => "Adendum",
        _ => "LoI/MoU",
    };

    public static string Label(AgreementDocumentType type) => type switch
    {
        AgreementDocumentType.KesepakatanBersama => "Kesepakatan Bersama (KB)",
        AgreementDocumentType.NotaKesepakatan => "Nota Kesepakatan",
        AgreementDocumentType.PerjanjianKerjaSama => "Perjanjian Kerja Sama (PKS)",
        AgreementDocumentType.Adendum => "Adendum",
        _ => "LoI / MoU",
    };

    public static string Label(FundingSource source) => source switch
    {
        FundingSource.TanpaBiaya => "Tanpa biaya",
        FundingSource.Apbd => "APBD",
        FundingSource.Apbn => "APBN",
        FundingSource.Mitra => "Mitra",
        FundingSource.ApbdDanMitra => "APBD dan mitra",
        _ => "Lainnya",
    };

    public static string Label(AgreementStatus status) => status switch
    {
        AgreementStatus.Draf => "Draf",
        AgreementStatus.BelumBerlaku => "Belum berlaku",
        AgreementStatus.Berlaku => "Berlaku",
        AgreementStatus.AkanBerakhir => "Akan berakhir",
        AgreementStatus.Berakhir => "Berakhir",
        _ => "Diakhiri",
    };

    /// <summary>The value the API and the URL use: <c>akan-berakhir</c>.</summary>
    public static string Slug(AgreementStatus status) => status switch
    {
        AgreementStatus.Draf => "draf",
        AgreementStatus.BelumBerlaku => "belum-berlaku",
        AgreementStatus.Berlaku => "berlaku",
        AgreementStatus.AkanBerakhir => "akan-berakhir",
        AgreementStatus.Berakhir => "berakhir",
        _ => "diakhiri",
    };

    public static AgreementStatus? StatusFromSlug(string? slug) =>
        Enum.GetValues<AgreementStatus>().Select(s => (AgreementStatus?)s).FirstOrDefault(s => Slug(s!.Value) == slug);

    public static string Slug(AgreementKind kind) => Code(kind).ToLowerInvariant();

    public static AgreementKind? KindFromSlug(string? slug) =>
        Enum.GetValues<AgreementKind>().Select(k => (AgreementKind?)k).FirstOrDefault(k => Slug(k!.Value) == slug?.Trim().ToLowerInvariant());

    public static string Slug(AgreementDocumentType type) => type switch
    {
        AgreementDocumentType.KesepakatanBersama => "kb",
        AgreementDocumentType.NotaKesepakatan => "nk",
        AgreementDocumentType.PerjanjianKerjaSama => "pks",
        AgreementDocumentType.Adendum => "adendum",
        _ => "loi-mou",
    };

    public static AgreementDocumentType? DocumentTypeFromSlug(string? slug) =>
        Enum.GetValues<AgreementDocumentType>().Select(t => (AgreementDocumentType?)t).FirstOrDefault(t => Slug(t!.Value) == slug?.Trim().ToLowerInvariant());
}
