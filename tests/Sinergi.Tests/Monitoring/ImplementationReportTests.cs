using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Monitoring;
using Sinergi.Tests.Infrastructure.Files;
using Sinergi.Tests.Testing;
using Sinergi.Web;

namespace Sinergi.Tests.Monitoring;

public abstract class ImplementationReportTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<(int Id, EvaluationPeriod Period, string Url)> FreshAsync(string title, string opd = Demo.Opds.Dinkes)
    {
        var id = await MonevSteps.AgreementAsync(app, title, MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300), opd);
        var period = await MonevSteps.DuePeriodAsync(app, id);
        return (id, period, $"/Evaluations/Agreement/{id}/{period.Code}");
    }

    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    private Task<int> ReportCountAsync(int id) => app.WithDbAsync(db => db.ImplementationReports.CountAsync(r => r.AgreementId == id));

    [Fact]
    public async Task Operator_saves_a_draft_then_a_submit_with_answers_missing_lists_them_and_a_complete_one_is_kept_read_only()
    {
        var (id, period, url) = await FreshAsync("Monev laporan lengkap");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var form = await browser.GetAsync(url);
        var activityDate = Indonesian.Date(period.Start.AddDays(10));
        var saved = await browser.FollowAsync(await browser.SubmitAsync(form, "#report-form", [
            new("Input.Activities[0].Date", activityDate), new("Input.Activities[0].Description", "Sosialisasi di kelurahan"),
            new("Input.Activities[0].Place", "Kelurahan Langkai"), new("Input.Activities[0].Participants", "30 kader")]));
        Assert.Contains("Draf laporan disimpan", saved.Text("[role=status]"));

        var missing = await browser.FollowAsync(await browser.SubmitAsync(saved, "#report-form", [], action: url + "?handler=Submit"));
        var summary = missing.Text("#error-summary");
        Assert.Contains("Lengkapi dahulu: Keluaran (output), Kemajuan (%), Realisasi terhadap rencana, Pemanfaatan hasil, Keberlanjutan", summary);
        Assert.Contains("wajib diisi sebelum laporan dikirim", missing.FieldError("Input.Outputs"));
        Assert.Equal("Draf", (await app.WithDbAsync(db => db.ImplementationReports.SingleAsync(r => r.AgreementId == id))).State.ToString());

        var sent = await browser.FollowAsync(await browser.SubmitAsync(missing, "#report-form", MonevSteps.CompleteAnswers, action: url + "?handler=Submit"));
        Assert.Contains("dikirim", sent.Text("[role=status]"));
        Assert.Contains("Sosialisasi di kelurahan", sent.Text("#submitted-report .activities"));
        Assert.Contains("60%", sent.Text("#submitted-report .progress-percent"));
        Assert.Null(sent.QuerySelector("#report-form"));
        Assert.NotNull(sent.QuerySelector("#correct-form"));

        var details = await browser.GetAsync($"/Agreements/Details/{id}");
        Assert.Contains("Dikirim", details.Text($"#monev-periods tr[data-period='{period.Code}'] .period-state"));
        Assert.Contains(AuditActions.Submitted, details.Text("#history li:first-child"));
    }

    [Fact]
    public async Task Progress_outside_0_to_100_and_an_activity_outside_the_period_are_refused_and_nothing_is_saved()
    {
        var (id, period, url) = await FreshAsync("Monev isian keliru");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var refused = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync(url), "#report-form", [
            new("Input.ProgressPercent", "150"),
            new("Input.Activities[0].Date", Indonesian.Date(period.End.AddDays(1))), new("Input.Activities[0].Description", "Rapat")]));
        Assert.Contains("dari 0 sampai 100", refused.FieldError("Input.ProgressPercent"));
        Assert.Contains("harus di dalam periode", refused.FieldError("Input.Activities[0].Date"));
        Assert.Equal(0, await ReportCountAsync(id));

        var api = await ApiAsync(Demo.Accounts.DinkesOperator);
        var response = await api.PutAsJsonAsync($"/api/v1/agreements/{id}/periods/{period.Code}/implementation", new { progressPercent = -5 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("progressPercent", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await ReportCountAsync(id));
    }

    [Fact]
    public async Task A_period_the_agreement_was_not_in_force_and_a_caller_who_is_not_its_OPD_are_refused()
    {
        var (id, period, url) = await FreshAsync("Monev periode dan OPD");
        var api = await ApiAsync(Demo.Accounts.DinkesOperator);
        var before = await api.PutAsJsonAsync($"/api/v1/agreements/{id}/periods/{MonevSteps.Today.Year - 3}-s1/implementation", new { outputs = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Contains("tidak berlaku pada periode", await before.Content.ReadAsStringAsync());

        var other = await ApiAsync(Demo.Accounts.DisbudparOperator);
        var refused = await other.PutAsJsonAsync($"/api/v1/agreements/{id}/periods/{period.Code}/implementation", new { outputs = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("OPD penanggung jawab", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await ReportCountAsync(id));

        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DisbudparOperator);
        var page = await browser.GetAsync(url);
        Assert.Null(page.QuerySelector("#report-form"));
        Assert.Contains("OPD penanggung jawab", page.Text("#not-filer"));
    }

    [Fact]
    public async Task A_correction_is_a_new_version_with_its_reason_and_the_submitted_one_stays_readable()
    {
        var (id, period, url) = await FreshAsync("Monev koreksi");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var sent = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync(url), "#report-form", MonevSteps.CompleteAnswers, action: url + "?handler=Submit"));

        var noReason = await browser.FollowAsync(await browser.SubmitAsync(sent, "#correct-form", []));
        Assert.Contains("Alasan koreksi wajib diisi", noReason.FieldError("Correction.Reason"));
        Assert.Equal(1, await ReportCountAsync(id));

        var correcting = await browser.FollowAsync(await browser.SubmitAsync(sent, "#correct-form", [new("Correction.Reason", "Jumlah kelurahan salah ketik")]));
        var corrected = await browser.FollowAsync(await browser.SubmitAsync(correcting, "#report-form",
            [new("Input.Outputs", "Pelatihan kader posyandu di 14 kelurahan")], action: url + "?handler=Submit"));
        Assert.Contains("versi 2", corrected.Text("#submitted-heading"));
        Assert.Contains("14 kelurahan", corrected.Text("#submitted-report .report-outputs"));
        Assert.Contains("Jumlah kelurahan salah ketik", corrected.Text("#submitted-report .correction-reason"));
        Assert.Contains("12 kelurahan", corrected.Text("#earlier-versions .earlier-version[data-revision='1']"));

        var first = await app.WithDbAsync(db => db.ImplementationReports.Include(r => r.Activities).SingleAsync(r => r.AgreementId == id && r.Revision == 1));
        Assert.Equal(("Pelatihan kader posyandu di 12 kelurahan", ReportState.Dikirim), (first.Outputs, first.State));
        var history = await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == AuditEntities.Agreement && e.EntityId == id).Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditActions.Submitted, history);
        Assert.Contains(AuditActions.Corrected, history);
        Assert.Equal(period.Code, first.PeriodCode);
    }

    [Fact]
    public async Task Two_submits_at_once_one_wins_and_the_other_is_told_who_sent_it()
    {
        var (id, period, _) = await FreshAsync("Monev kirim bersamaan");
        var api = await ApiAsync(Demo.Accounts.DinkesOperator);
        var route = $"/api/v1/agreements/{id}/periods/{period.Code}/implementation";
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync(route, new
        {
            outputs = "Modul pelatihan", progressPercent = 40, realisation = "Sesuai rencana", useOfResults = "Dipakai kader", sustainability = "Berlanjut",
        })).StatusCode);
        var second = await ApiAsync(Demo.Accounts.DinkesOperator);
        var answers = await Task.WhenAll(api.PostAsync(route + "/submit", null), second.PostAsync(route + "/submit", null));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("sudah dikirim oleh Maria Simanjuntak", await loser.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.WithDbAsync(db => db.ImplementationReports.CountAsync(r => r.AgreementId == id && r.State == ReportState.Dikirim)));
        var submissions = await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.EntityType == AuditEntities.ImplementationReport && e.Action == AuditActions.Submitted
            && db.ImplementationReports.Any(r => r.Id == e.EntityId && r.AgreementId == id)));
        Assert.Equal(1, submissions);
    }

    [Fact]
    public async Task Evidence_pdf_is_checked_by_content_attached_to_the_draft_and_kept_with_the_agreement_documents()
    {
        var (id, _, url) = await FreshAsync("Monev bukti");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var page = await browser.GetAsync(url);
        async Task<IDocument> UploadAsync(string name, byte[] bytes)
        {
            var token = page.QuerySelector("#evidence-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "Evidence", name } };
            return await browser.FollowAsync(await browser.Http.PostAsync(url + "?handler=Upload", form));
        }
        var refused = await UploadAsync("foto.pdf", TestFiles.WindowsProgram());
        Assert.Contains("bukan PDF yang sah", refused.Text("#evidence-form"));
        Assert.Equal(0, await ReportCountAsync(id));

        var attached = await UploadAsync("daftar-hadir.pdf", TestFiles.Pdf("DAFTAR HADIR", "Sosialisasi kader posyandu"));
        Assert.Contains("daftar-hadir.pdf", attached.Text(".evidence"));
        var details = await browser.GetAsync($"/Agreements/Details/{id}");
        Assert.Contains("daftar-hadir.pdf", details.Text("#dokumen"));
    }

    [Fact]
    public async Task The_monev_list_shows_a_saved_draft_at_once_though_it_is_kept_between_requests()
    {
        var (id, period, _) = await FreshAsync("Monev daftar tersimpan");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var row = $"#mine-table tr[data-agreement-id='{id}'][data-period='{period.Code}'] .period-state";
        Assert.Equal("Belum diisi", (await browser.GetAsync("/Evaluations")).Text(row));
        Assert.Equal("Belum diisi", (await browser.GetAsync("/Evaluations")).Text(row));

        var api = await ApiAsync(Demo.Accounts.DinkesOperator);
        var saved = await api.PutAsJsonAsync($"/api/v1/agreements/{id}/periods/{period.Code}/implementation", new { outputs = "Pelatihan kader" });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Draf", (await browser.GetAsync("/Evaluations")).Text(row));
    }

    [Fact]
    public async Task A_long_monev_list_comes_in_pages_of_fifty_that_keep_the_filters()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var first = await browser.GetAsync("/Evaluations");
        var total = int.Parse(first.Text("#count-all").Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; total <= Sinergi.Features.Monitoring.IndexModel.PageSize; i++)
        {
            await MonevSteps.AgreementAsync(app, $"Monev zz daftar panjang {i}", MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300), Demo.Opds.Dinkes);
            total = int.Parse((await browser.GetAsync("/Evaluations")).Text("#count-all").Replace(".", ""), System.Globalization.CultureInfo.InvariantCulture);
        }
        first = await browser.GetAsync("/Evaluations");
        Assert.Equal(Sinergi.Features.Monitoring.IndexModel.PageSize, first.QuerySelectorAll("#due-table tbody tr").Length);
        Assert.Contains("Halaman 1 dari", first.Text("#due-pages"));

        var pages = (total + Sinergi.Features.Monitoring.IndexModel.PageSize - 1) / Sinergi.Features.Monitoring.IndexModel.PageSize;
        var last = await browser.GetAsync($"/Evaluations?p={pages}");
        Assert.Equal(total - (pages - 1) * Sinergi.Features.Monitoring.IndexModel.PageSize, last.QuerySelectorAll("#due-table tbody tr").Length);
        var seen = first.QuerySelectorAll("#due-table tbody tr").Select(r => r.GetAttribute("data-agreement-id") + r.GetAttribute("data-period")).ToHashSet();
        Assert.DoesNotContain(last.QuerySelectorAll("#due-table tbody tr"), r => seen.Contains(r.GetAttribute("data-agreement-id") + r.GetAttribute("data-period")));

        var filtered = await browser.GetAsync("/Evaluations?overdue=true&p=1");
        var next = filtered.QuerySelector("#due-pages a[rel='next']")?.GetAttribute("href");
        if (next is not null)
            Assert.Contains("overdue=true", next);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/Evaluations?p=99999")).StatusCode);
    }

    [Fact]
    public async Task Monev_list_puts_overdue_first_and_shows_the_operator_its_own_reports_to_fill()
    {
        var (id, period, _) = await FreshAsync("Monev daftar terlambat");
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var page = await browser.GetAsync("/Evaluations");
        Assert.Contains("Laporan yang harus Anda isi", page.Text("#mine-heading"));
        var mine = page.QuerySelectorAll("#mine-table tbody tr").ToList();
        Assert.Contains(mine, r => r.GetAttribute("data-agreement-id") == id.ToString() && r.GetAttribute("data-period") == period.Code);
        Assert.All(mine, r => Assert.Contains("Dinkes", r.TextContent));
        var rows = page.QuerySelectorAll("#due-table tbody tr").ToList();
        var firstOnTime = rows.FindIndex(r => r.QuerySelector(".overdue") is null);
        Assert.True(firstOnTime < 0 || rows.Skip(firstOnTime).All(r => r.QuerySelector(".overdue") is null), "overdue rows come first");

        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var overdue = await admin.GetAsync("/Evaluations?overdue=true");
        Assert.Contains("yang terlambat", overdue.Text("#mine-heading"));
        Assert.All(overdue.QuerySelectorAll("#due-table tbody tr"), r => Assert.NotNull(r.QuerySelector(".overdue")));
        Assert.Contains("Monev daftar terlambat", overdue.Text("#due-table"));
    }

    [Fact]
    public async Task Region_cadence_and_an_agreement_override_change_its_periods()
    {
        var id = await MonevSteps.AgreementAsync(app, "Monev jadwal", MonevSteps.Today.AddDays(-200));
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var details = await admin.GetAsync($"/Agreements/Details/{id}");
        Assert.Contains("Semesteran", details.Text("#monev-cadence"));
        Assert.All(details.QuerySelectorAll("#monev-periods tr[data-period]"), r => Assert.Matches(@"-s[12]$", r.GetAttribute("data-period")!));

        var quarterly = await admin.FollowAsync(await admin.SubmitAsync(details, "#schedule-form", [new("Cadence", nameof(EvaluationCadence.Triwulanan))]));
        Assert.Contains("khusus kerja sama ini", quarterly.Text("#monev-cadence"));
        Assert.All(quarterly.QuerySelectorAll("#monev-periods tr[data-period]"), r => Assert.Matches(@"-q[1-4]$", r.GetAttribute("data-period")!));
        Assert.True(quarterly.Text("#history").Contains("Jadwal evaluasi"), quarterly.Text("#history"));

        var operatorView = new Browser(app);
        await operatorView.LoginAsync(Demo.Accounts.DinkesOperator);
        Assert.Null((await operatorView.GetAsync($"/Agreements/Details/{id}")).QuerySelector("#schedule-form"));
    }
}

public sealed class ImplementationReportTestsOnSqlite(SqliteApp app) : ImplementationReportTests<SqliteApp>(app);

public sealed class ImplementationReportTestsOnPostgres(PostgresApp app) : ImplementationReportTests<PostgresApp>(app);
