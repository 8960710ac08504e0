namespace Sinergi.Features.Reports;

/// <summary>Names of the downloaded files, the same from the pages and the API.</summary>
public static class ReportFiles
{
    /// <summary>laporan-kerja-sama-62.71-2026-s1.pdf</summary>
    public static string PeriodFileName(PeriodReport report) => $"laporan-kerja-sama-{report.Region.Code}-{report.Period.FileName}.pdf";

    /// <summary>profil-kerja-sama-17.pdf</summary>
    public static string ProfileFileName(int agreementId) => $"profil-kerja-sama-{agreementId}.pdf";
}
