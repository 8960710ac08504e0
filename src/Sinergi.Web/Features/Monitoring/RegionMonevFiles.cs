using Sinergi.Infrastructure.Pdf;
using Sinergi.Infrastructure.Spreadsheets;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>The region's monev summary as a PDF and as an xlsx workbook (one sheet per table).</summary>
public static class RegionMonevFiles
{
    public static byte[] Pdf(RegionMonev summary)
    {
        using var pdf = new PdfDocumentBuilder(new PdfPageSetup($"{RegionMonev.Title} · {summary.Period.Name}", summary.GovernmentName, Indonesian.Date(summary.PrintedOn)));
        pdf.Title(RegionMonev.Title.ToUpperInvariant(), $"{summary.GovernmentName.ToUpperInvariant()}\n{summary.Period.Name.ToUpperInvariant()}");
        pdf.KeyValues(
        [
            ("Periode", $"{summary.Period.Name} ({summary.Period.Range})"),
            ("Kerja sama dalam periode", Indonesian.Number(summary.Agreements.Count)),
            ("Sudah dievaluasi", Indonesian.Number(summary.EvaluatedCount)),
            ("Belum dievaluasi", Indonesian.Number(summary.NotEvaluatedCount)),
            ("Rata-rata penilaian", summary.AverageLabel),
            ("Ditandai formalitas", Indonesian.Number(summary.Flagged.Count())),
            ("Kendala terbuka", Indonesian.Number(summary.Obstacles.Count)),
        ]);
        pdf.Heading("A. Kerja sama dan evaluasinya");
        var list = new PdfTable(new("No", 5, Numeric: true), new("Judul dan nomor", 41), new("OPD", 14), new("Penilaian", 14), new("Skor dampak", 12, Numeric: true),
            new("Formalitas", 14));
        var number = 0;
        foreach (var a in summary.Agreements)
            list.Add(Indonesian.Number(++number), a.Title + (a.Number is { } n ? $"\n{n}" : ""), a.Opds,
                a.Rating is int r ? $"{r} dari 5\n{a.Recommendation}" : "Belum dievaluasi", a.Impact.Label, a.FormalitasReason is null ? "—" : "Formalitas");
        pdf.Table(list);
        pdf.Heading("B. Kerja sama yang ditandai formalitas");
        var flagged = new PdfTable(new("Judul", 45), new("Alasan", 55)) { EmptyText = "Tidak ada." };
        foreach (var a in summary.Flagged)
            flagged.Add(a.Title, a.FormalitasReason!);
        pdf.Table(flagged);
        pdf.Heading("C. Kendala terbuka");
        pdf.Table(ObstacleTable(summary));
        pdf.Heading("D. Capaian indikator menurut OPD");
        var opds = new PdfTable(new("OPD", 14), new("Nama OPD", 50), new("Diukur", 12, Numeric: true), new("Tercapai", 12, Numeric: true), new("Capaian", 12, Numeric: true))
            { EmptyText = "Belum ada indikator yang diukur dalam periode ini." };
        foreach (var o in summary.ByOpd)
            opds.Add(o.ShortName, o.Name, Indonesian.Number(o.Measured), Indonesian.Number(o.Achieved), $"{o.Percent}%");
        pdf.Table(opds);
        pdf.Paragraph($"Dievaluasi: ada evaluasi Admin Kerja Sama yang dikirim untuk periode evaluasi yang berakhir dalam {summary.Period.Name}. "
            + $"Skor dampak dan tanda formalitas per {Indonesian.Date(summary.PrintedOn)}. " + ImpactScore.HowReckoned, PdfFonts.Table, muted: true);
        return pdf.ToArray();
    }

