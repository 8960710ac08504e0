using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Features.Monitoring;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Monitoring;

public abstract class AssessmentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<HttpClient> ApiAsync(string email)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await app.TokenForAsync(email));
        return client;
    }

    private async Task<(int Id, EvaluationPeriod Period)> ReportedAsync(string title, string opd = Demo.Opds.Dinkes, string filer = Demo.Accounts.DinkesOperator)
    {
        var id = await MonevSteps.AgreementAsync(app, title, MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300), opd);
        var period = await MonevSteps.DuePeriodAsync(app, id);
        var api = await ApiAsync(filer);
        var sent = await api.PostAsJsonAsync($"/api/v1/agreements/{id}/periods/{period.Code}/implementation/submit", new
        {
            outputs = "Pelatihan", progressPercent = 70, realisation = "Sesuai rencana", useOfResults = "Dipakai", sustainability = "Berlanjut",
        });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return (id, period);
    }

    [Fact]
    public async Task Report_then_lokus_review_then_admin_evaluation_with_a_rating_close_the_period()
    {
        var (id, period) = await ReportedAsync("Monev telaah dan evaluasi");
        var tkksd = new Browser(app);
        await tkksd.LoginAsync(Demo.Accounts.Tkksd);
        var waiting = await tkksd.GetAsync("/Evaluations");
        Assert.Contains("Telaah yang menunggu Anda", waiting.Text("#mine-heading"));
        Assert.NotNull(waiting.QuerySelector($"#mine-table tr[data-agreement-id='{id}'][data-period='{period.Code}']"));

        var url = $"/Evaluations/Review/{id}/{period.Code}";
        var form = await tkksd.GetAsync(url);
        var missing = await tkksd.FollowAsync(await tkksd.SubmitAsync(form, "#assessment-form", [new("Input.Answers[kepatuhan]", "sesuai")], action: url + "?handler=Submit"));
        Assert.Contains("Lengkapi dahulu: Koordinasi dengan mitra, Kesesuaian dengan anggaran, Temuan, Rekomendasi", missing.Text("#error-summary"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.AgreementId == id)));
        var reviewed = await tkksd.FollowAsync(await tkksd.SubmitAsync(form, "#assessment-form", [
            new("Input.Answers[kepatuhan]", "sesuai"), new("Input.Answers[koordinasi]", "baik"), new("Input.Answers[anggaran]", "sebagian"),
            new("Input.Findings", "Kegiatan berjalan, serapan anggaran di bawah rencana"), new("Input.Recommendation", "perbaiki")], action: url + "?handler=Submit"));
        Assert.Contains("rekomendasi perbaiki", reviewed.Text("#judgements .judgement[data-kind='review']"));

        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var toClose = await admin.GetAsync("/Evaluations");
        Assert.Contains("Ditelaah", toClose.Text($"#mine-table tr[data-agreement-id='{id}'] .period-state"));
        var evaluate = $"/Evaluations/Evaluate/{id}/{period.Code}";
        var answers = AssessmentCriteria.Evaluation.Select(c => KeyValuePair.Create($"Input.Answers[{c.Code}]", c.Options[0].Code)).ToList();
        var badRating = await admin.FollowAsync(await admin.SubmitAsync(await admin.GetAsync(evaluate), "#assessment-form",
            [.. answers, new("Input.Rating", "7"), new("Input.Recommendation", "perluas")], action: evaluate + "?handler=Submit"));
        Assert.Contains("dari 1 sampai 5", badRating.FieldError("Input.Rating"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.AgreementId == id)));
        var closed = await admin.FollowAsync(await admin.SubmitAsync(badRating, "#assessment-form",
            [.. answers, new("Input.Rating", "4"), new("Input.Recommendation", "perluas")], action: evaluate + "?handler=Submit"));
        Assert.Contains("penilaian 4 dari 5", closed.Text("#judgements .judgement[data-kind='evaluation']"));

        var details = await admin.GetAsync($"/Agreements/Details/{id}");
        Assert.Contains("Selesai", details.Text($"#monev-periods tr[data-period='{period.Code}'] .period-state"));
        var history = (await app.WithDbAsync(db => db.AuditEvents.Where(e => e.EntityType == AuditEntities.Agreement && e.EntityId == id).ToListAsync())).SelectMany(e => e.Changes).ToList();
        Assert.Contains(history, c => c.Field == "Penilaian" && c.New == "4");
    }

    [Fact]
    public async Task A_tkksd_member_not_lokus_of_the_opd_is_refused_until_the_admin_assigns_them()
    {
        var (id, period) = await ReportedAsync("Monev lokus Disdik", opd: "Disdik", filer: await DisdikOperatorAsync());
        var api = await ApiAsync(Demo.Accounts.Tkksd);
        var body = new { answers = new Dictionary<string, string> { ["kepatuhan"] = "sesuai" } };
        var refused = await api.PutAsJsonAsync($"/api/v1/agreements/{id}/periods/{period.Code}/review", body);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("lokus OPD penanggung jawab", await refused.Content.ReadAsStringAsync());

        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var lokus = await admin.GetAsync("/Settings/Lokus");
        var tkksdId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Accounts.Tkksd).Select(u => u.Id).SingleAsync());
        var disdik = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == "Disdik").Select(o => o.Id).SingleAsync());
        var foreign = await app.WithDbAsync(db => db.Opds.Where(o => o.RegionCode == Demo.PartnerRegion).Select(o => o.Id).FirstAsync());
        var bad = await admin.FollowAsync(await admin.SubmitAsync(lokus, "#lokus-form", [new("Assignments", $"{tkksdId}|{foreign}")]));
        Assert.Contains("Tidak ada yang disimpan", bad.Text("#error-summary"));
        var kept = await admin.FollowAsync(await admin.SubmitAsync(lokus, "#lokus-form",
            [.. lokus.QuerySelectorAll("#lokus-form input[name=Assignments][checked]").Select(b => KeyValuePair.Create("Assignments", b.GetAttribute("value")!)),
             new("Assignments", $"{tkksdId}|{disdik}")]));
        Assert.Contains("Lokus TKKSD disimpan", kept.Text("[role=status]"));

        var allowed = await api.PutAsJsonAsync($"/api/v1/agreements/{id}/periods/{period.Code}/review", body);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Review_waits_for_the_report_and_evaluation_waits_for_the_review()
    {
        var id = await MonevSteps.AgreementAsync(app, "Monev urutan", MonevSteps.Today.AddDays(-400), MonevSteps.Today.AddDays(300));
        var period = await MonevSteps.DuePeriodAsync(app, id);
        var review = await (await ApiAsync(Demo.Accounts.Tkksd)).PutAsJsonAsync($"/api/v1/agreements/{id}/periods/{period.Code}/review", new { findings = "x" });
        Assert.Equal(HttpStatusCode.Conflict, review.StatusCode);
        Assert.Contains("setelah OPD mengirim laporan", await review.Content.ReadAsStringAsync());

        var (reported, due) = await ReportedAsync("Monev urutan dua");
        var evaluation = await (await ApiAsync(Demo.Accounts.Admin)).PutAsJsonAsync($"/api/v1/agreements/{reported}/periods/{due.Code}/evaluation", new { rating = 9 });
        Assert.Equal(HttpStatusCode.Conflict, evaluation.StatusCode);
        Assert.Contains("setelah telaah TKKSD", await evaluation.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.WithDbAsync(db => db.Assessments.CountAsync(a => a.AgreementId == reported || a.AgreementId == id)));
    }

    /// <summary>An operator of Disdik, for an OPD the demo TKKSD member is not lokus of.</summary>
    private Task<string> DisdikOperatorAsync() => app.WithDbAsync(async db =>
    {
        const string email = "disdik.monev@sinergi.test";
        if (!await db.Users.AnyAsync(u => u.Email == email))
        {
            using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
            var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
                .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Sinergi.Features.Accounts.AppUser>>(scope.ServiceProvider);
            var opd = await db.Opds.Where(o => o.RegionCode == Demo.Home && o.ShortName == "Disdik").Select(o => o.Id).SingleAsync();
            await Sinergi.Features.Accounts.UserAccounts.CreateAsync(users, Sinergi.Features.Accounts.Granter.Server,
                new(email, "Operator Disdik", Sinergi.Features.Accounts.Roles.OpdOperator, Demo.Home, opd, Demo.Password, MustChangePassword: false), db.UtcNow);
        }
        return email;
    });
}

public sealed class AssessmentTestsOnSqlite(SqliteApp app) : AssessmentTests<SqliteApp>(app);

public sealed class AssessmentTestsOnPostgres(PostgresApp app) : AssessmentTests<PostgresApp>(app);
