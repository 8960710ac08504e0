using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Monitoring;
using Sinergi.Tests.Testing;
using Sinergi.Web;

namespace Sinergi.Tests.Monitoring;

/// <summary>The impact score's arithmetic, without a database.</summary>
public class ImpactScoreTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static List<EvaluationPeriod> Periods() =>
        EvaluationPeriods.For(EvaluationPeriods.Term(Sinergi.Features.Agreements.AgreementLifecycle.Aktif, new(2025, 7, 1), new(2025, 7, 1), null, null),
            EvaluationCadence.Semesteran, 15, Today);

    [Fact]
    public void The_score_is_the_weighted_mean_of_its_parts_and_a_part_with_nothing_to_measure_is_left_out()
    {
        // 2025-s2 reported on time with an activity, 2026-s1 reported late without one; rating 4; 1 of 2 indicators achieved.
        var summary = new MonevSummary
        {
            LatestRating = 4, IndicatorsMeasured = 2, IndicatorsAchieved = 1,
            Periods = [new("2025-s2", new DateOnly(2026, 1, 10), true), new("2026-s1", new DateOnly(2026, 8, 1), false)],
        };
        var score = ImpactScore.Of(Periods(), summary, ImpactWeights.Default, Today);
        Assert.Equal([80, 50, 50, 50], score.Parts.Select(p => p.Value));
        // (80×40 + 50×30 + 50×15 + 50×15) / 100 = 62
        Assert.Equal(62, score.Score);

        summary.IndicatorsMeasured = 0;
        var withoutIndicators = ImpactScore.Of(Periods(), summary, ImpactWeights.Default, Today);
        Assert.Null(withoutIndicators.Parts[1].Value);
        // (80×40 + 50×15 + 50×15) / 70 = 67.1
        Assert.Equal(67, withoutIndicators.Score);

        Assert.Equal(80, ImpactScore.Of(Periods(), summary, new ImpactWeights(100, 0, 0, 0), Today).Score);
        Assert.Null(ImpactScore.Of([], null, ImpactWeights.Default, Today).Score);
    }

    [Fact]
    public void Periods_that_ended_before_the_regions_monev_start_are_not_due()
    {
        var term = EvaluationPeriods.Term(Sinergi.Features.Agreements.AgreementLifecycle.Aktif, new(2022, 3, 1), new(2022, 3, 1), null, null);
        Assert.Equal(10, EvaluationPeriods.For(term, EvaluationCadence.Semesteran, 15, Today).Count);
        // 2025-s2 ends on 31 December 2025: a start on 1 January 2026 drops it, one on 31 December keeps it.
        Assert.Equal(["2026-s1", "2026-s2"], EvaluationPeriods.For(term, EvaluationCadence.Semesteran, 15, Today, new DateOnly(2026, 1, 1)).Select(p => p.Code));
        Assert.Equal("2025-s2", EvaluationPeriods.For(term, EvaluationCadence.Semesteran, 15, Today, new DateOnly(2025, 12, 31))[0].Code);
    }

    [Fact]
    public void Period_codes_read_as_people_say_them()
    {
        Assert.Equal("Semester I 2026", EvaluationPeriods.LabelOf("2026-s1"));
        Assert.Equal("Triwulan II 2026", EvaluationPeriods.LabelOf("2026-q2"));
        Assert.Equal("Tahun 2026", EvaluationPeriods.LabelOf("2026-th"));
        Assert.Equal("Evaluasi akhir", EvaluationPeriods.LabelOf("akhir"));
    }
}

