using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Monitoring;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Monitoring;

/// <summary>A region's own criteria of the review and the evaluation, and the criteria an assessment keeps.</summary>
public abstract class CriteriaTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Settings = "/Settings/Monev/Criteria?kind=evaluation";

    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    /// <summary>An agreement whose due period has the OPD's report and the lokus review submitted: the evaluation's turn.</summary>
    private async Task<(int Id, EvaluationPeriod Period)> ReviewedAsync(string title)
    {
        var id = await MonevSteps.AgreementAsync(app, title, MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300));
        var period = await MonevSteps.DuePeriodAsync(app, id);
        var sent = await (await ApiAsync(Demo.Accounts.DinkesOperator)).PostAsJsonAsync($"/api/v1/agreements/{id}/periods/{period.Code}/implementation/submit", new
        {
            outputs = "Pelatihan", progressPercent = 70, realisation = "Sesuai rencana", useOfResults = "Dipakai", sustainability = "Berlanjut",
        });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var reviewed = await (await ApiAsync(Demo.Accounts.Tkksd)).PostAsJsonAsync($"/api/v1/agreements/{id}/periods/{period.Code}/review/submit", new
        {
            answers = AssessmentCriteria.Review.ToDictionary(c => c.Code, c => c.Options[0].Code), findings = "Berjalan", recommendation = "lanjutkan",
        });
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        return (id, period);
    }

    [Fact]
    public async Task Edited_criteria_shape_new_evaluations_while_a_submitted_one_keeps_its_own_questions_and_answers()
    {
        var (old, oldPeriod) = await ReviewedAsync("Kriteria lama");
        var admin = await ApiAsync(Demo.Accounts.Admin);
        var first = await admin.PostAsJsonAsync($"/api/v1/agreements/{old}/periods/{oldPeriod.Code}/evaluation/submit", new
        {
            answers = AssessmentCriteria.Evaluation.ToDictionary(c => c.Code, c => c.Options[0].Code), rating = 4, recommendation = "lanjutkan",
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // The admin renames "Dampak", removes "Inovasi dan manfaat" and adds a question of its own.
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var page = await browser.GetAsync(Settings);
        Assert.Contains("memakai kriteria bawaan", page.Text("#criteria-source"));
        var rows = page.QuerySelectorAll("#criteria-form .criterion-row").ToList();
        int Row(string code) => rows.FindIndex(r => r.GetAttribute("data-code") == code);
        var blank = rows.FindIndex(r => string.IsNullOrEmpty(r.GetAttribute("data-code")));
        var saved = await browser.FollowAsync(await browser.SubmitAsync(page, "#criteria-form", [
            new($"Input.Rows[{Row("dampak")}].Label", "Dampak bagi masyarakat"),
            new($"Input.Rows[{Row("inovasi")}].Remove", "true"),
            new($"Input.Rows[{blank}].Label", "Keterlibatan masyarakat"),
            new($"Input.Rows[{blank}].Options", "Aktif\nPasif\n"),
            new($"Input.Rows[{blank}].Order", "0"),
        ]));
        Assert.Contains("Kriteria evaluasi admin kerja sama disimpan", saved.Text("[role=status]"));
        Assert.Contains("telah diubah", saved.Text("#criteria-source"));

        var (fresh, freshPeriod) = await ReviewedAsync("Kriteria baru");
        var form = await browser.GetAsync($"/Evaluations/Evaluate/{fresh}/{freshPeriod.Code}");
        var questions = form.QuerySelectorAll("#assessment-form fieldset.criterion legend").Select(l => l.TextContent.Trim()).ToList();
        Assert.Equal("Keterlibatan masyarakat", questions[0]);
        Assert.Contains("Dampak bagi masyarakat", questions);
        Assert.DoesNotContain("Inovasi dan manfaat", questions);
        Assert.NotNull(form.QuerySelector("#answer-keterlibatan-masyarakat-aktif"));

        // The API asks the same questions: leaving the new one out is refused and names it.
        var answers = AssessmentCriteria.Evaluation.Where(c => c.Code != "inovasi").ToDictionary(c => c.Code, c => c.Options[0].Code);
        var missing = await admin.PostAsJsonAsync($"/api/v1/agreements/{fresh}/periods/{freshPeriod.Code}/evaluation/submit",
            new { answers, rating = 3, recommendation = "perluas" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("Keterlibatan masyarakat wajib diisi", await missing.Content.ReadAsStringAsync());
        answers["keterlibatan-masyarakat"] = "pasif";
        var second = await admin.PostAsJsonAsync($"/api/v1/agreements/{fresh}/periods/{freshPeriod.Code}/evaluation/submit",
            new { answers, rating = 3, recommendation = "perluas" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var freshView = await browser.GetAsync($"/Evaluations/Evaluate/{fresh}/{freshPeriod.Code}");
        Assert.Contains("Pasif", freshView.Text("#submitted-assessment"));

        // The evaluation submitted before the change still reads as it was answered.
        var earlier = await browser.GetAsync($"/Evaluations/Evaluate/{old}/{oldPeriod.Code}");
        var shown = earlier.Text("#submitted-assessment .assessment-answers");
        Assert.Contains("Inovasi dan manfaat", shown);
        Assert.Contains("Dampak", shown);
        Assert.DoesNotContain("Dampak bagi masyarakat", shown);
        Assert.DoesNotContain("Keterlibatan masyarakat", shown);
        Assert.Contains("Besar", shown);
        var oldDto = await (await admin.GetAsync($"/api/v1/agreements/{old}/periods/{oldPeriod.Code}/evaluation")).Content.ReadAsStringAsync();
        Assert.Contains("Inovasi dan manfaat", oldDto);
        Assert.Contains("\"ada\"", oldDto);

        // The region's criteria read back through the API, then back to the defaults.
        var read = await admin.GetFromJsonAsync<CriteriaApi.CriteriaDto>("/api/v1/monev/criteria/");
        var evaluation = read!.Judgements.Single(j => j.Kind == "evaluation");
        Assert.True(evaluation.Own);
        Assert.Equal("keterlibatan-masyarakat", evaluation.Criteria[0].Code);
        Assert.Contains(evaluation.Criteria, c => c.Code == "dampak" && c.Label == "Dampak bagi masyarakat");
        var reset = await browser.FollowAsync(await browser.SubmitAsync(await browser.GetAsync(Settings), "#reset-criteria", []));
        Assert.Contains("dikembalikan ke bawaan", reset.Text("[role=status]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.RegionCriteria.CountAsync(c => c.RegionCode == Demo.Home)));
    }

    [Fact]
    public async Task Invalid_criteria_are_refused_with_a_message_and_nothing_is_saved()
    {
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var page = await browser.GetAsync("/Settings/Monev/Criteria?kind=review");
        var bad = await browser.FollowAsync(await browser.SubmitAsync(page, "#criteria-form", [
            new("Input.Rows[0].Label", " "),
            new("Input.Rows[1].Options", "Baik\nbaik"),
            new("Input.Rows[2].Options", "Sesuai"),
        ]));
        Assert.Contains("nama kriteria wajib diisi", bad.FieldError("Input.Rows[0].Label"));
        Assert.Contains("pilihan jawaban tidak boleh sama", bad.FieldError("Input.Rows[1].Options"));
        Assert.Contains("paling sedikit dua pilihan jawaban", bad.FieldError("Input.Rows[2].Options"));
        var none = await browser.FollowAsync(await browser.SubmitAsync(page, "#criteria-form",
            [new("Input.Rows[0].Remove", "true"), new("Input.Rows[1].Remove", "true"), new("Input.Rows[2].Remove", "true")]));
        Assert.Contains("Isi paling sedikit satu kriteria", none.Text("#error-summary"));

        var api = await ApiAsync(Demo.Accounts.Admin);
        var refused = await api.PutAsJsonAsync("/api/v1/monev/criteria/review", new
        {
            criteria = new[] { new { code = (string?)null, label = "Kepatuhan", options = new[] { new { code = (string?)null, label = "Ya" } } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("paling sedikit dua pilihan jawaban", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.RegionCriteria.CountAsync(c => c.RegionCode == Demo.Home)));
        var unchanged = await browser.GetAsync("/Settings/Monev/Criteria?kind=review");
        Assert.Contains("memakai kriteria bawaan", unchanged.Text("#criteria-source"));
    }

    [Fact]
    public async Task Only_the_region_admin_changes_criteria()
    {
        var body = new { criteria = new[] { new { label = "Satu", options = new[] { new { label = "Ya" }, new { label = "Tidak" } } } } };
        foreach (var email in new[] { Demo.Accounts.Tkksd, Demo.Accounts.DinkesOperator })
        {
            var refused = await (await ApiAsync(email)).PutAsJsonAsync("/api/v1/monev/criteria/evaluation", body);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await (await ApiAsync(email)).GetAsync("/api/v1/monev/criteria/")).StatusCode);
        }
        var tkksd = new Browser(app);
        await tkksd.LoginAsync(Demo.Accounts.Tkksd);
        await tkksd.GetAsync(Settings);
        Assert.Equal(HttpStatusCode.Forbidden, tkksd.Last!.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.RegionCriteria.CountAsync(c => c.RegionCode == Demo.Home)));
    }
}

public sealed class CriteriaTestsOnSqlite(SqliteApp app) : CriteriaTests<SqliteApp>(app);

public sealed class CriteriaTestsOnPostgres(PostgresApp app) : CriteriaTests<PostgresApp>(app);
