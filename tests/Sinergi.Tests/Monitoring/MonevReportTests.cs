using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Reports;
using Sinergi.Tests.Reports;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Monitoring;

public abstract class MonevReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task The_evaluation_report_of_a_period_carries_the_three_reports_indicators_obstacles_rating_and_recommendation()
    {
        var evaluated = await app.WithDbAsync(db => db.Assessments.IgnoreQueryFilters()
            .Where(a => a.RegionCode == Demo.Home && a.Kind == AssessmentKind.Evaluasi && a.State == ReportState.Dikirim)
            .OrderBy(a => a.Id).Select(a => new { a.AgreementId, a.PeriodCode, a.Rating, a.Recommendation, Title = a.Agreement!.Title }).FirstAsync());
        var review = await app.WithDbAsync(db => db.Assessments.IgnoreQueryFilters()
            .Where(a => a.AgreementId == evaluated.AgreementId && a.PeriodCode == evaluated.PeriodCode && a.Kind == AssessmentKind.Telaah).Select(a => a.Findings).FirstAsync());
        var outputs = await app.WithDbAsync(db => db.ImplementationReports.IgnoreQueryFilters()
            .Where(r => r.AgreementId == evaluated.AgreementId && r.PeriodCode == evaluated.PeriodCode && r.State == ReportState.Dikirim).Select(r => r.Outputs).FirstAsync());
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Pimpinan);
        var page = await admin.GetAsync($"/Evaluations/Agreement/{evaluated.AgreementId}/{evaluated.PeriodCode}");
        var link = page.QuerySelector("#evaluation-pdf")!.GetAttribute("href")!;
        var response = await admin.Http.GetAsync(link);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = PdfText.Read(await response.Content.ReadAsByteArrayAsync());

        Assert.True(pdf.Shows("LAPORAN EVALUASI KERJA SAMA"));
        Assert.True(pdf.Shows(EvaluationPeriods.LabelOf(evaluated.PeriodCode)));
        Assert.True(pdf.Shows(outputs!), "the OPD's outputs");
        Assert.True(pdf.Shows(review!), "the lokus review's findings");
        Assert.True(pdf.Shows($"Penilaian {evaluated.Rating} dari 5"), string.Join("\n", pdf.Lines));
        Assert.True(pdf.Shows(AssessmentCriteria.RecommendationLabel(AssessmentKind.Evaluasi, evaluated.Recommendation)!));
        Assert.True(pdf.Shows("D. Indikator") && pdf.Shows("E. Kendala") && pdf.Shows("F. Skor dampak"));
    }

    [Fact]
    public async Task The_region_summary_as_pdf_and_xlsx_counts_the_evaluated_and_lists_flagged_agreements_obstacles_and_opd_achievement()
    {
        var today = MonevSteps.Today;
        // The demo evaluates the earlier of its two reported semesters: last year's, whole.
        var period = new ReportPeriod(SummaryModel.LastEnded(today).Year - 1, ReportPeriodKind.Tahun);
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var page = await admin.GetAsync("/Evaluations");
        Assert.Contains(SummaryModel.LastEnded(today).Name, (await admin.GetAsync(page.QuerySelector("#summary-link")!.GetAttribute("href")!)).Text("h1"));
        var summaryPage = await admin.GetAsync(SummaryModel.Link(period, null));
        var evaluated = int.Parse(summaryPage.Text("#summary-evaluated"));
        var expected = await app.WithDbAsync(db => db.Assessments.IgnoreQueryFilters()
            .Where(a => a.RegionCode == Demo.Home && a.Kind == AssessmentKind.Evaluasi && a.State == ReportState.Dikirim && a.PeriodEnd >= period.From && a.PeriodEnd <= period.Until)
            .Select(a => a.AgreementId).Distinct().CountAsync());
        Assert.True(expected > 0);
        Assert.Equal(expected, evaluated);
        Assert.True(int.Parse(summaryPage.Text("#summary-flagged")) >= 1);

        var pdf = PdfText.Read(await admin.Http.GetByteArrayAsync(summaryPage.QuerySelector("#summary-pdf")!.GetAttribute("href")!));
        Assert.True(pdf.Shows("RINGKASAN MONITORING DAN EVALUASI KERJA SAMA"));
        Assert.True(pdf.HasLine($"Sudah dievaluasi {evaluated}"), string.Join("\n", pdf.Lines));
        Assert.True(pdf.Shows(Demo.Agreements.Formalitas));
        Assert.True(pdf.Shows("D. Capaian indikator menurut OPD"));

        var bytes = await admin.Http.GetByteArrayAsync(summaryPage.QuerySelector("#summary-xlsx")!.GetAttribute("href")!);
        Assert.Equal(["Ringkasan", "Kerja sama", "Kendala terbuka", "Indikator per OPD"], MiniExcelLibs.MiniExcel.GetSheetNames(new MemoryStream(bytes)));
        var figures = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "Ringkasan").Cast<IDictionary<string, object?>>()
            .ToDictionary(r => (string)r["Uraian"]!, r => r["Nilai"]);
        Assert.Equal(evaluated, Convert.ToInt32(figures["Sudah dievaluasi"], System.Globalization.CultureInfo.InvariantCulture));
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "Kerja sama").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => (string)r["Judul"]! == Demo.Agreements.Formalitas && ((string)r["Formalitas"]!).Contains("lebih dari 6 bulan", StringComparison.Ordinal));
        Assert.Equal(evaluated, rows.Count(r => (string)r["Dievaluasi"]! == "Ya"));
        var opds = MiniExcelLibs.MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "Indikator per OPD").Cast<IDictionary<string, object?>>().ToList();
        Assert.NotEmpty(opds);
    }

    [Fact]
    public async Task The_laporan_pelaksanaan_gains_a_monev_section_with_each_agreements_score_and_flag()
    {
        var period = SummaryModel.LastEnded(MonevSteps.Today);
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var page = await admin.GetAsync(PeriodModel.Link(period.Year, period.Slug, null));
        Assert.Contains("K. Monitoring dan evaluasi", page.Text("#monev-heading"));
        var formalitas = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == Demo.Agreements.Formalitas).Select(a => a.Id).SingleAsync());
        Assert.Contains("lebih dari 6 bulan", page.Text($"#monev-table tr[data-id='{formalitas}'] .formalitas"));
        var pdf = PdfText.Read(await admin.Http.GetByteArrayAsync(PeriodModel.Link(period.Year, period.Slug, null, pdf: true)));
        Assert.True(pdf.Shows("K. Monitoring dan evaluasi"));
        Assert.True(pdf.Shows("Skor dampak"));
    }
}

public sealed class MonevReportTestsOnSqlite(SqliteApp app) : MonevReportTests<SqliteApp>(app);

public sealed class MonevReportTestsOnPostgres(PostgresApp app) : MonevReportTests<PostgresApp>(app);
