using Sinergi.Features.Agreements;
using Sinergi.Web;

namespace Sinergi.Features.Reports;

/// <summary>How the report writes its cells, the same on the printable page and in the PDF.</summary>
public static class ReportFormat
{
    public const string None = "—";

    public static string Date(DateOnly? date) => date is { } d ? Indonesian.Date(d) : None;

    public static string Count(int count) => Indonesian.Number(count);

    public static string Rupiah(decimal? value) => value is decimal v ? Indonesian.Rupiah(v) : None;

    /// <summary>"KSDPK · PKS"</summary>
    public static string Kind(ReportAgreement a) => $"{AgreementLabels.Code(a.Kind)} · {AgreementLabels.Code(a.DocumentType)}";

    /// <summary>"1 Maret 2024 s.d. 28 Februari 2029"; an open end is "tidak ditentukan".</summary>
    public static string Validity(ReportAgreement a) =>
        $"{Date(a.StartsOn ?? a.SignedOn)} s.d. {(a.EndsOn is { } end ? Indonesian.Date(end) : "tidak ditentukan")}";

    public static string Partners(ReportAgreement a) => a.Partners.Count == 0 ? None : string.Join("; ", a.Partners);

    /// <summary>The number, the OPDs and, for a shared agreement, who recorded it: the second line of a title cell.</summary>
    public static string Details(ReportAgreement a)
    {
        var parts = new List<string> { a.Number is null ? "Nomor belum dicatat" : $"No. {a.Number}" };
        if (a.Opds.Count > 0)
            parts.Add("OPD: " + string.Join(", ", a.Opds));
        if (a.RecordedBy is not null)
            parts.Add($"dicatat oleh {a.RecordedBy}");
        return string.Join(" · ", parts);
    }

    public static string Status(ReportAgreement a) => AgreementLabels.Label(a.Status);

    /// <summary>The name of the province the region lies in; a province is its own.</summary>
    public static string Province(ReportRegion region) =>
        region.ProvinceName is null ? region.Name : region.ProvinceName;
}
