using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Infrastructure.Pdf;
using Sinergi.Web;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// The evaluation report of one agreement for one period, as a PDF: the OPD's report, the lokus
/// review and the admin's evaluation (each its latest submitted version), the indicators with that
/// period's target and realisation, the agreement's obstacles, the rating and the recommendation,
/// and the agreement's impact score.
/// </summary>
public static class EvaluationReport
{
    public static string FileName(MonevAgreement agreement, EvaluationPeriod period) => $"evaluasi-{agreement.Id}-{period.Code}.pdf";

    public static async Task<byte[]> RenderAsync(AppDbContext db, MonevAgreement agreement, EvaluationPeriod period, string regionCode, DateOnly today,
        CancellationToken ct = default)
    {
        var report = await db.ImplementationReports.IgnoreQueryFilters().AsNoTracking().Include(r => r.Activities)
            .Where(r => r.AgreementId == agreement.Id && r.RegionCode == regionCode && r.PeriodCode == period.Code && r.State == ReportState.Dikirim)
            .OrderByDescending(r => r.Revision).FirstOrDefaultAsync(ct);
        var judgements = (await db.Assessments.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.AgreementId == agreement.Id && a.RegionCode == regionCode && a.PeriodCode == period.Code && a.State == ReportState.Dikirim)
                .ToListAsync(ct))
            .GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.MaxBy(a => a.Revision)!);
        var indicators = await db.Indicators.IgnoreQueryFilters().AsNoTracking().Include(i => i.Values).Include(i => i.PerformanceIndicator)
            .Where(i => i.AgreementId == agreement.Id).OrderBy(i => i.Id).ToListAsync(ct);
        var obstacles = await db.Obstacles.IgnoreQueryFilters().AsNoTracking().Where(o => o.AgreementId == agreement.Id)
            .OrderBy(o => o.Status == ObstacleStatus.Selesai).ThenBy(o => o.Since).ToListAsync(ct);
        var standing = (await ImpactScores.ForAsync(db, _ => today, [agreement.Id], ct)).GetValueOrDefault(agreement.Id);
        var government = await db.Regions.Where(r => r.Code == agreement.RegionCode).Select(r => r.GovernmentName).SingleAsync(ct);

        using var pdf = new PdfDocumentBuilder(new PdfPageSetup($"Laporan evaluasi · {period.Label}", government, Indonesian.Date(today)));
        pdf.Title("LAPORAN EVALUASI KERJA SAMA", $"{agreement.Title}\n{period.Label.ToUpperInvariant()}");
        pdf.KeyValues(
        [
            ("Nomor", agreement.Number ?? "—"),
            ("Periode", $"{period.Label} ({EvaluationPeriods.Span(period)})"),
            ("Batas pengiriman", Indonesian.Date(period.DueOn)),
            ("Penilaian", judgements.GetValueOrDefault(AssessmentKind.Evaluasi)?.Rating is int rating ? $"{rating} dari 5" : "Belum dievaluasi"),
            ("Rekomendasi", AssessmentCriteria.RecommendationLabel(AssessmentKind.Evaluasi, judgements.GetValueOrDefault(AssessmentKind.Evaluasi)?.Recommendation) ?? "—"),
            ("Skor dampak", standing is null ? "—" : $"{standing.Impact.Label} dari 100"),
            ("Formalitas", standing?.FormalitasReason ?? "Tidak"),
        ]);

        pdf.Heading("A. Laporan pelaksanaan OPD");
        if (report is null)
            pdf.Paragraph("Laporan pelaksanaan periode ini belum dikirim.", PdfFonts.Body, muted: true);
        else
        {
            pdf.KeyValues(
            [
                ("Dikirim", $"{report.SubmittedByName}, {Indonesian.DateTime(report.SubmittedAt ?? report.UpdatedAt, report.RegionCode)} (versi {report.Revision})"),
                ("Keluaran", report.Outputs ?? "—"),
                ("Kemajuan", report.ProgressPercent is int p ? $"{p}%" : "—"),
                ("Realisasi terhadap rencana", report.Realisation ?? "—"),
                ("Pemanfaatan hasil", report.UseOfResults ?? "—"),
                ("Kendala yang dihadapi", report.Obstacles ?? "—"),
                ("Keberlanjutan", report.Sustainability ?? "—"),
            ]);
            var activities = new PdfTable(new("Tanggal", 18), new("Kegiatan", 42), new("Tempat", 20), new("Peserta", 20)) { EmptyText = "Tidak ada kegiatan yang dicatat." };
            foreach (var a in report.Activities.OrderBy(a => a.Date).ThenBy(a => a.Id))
                activities.Add(Indonesian.Date(a.Date), a.Description, a.Place ?? "—", a.Participants ?? "—");
            pdf.Table(activities);
        }

        Judgement(pdf, "B. Telaah TKKSD (lokus)", AssessmentKind.Telaah, judgements.GetValueOrDefault(AssessmentKind.Telaah));
        Judgement(pdf, "C. Evaluasi Admin Kerja Sama", AssessmentKind.Evaluasi, judgements.GetValueOrDefault(AssessmentKind.Evaluasi));

        pdf.Heading("D. Indikator");
        var table = new PdfTable(new("Indikator", 40), new("Satuan", 12), new("Target", 14, Numeric: true), new("Realisasi", 14, Numeric: true), new("Keterangan", 20))
            { EmptyText = "Belum ada indikator." };
        foreach (var indicator in indicators)
        {
            var value = indicator.Values.SingleOrDefault(v => v.PeriodCode == period.Code);
            table.Add(indicator.Name + (indicator.PerformanceIndicator is { } iku ? $"\nMendukung {iku.Code}" : ""), indicator.Unit,
                Indicators.Amount(value?.Target), Indicators.Amount(value?.Realisation),
                value is null ? "Belum dicatat" : Indicators.Achieved(value) ? "Tercapai" : value.Realisation is null ? "Belum dicatat" : "Belum tercapai");
        }
        pdf.Table(table);

        pdf.Heading("E. Kendala");
        var kendala = new PdfTable(new("Kendala", 40), new("Sejak", 16), new("Tindak lanjut", 28), new("Status", 16)) { EmptyText = "Tidak ada kendala tercatat." };
        foreach (var o in obstacles)
            kendala.Add(o.Description, Indonesian.Date(o.Since), $"{o.Action ?? "—"}{(o.Owner is { } owner ? $" ({owner})" : "")}",
                Obstacle.Label(o.Status) + (o.IsEscalatedOn(today) ? "\nDieskalasi ke TKKSD" : ""));
        pdf.Table(kendala);

        if (standing is not null)
        {
            pdf.Heading("F. Skor dampak");
            var parts = new PdfTable(new("Bagian", 30), new("Nilai", 12, Numeric: true), new("Bobot", 12, Numeric: true), new("Dasar", 46));
            foreach (var part in standing.Impact.Parts)
                parts.Add(part.Name, part.Value is int v ? v.ToString(Indonesian.Culture) : "tidak dihitung", $"{part.Weight}%", part.Basis);
            parts.Total = ["Skor dampak", standing.Impact.Label, "", ""];
            pdf.Table(parts);
            pdf.Paragraph(ImpactScore.HowReckoned, PdfFonts.Table, muted: true);
        }
        return pdf.ToArray();
    }

    private static void Judgement(PdfDocumentBuilder pdf, string heading, AssessmentKind kind, Assessment? judgement)
    {
        pdf.Heading(heading);
        if (judgement is null)
        {
            pdf.Paragraph("Belum dikirim.", PdfFonts.Body, muted: true);
            return;
        }
        var pairs = new List<(string, string)> { ("Dikirim", $"{judgement.SubmittedByName}, {Indonesian.DateTime(judgement.SubmittedAt ?? judgement.UpdatedAt, judgement.RegionCode)}") };
        foreach (var criterion in AssessmentCriteria.Of(judgement))
            pairs.Add((criterion.Label, AssessmentCriteria.OptionLabel(criterion, judgement.Answers.GetValueOrDefault(criterion.Code)) ?? "—"));
        pairs.Add((AssessmentCriteria.FindingsLabel(kind), judgement.Findings ?? "—"));
        if (judgement.Rating is int rating)
            pairs.Add(("Penilaian", $"{rating} dari 5"));
        pairs.Add(("Rekomendasi", AssessmentCriteria.RecommendationLabel(kind, judgement.Recommendation) ?? "—"));
        pdf.KeyValues(pairs);
    }
}
