using Sinergi.Infrastructure.Pdf;
using Sinergi.Web;

namespace Sinergi.Features.Reports;

/// <summary>The report as an A4 PDF: identity, summary tables, the three lists and the full list.</summary>
public static class PeriodReportPdf
{
    public const string ReportMonevHeading = "K. Monitoring dan evaluasi";

    public static byte[] Render(PeriodReport report)
    {
        var region = report.Region;
        using var pdf = new PdfDocumentBuilder(new PdfPageSetup(
            $"{PeriodReport.Title} · {report.Period.Name}", region.GovernmentName, Indonesian.Date(report.PrintedOn)));

        pdf.Title(PeriodReport.Title.ToUpperInvariant(), $"{region.GovernmentName.ToUpperInvariant()}\n{report.Period.Name.ToUpperInvariant()}");
        if (report.IsRunning)
            pdf.Paragraph($"Periode masih berjalan: angka dalam laporan ini adalah keadaan per {Indonesian.Date(report.AsOf)} dan dapat berubah.", PdfFonts.Note, muted: true);

        pdf.Heading("A. Identitas daerah");
        pdf.KeyValues(
        [
            ("Pemerintah daerah", region.GovernmentName),
            ("Kode wilayah (Kemendagri)", region.Code),
            ("Provinsi", ReportFormat.Province(region)),
            ("Periode laporan", $"{report.Period.Name} ({report.Period.Range})"),
            ("Keadaan per", Indonesian.Date(report.AsOf)),
            ("Jumlah kerja sama", $"{ReportFormat.Count(report.Total)} kerja sama"),
            ("Nilai kerja sama", Indonesian.Rupiah(report.TotalValue)),
        ]);

        pdf.Heading("B. Rekapitulasi menurut jenis kerja sama");
        pdf.Table(Summary(report.ByKind, "Jenis", "Uraian", report.Total, report.TotalValue, keyWeight: 10));
        pdf.Heading($"C. Rekapitulasi menurut status per {Indonesian.Date(report.AsOf)}");
        pdf.Table(Summary(report.ByStatus, "Status", null, report.Total, report.TotalValue, keyWeight: 60));
        pdf.Heading("D. Rekapitulasi menurut urusan pemerintahan");
        pdf.Table(Summary(report.ByUrusan, "Kode", "Urusan", null, null, keyWeight: 8));
        pdf.Heading("E. Rekapitulasi menurut OPD penanggung jawab");
        pdf.Table(Summary(report.ByOpd, "OPD", "Nama OPD", null, null, keyWeight: 14));

        pdf.Heading("F. Kerja sama baru (ditandatangani dalam periode)");
        pdf.Table(List(report.SignedInPeriod, "Ditandatangani", a => ReportFormat.Date(a.SignedOn)));
        pdf.Heading("G. Kerja sama yang berakhir dalam periode");
        pdf.Table(List(report.EndedInPeriod, "Berakhir", a => $"{ReportFormat.Date(a.EndedOn)}\n{ReportFormat.Status(a)}"));
        pdf.Heading($"H. Kerja sama yang akan berakhir (dalam {report.ExpiringWindowDays} hari setelah {Indonesian.Date(report.AsOf)})");
        pdf.Table(List(report.Expiring, "Berakhir", a => ReportFormat.Date(a.EndsOn)));

        pdf.Heading("I. Daftar kerja sama dalam periode");
        pdf.Table(FullList(report));

        if (report.Budget is { } budget)
        {
            pdf.Heading($"{ReportBudget.Heading} tahun {budget.Year}");
            pdf.Paragraph(budget.Note, PdfFonts.Table, muted: true);
            pdf.Table(ReportBudget.Table(budget.BySource, "Sumber", "Uraian", budget));
            pdf.Table(ReportBudget.Table(budget.ByOpd, "OPD", "Nama OPD", budget));
            pdf.Table(ReportBudget.Table(budget.ByUrusan, "Kode", "Urusan", budget));
        }

        if (report.Monev is { } monev)
            Sinergi.Features.Monitoring.RegionMonevFiles.Section(pdf, monev, ReportMonevHeading);

        pdf.Heading("Catatan", keepWithNext: 40);
        foreach (var note in report.Notes)
            pdf.Paragraph("• " + note, PdfFonts.Table, muted: true);

        var signer = report.Signer;
        pdf.SignatureBlock([signer.PlaceAndDate(report.PrintedOn), signer.TitleLine], [signer.NameLine, signer.NipLine]);
        return pdf.ToArray();
    }

    /// <summary>A summary table: key, label (unless <paramref name="labelHeader"/> is null: then the label is the key), count, value.</summary>
    private static PdfTable Summary(IReadOnlyList<ReportCount> counts, string keyHeader, string? labelHeader, int? total, decimal? totalValue, double keyWeight)
    {
        var withValue = totalValue is not null;
        var columns = new List<PdfColumn> { new(keyHeader, keyWeight) };
        if (labelHeader is not null)
            columns.Add(new PdfColumn(labelHeader, 50));
        columns.Add(new PdfColumn("Jumlah", 10, Numeric: true));
        if (withValue)
            columns.Add(new PdfColumn("Nilai", 22, Numeric: true));
        var table = new PdfTable([.. columns]);
        foreach (var count in counts)
        {
            var key = labelHeader is null ? count.Label : count.Key == "" ? ReportFormat.None : count.Key;
            table.Add(Cells(key, labelHeader is null ? null : count.Label, ReportFormat.Count(count.Count), withValue ? ReportFormat.Rupiah(count.Value) : null));
        }
        if (total is int sum && counts.Count > 0)
            table.Total = Cells("Jumlah", labelHeader is null ? null : "", ReportFormat.Count(sum), withValue ? ReportFormat.Rupiah(totalValue) : null);
        return table;
    }

    private static string[] Cells(params string?[] cells) => cells.OfType<string>().ToArray();

    private static PdfTable List(IReadOnlyList<ReportAgreement> agreements, string dateHeader, Func<ReportAgreement, string> date)
    {
        var table = new PdfTable(new("No", 4, Numeric: true), new("Judul dan nomor", 42), new("Jenis", 10), new("Mitra", 23), new(dateHeader, 21));
        var number = 0;
        foreach (var a in agreements)
            table.Add(Indonesian.Number(++number), $"{a.Title}\n{ReportFormat.Details(a)}", ReportFormat.Kind(a), ReportFormat.Partners(a), date(a));
        return table;
    }

    private static PdfTable FullList(PeriodReport report)
    {
        var table = new PdfTable(new("No", 4, Numeric: true), new("Judul dan nomor", 34), new("Jenis", 10), new("Mitra", 18),
            new("Masa berlaku dan status", 23), new("Nilai", 14, Numeric: true));
        var number = 0;
        foreach (var a in report.Agreements)
        {
            table.Add(Indonesian.Number(++number), $"{a.Title}\n{ReportFormat.Details(a)}", ReportFormat.Kind(a), ReportFormat.Partners(a),
                $"{ReportFormat.Validity(a).Replace(" s.d. ", " s.d.\n", StringComparison.Ordinal)}\n{ReportFormat.Status(a)}", ReportFormat.Rupiah(a.Value));
        }
        if (report.Agreements.Count > 0)
            table.Total = ["", "Jumlah", "", "", "", Indonesian.Rupiah(report.TotalValue)];
        return table;
    }
}