public abstract class ImpactTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static DateOnly Today => MonevSteps.Today;

    [Fact]
    public async Task Formalitas_flags_an_agreement_in_force_six_months_to_the_day_and_not_one_a_day_short()
    {
        var six = await MonevSteps.AgreementAsync(app, "Monev formalitas enam bulan", Today.AddMonths(-6), Today.AddYears(2));
        var short1 = await MonevSteps.AgreementAsync(app, "Monev formalitas kurang sehari", Today.AddMonths(-6).AddDays(1), Today.AddYears(2));
        var flagged = await app.WithDbAsync(db => Formalitas.FlaggedAsync(db, [six, short1], Today, MonevSettings.DefaultFormalitasMonths));
        Assert.Equal([six], flagged);
        // A longer setting moves the boundary with it.
        Assert.Empty(await app.WithDbAsync(db => Formalitas.FlaggedAsync(db, [six, short1], Today, 7)));

        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var page = await admin.GetAsync($"/Agreements/Details/{six}");
        Assert.Contains("lebih dari 6 bulan, tanpa kegiatan tercatat", page.Text("#formalitas-flag"));
        Assert.NotNull(page.QuerySelector("#header-formalitas"));
        Assert.Null((await admin.GetAsync($"/Agreements/Details/{short1}")).QuerySelector("#formalitas-flag"));

        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await app.TokenForAsync(Demo.Accounts.Admin));
        var impact = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, $"/api/v1/agreements/{six}/impact");
        Assert.True(impact.GetProperty("formalitas").GetBoolean());
        Assert.Equal(4, impact.GetProperty("parts").GetArrayLength());
        Assert.Contains("lebih dari 6 bulan", impact.GetProperty("formalitasReason").GetString());

        var list = await admin.GetAsync("/Agreements?flag=formalitas");
        Assert.NotNull(list.QuerySelector($"td.monev-cell[data-agreement-id='{six}'] .formalitas-flag"));
        Assert.Null(list.QuerySelector($"td.monev-cell[data-agreement-id='{short1}']"));
    }

    [Fact]
    public async Task A_submitted_report_with_an_activity_lifts_the_flag_and_raises_the_score_on_the_page_and_in_the_list()
    {
        var id = await MonevSteps.AgreementAsync(app, "Monev formalitas lalu lapor", Today.AddMonths(-7), Today.AddYears(2));
        var period = await MonevSteps.DuePeriodAsync(app, id);
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var before = await admin.GetAsync($"/Agreements/Details/{id}");
        Assert.Equal("0", before.Text("#impact-score"));
        // Read (and so cache) the flagged view before the report goes in.
        Assert.NotNull((await admin.GetAsync("/Agreements?flag=formalitas")).QuerySelector($"td.monev-cell[data-agreement-id='{id}']"));

        var opd = new Browser(app);
        await opd.LoginAsync(Demo.Accounts.DinkesOperator);
        var url = $"/Evaluations/Agreement/{id}/{period.Code}";
        await opd.FollowAsync(await opd.SubmitAsync(await opd.GetAsync(url), "#report-form", [
            .. MonevSteps.CompleteAnswers,
            new("Input.Activities[0].Date", Indonesian.Date(period.Start.AddDays(5))), new("Input.Activities[0].Description", "Rapat koordinasi"),
        ], action: url + "?handler=Submit"));

        var after = await admin.GetAsync($"/Agreements/Details/{id}");
        Assert.Null(after.QuerySelector("#formalitas-flag"));
        Assert.True(int.Parse(after.Text("#impact-score")) > 0, after.Text("#impact"));
        Assert.Null((await admin.GetAsync("/Agreements?flag=formalitas")).QuerySelector($"td.monev-cell[data-agreement-id='{id}']"));
        var summary = await app.WithDbAsync(db => db.MonevSummaries.SingleAsync(s => s.AgreementId == id));
        Assert.True(summary is { Alive: true, HasActivity: true, HasSubmittedReport: true });
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_to_100_are_refused_and_nothing_is_saved()
    {
        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var page = await admin.GetAsync("/Settings/Monev");
        Assert.Contains("rata-rata berbobot", page.Text("#monev-settings"));
        var refused = await admin.FollowAsync(await admin.SubmitAsync(page, "#monev-settings", [new("Input.WeightRating", "50")]));
        Assert.Contains("harus 100; sekarang 110", refused.FieldError("Input.WeightRating"));
        Assert.Equal(ImpactWeights.Default.Rating,
            await app.WithDbAsync(db => db.MonevSettings.Where(s => s.RegionCode == Demo.Home).Select(s => s.WeightRating).SingleAsync()));
    }

    [Fact]
    public async Task The_demo_formalitas_agreement_is_flagged_and_the_demo_starts_monev_a_year_back()
    {
        var id = await app.WithDbAsync(db => db.Agreements.Where(a => a.Title == Demo.Agreements.Formalitas).Select(a => a.Id).SingleAsync());
        var flagged = await app.WithDbAsync(db => Formalitas.Where(db, db.Agreements.Where(a => a.RegionCode == Demo.Home), Today, 6).Select(a => a.Id).ToListAsync());
        Assert.Contains(id, flagged);
        var periods = await MonevSteps.PeriodsAsync(app, id);
        Assert.True(periods.Count <= 4, string.Join(", ", periods.Select(p => p.Code)));
    }

    [Fact]
    public async Task A_database_upgraded_with_monev_rows_but_no_summaries_gets_every_score_back_at_migrate()
    {
        static Task<List<string>> Summaries(AppDbContext db) => db.MonevSummaries.OrderBy(s => s.AgreementId)
            .Select(s => s.AgreementId + ":" + s.Alive + ":" + s.LatestRating + ":" + s.IndicatorsAchieved + "/" + s.IndicatorsMeasured).ToListAsync();
        var before = await app.WithDbAsync(Summaries);
        Assert.NotEmpty(before);

        // As a database from before summaries were kept: the monev rows are there, the summaries are not.
        await app.WithDbAsync(db => db.MonevSummaries.ExecuteDeleteAsync());
        await DatabaseStartup.MigrateAsync(app.Services);
        Assert.Equal(before, await app.WithDbAsync(Summaries));

        // A second start finds nothing missing and changes nothing.
        Assert.Equal(0, await app.WithDbAsync(db => MonevSummaries.BackfillAsync(db)));
        Assert.Equal(before, await app.WithDbAsync(Summaries));
    }
}

public sealed class ImpactTestsOnSqlite(SqliteApp app) : ImpactTests<SqliteApp>(app);

public sealed class ImpactTestsOnPostgres(PostgresApp app) : ImpactTests<PostgresApp>(app);
