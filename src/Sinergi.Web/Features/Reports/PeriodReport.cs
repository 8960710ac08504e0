using System.Text.Json.Serialization;
using Sinergi.Features.Agreements;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;

namespace Sinergi.Features.Reports;

/// <summary>The region a report is about: "Pemerintah Kota Palangkaraya", 62.71, in Provinsi Kalimantan Tengah.</summary>
public sealed record ReportRegion(string Code, string Name, string GovernmentName, RegionLevel Level, string? ProvinceCode, string? ProvinceName);

/// <summary>One line of a summary table: a kind, a status, an urusan or an OPD, how many, and (for kind and status) their value.</summary>
public sealed record ReportCount(string Key, string Label, int Count, decimal? Value = null);

/// <summary>An agreement as the report lists it, with its status on the report day.</summary>
public sealed record ReportAgreement(
    int Id, string? Number, string Title, AgreementKind Kind, AgreementDocumentType DocumentType,
    [property: JsonIgnore] AgreementStatus Status,
    IReadOnlyList<string> Partners, IReadOnlyList<string> Opds, IReadOnlyList<string> Urusan,
    DateOnly? SignedOn, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? TerminatedOn, decimal? Value,
    string? RecordedBy)
{
    /// <summary>The status as the API spells it elsewhere: <c>akan-berakhir</c>.</summary>
    [JsonPropertyName("status")]
    public string StatusSlug => AgreementLabels.Slug(Status);

    /// <summary>The day it stopped: the termination date when ended early, otherwise its end date.</summary>
    [JsonIgnore]
    public DateOnly? EndedOn => Status == AgreementStatus.Diakhiri ? TerminatedOn : EndsOn;
}

/// <summary>
/// Laporan Pelaksanaan Kerja Sama Daerah of one region for one period. It holds the agreements
/// the region is party to (recorded by it or shared with it) that were signed in the period or in
/// force on some day of it, up to <see cref="AsOf"/>; drafts are not part of an official report.
/// </summary>
/// <param name="AsOf">The report day: the period's last day, or today while the period runs.</param>
/// <param name="SignedInPeriod">Signed from the period's first day to the report day.</param>
/// <param name="EndedInPeriod">Whose end date, or termination date, falls in the period up to the report day.</param>
/// <param name="Expiring">"Akan berakhir" on the report day: ending within the region's window.</param>
/// <param name="Agreements">All of them, by signing date.</param>
public sealed record PeriodReport(
    ReportRegion Region,
    ReportPeriod Period,
    DateOnly AsOf,
    int ExpiringWindowDays,
    DateOnly PrintedOn,
    int Total,
    decimal TotalValue,
    IReadOnlyList<ReportCount> ByKind,
    IReadOnlyList<ReportCount> ByStatus,
    IReadOnlyList<ReportCount> ByUrusan,
    IReadOnlyList<ReportCount> ByOpd,
    IReadOnlyList<ReportAgreement> SignedInPeriod,
    IReadOnlyList<ReportAgreement> EndedInPeriod,
    IReadOnlyList<ReportAgreement> Expiring,
    IReadOnlyList<ReportAgreement> Agreements,
    ReportSigner Signer)
{
    public const string Title = "Laporan Pelaksanaan Kerja Sama Daerah";

    /// <summary>The budget lines of the period's fiscal year, totalled (section J).</summary>
    public ReportBudget? Budget { get; init; }

    /// <summary>Monitoring and evaluation in the period (section K): evaluated or not, ratings, impact scores, formalitas, obstacles.</summary>
    [JsonIgnore]
    public Sinergi.Features.Monitoring.RegionMonev? Monev { get; init; }

    /// <summary>True while the period has not ended: the report is provisional.</summary>
    public bool IsRunning => AsOf < Period.Until;

    /// <summary>The rules of the report, printed at its end so a reader knows what the figures mean.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Notes =>
    [
        "Laporan memuat kerja sama yang ditandatangani dalam periode atau berlaku pada salah satu hari dalam periode, "
            + "termasuk kerja sama daerah lain yang menjadikan daerah ini sebagai pihak. Draf tidak dimasukkan.",
        $"Status dinilai pada tanggal keadaan, {Sinergi.Web.Indonesian.Date(AsOf)}: hari terakhir periode, atau hari ini bila periode masih berjalan. "
            + $"\"Akan berakhir\" berarti berakhir dalam {ExpiringWindowDays} hari setelah tanggal keadaan.",
        "Satu kerja sama dapat tercatat pada lebih dari satu urusan dan OPD, sehingga jumlah pada rekap urusan dan OPD dapat melebihi jumlah kerja sama.",
        "Nilai adalah nilai yang tercatat pada dokumen kerja sama; kerja sama tanpa nilai dihitung Rp0.",
    ];
}
