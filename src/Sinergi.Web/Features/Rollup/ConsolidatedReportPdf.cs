using Sinergi.Infrastructure.Pdf;
using Sinergi.Web;

namespace Sinergi.Features.Rollup;

/// <summary>The province's consolidated report as an A4 PDF: a summary, every region's row of the roll-up with a total, and the regions not using Sinergi named.</summary>
public static class ConsolidatedReportPdf
{
    public const string Title = "Laporan Konsolidasi Kerja Sama Daerah";

    /// <summary>The province's sums: counts add up, the budget share follows the sums, the rating is weighted by the evaluations behind it.</summary>
    public static RollupRow Total(Rollup rollup)
    {
        var rows = rollup.Rows;
        var ratings = rows.Sum(r => r.Ratings);
        var average = ratings == 0 ? (double?)null : rows.Where(r => r.AverageRating is not null).Sum(r => r.AverageRating!.Value * r.Ratings) / ratings;
        return new RollupRow("", "Jumlah", true, rows.Sum(r => r.InForce), rows.Sum(r => r.EndingSoon), rows.Sum(r => r.Evaluated),
            rows.Sum(r => r.InForceThisYear), rows.Sum(r => r.Budgeted), average, ratings, rows.Sum(r => r.OpenObstacles));
    }

    public static byte[] Render(Rollup rollup)
    {
        var total = Total(rollup);
        using var pdf = new PdfDocumentBuilder(new PdfPageSetup(Title, rollup.Title, Indonesian.Date(rollup.Today)));
        pdf.Title(Title.ToUpperInvariant(), $"{rollup.Title.ToUpperInvariant()}\nKEADAAN PER {Indonesian.Date(rollup.Today).ToUpperInvariant()}");
        pdf.Heading("A. Ringkasan");
        pdf.KeyValues(
        [
            ("Pemerintah daerah", $"{Indonesian.Number(rollup.Rows.Count)}, {Indonesian.Number(rollup.Using)} di antaranya memakai Sinergi"),
            ("Kerja sama masih berlaku", Indonesian.Number(total.InForce)),
            ("Akan berakhir", Indonesian.Number(total.EndingSoon)),
            ("Dievaluasi tahun ini", Indonesian.Number(total.Evaluated)),
            ("Terintegrasi anggaran", Share(total)),
            ("Nilai rata-rata evaluasi", Rating(total)),
            ("Kendala terbuka", Indonesian.Number(total.OpenObstacles)),
        ]);
        pdf.Heading("B. Rekapitulasi per pemerintah daerah");
        var table = new PdfTable(new("Daerah", 30), new("Berlaku", 10, Numeric: true), new("Akan berakhir", 10, Numeric: true), new("Dievaluasi", 10, Numeric: true),
            new("Terintegrasi anggaran", 16, Numeric: true), new("Nilai rata-rata", 10, Numeric: true), new("Kendala terbuka", 10, Numeric: true));
        foreach (var row in rollup.Rows)
            table.Add(Cells(row, $"{row.Name}\n{row.Code}{(row.UsesSinergi ? "" : " · belum memakai Sinergi")}"));
        table.Total = Cells(total, "Jumlah");
        pdf.Table(table);
        pdf.Heading("C. Pemerintah daerah yang belum memakai Sinergi");
        var absent = rollup.Rows.Where(r => !r.UsesSinergi).Select(r => $"{r.Name} ({r.Code})").ToList();
        pdf.Paragraph(absent.Count == 0 ? "Semua pemerintah daerah sudah memakai Sinergi." : string.Join(", ", absent), PdfFonts.Table);
        pdf.Heading("Catatan", keepWithNext: 40);
        foreach (var note in new[]
        {
            "Kerja sama dihitung pada daerah yang mencatatnya, sehingga tidak ada kerja sama yang terhitung dua kali.",
            "Terintegrasi anggaran: kerja sama berbiaya yang berlaku tahun ini dan mempunyai baris anggaran tahun ini.",
            "Angka sama dengan halaman Rekap daerah pada tanggal yang sama.",
        })
            pdf.Paragraph("• " + note, PdfFonts.Table, muted: true);
        return pdf.ToArray();
    }

    private static string[] Cells(RollupRow row, string name) =>
    [
        name, Indonesian.Number(row.InForce), Indonesian.Number(row.EndingSoon), Indonesian.Number(row.Evaluated), Share(row), Rating(row), Indonesian.Number(row.OpenObstacles),
    ];

    private static string Share(RollupRow row) =>
        row.BudgetShare is double share ? $"{Math.Round(share * 100)}% ({Indonesian.Number(row.Budgeted)}/{Indonesian.Number(row.InForceThisYear)})" : "–";

    private static string Rating(RollupRow row) => row.AverageRating is double rating ? rating.ToString("0.0", Indonesian.Culture) : "–";
}