    /// <summary>The monev section of the Laporan Pelaksanaan: the figures, every agreement's rating, score and flag, the open obstacles.</summary>
    public static void Section(PdfDocumentBuilder pdf, RegionMonev summary, string heading)
    {
        pdf.Heading(heading);
        pdf.Paragraph($"Kerja sama daerah ini dalam periode: {Indonesian.Number(summary.Agreements.Count)}; sudah dievaluasi {Indonesian.Number(summary.EvaluatedCount)}, "
            + $"belum {Indonesian.Number(summary.NotEvaluatedCount)}; rata-rata penilaian {summary.AverageLabel}; ditandai formalitas {Indonesian.Number(summary.Flagged.Count())}; "
            + $"kendala terbuka {Indonesian.Number(summary.Obstacles.Count)}.", PdfFonts.Table);
        var list = new PdfTable(new("No", 5, Numeric: true), new("Judul", 45), new("OPD", 14), new("Penilaian", 12), new("Skor dampak", 10, Numeric: true), new("Formalitas", 14));
        var number = 0;
        foreach (var a in summary.Agreements)
            list.Add(Indonesian.Number(++number), a.Title, a.Opds, a.Rating is int r ? $"{r} dari 5" : "Belum dievaluasi", a.Impact.Label, a.FormalitasReason is null ? "—" : "Formalitas");
        pdf.Table(list);
        pdf.Table(ObstacleTable(summary));
    }

    private static PdfTable ObstacleTable(RegionMonev summary)
    {
        var table = new PdfTable(new("Kendala", 36), new("Kerja sama", 30), new("OPD", 10), new("Batas", 24)) { EmptyText = "Tidak ada kendala terbuka." };
        foreach (var o in summary.Obstacles)
            table.Add(o.Description, o.Agreement, o.Opd ?? "—", (o.DueOn is { } due ? Indonesian.Date(due) : "—") + (o.Escalated ? "\nDieskalasi ke TKKSD" : ""));
        return table;
    }

    public static void Xlsx(Stream output, RegionMonev summary) => TableExport.WriteXlsx(output,
    [
        new ExportSheet("Ringkasan", [new("Uraian"), new("Nilai")],
        [
            ["Periode", $"{summary.Period.Name} ({summary.Period.Range})"],
            ["Kerja sama dalam periode", summary.Agreements.Count],
            ["Sudah dievaluasi", summary.EvaluatedCount],
            ["Belum dievaluasi", summary.NotEvaluatedCount],
            ["Rata-rata penilaian", summary.AverageRating is { } avg ? avg.ToString("0.0", Indonesian.Culture) : "—"],
            ["Ditandai formalitas", summary.Flagged.Count()],
            ["Kendala terbuka", summary.Obstacles.Count],
        ]),
        new ExportSheet("Kerja sama",
            [new("No", ExportKind.Number), new("Nomor"), new("Judul"), new("OPD"), new("Dievaluasi"), new("Penilaian", ExportKind.Number), new("Rekomendasi"),
                new("Skor dampak", ExportKind.Number), new("Formalitas")],
            summary.Agreements.Select((a, i) => new object?[]
            {
                i + 1, a.Number, a.Title, a.Opds, a.Evaluated ? "Ya" : "Tidak", a.Rating, a.Recommendation, a.Impact.Score, a.FormalitasReason ?? "Tidak",
            })),
        new ExportSheet("Kendala terbuka", [new("Kendala"), new("Kerja sama"), new("OPD"), new("Sejak", ExportKind.Date), new("Batas", ExportKind.Date), new("Dieskalasi")],
            summary.Obstacles.Select(o => new object?[] { o.Description, o.Agreement, o.Opd, o.Since, o.DueOn, o.Escalated ? "Ya" : "Tidak" })),
        new ExportSheet("Indikator per OPD", [new("OPD"), new("Nama OPD"), new("Diukur", ExportKind.Number), new("Tercapai", ExportKind.Number), new("Capaian (%)", ExportKind.Number)],
            summary.ByOpd.Select(o => new object?[] { o.ShortName, o.Name, o.Measured, o.Achieved, o.Percent })),
    ]);
}
