using System.Net;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Budget;
using Sinergi.Tenancy;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Budget;

public abstract class BudgetLineTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private static readonly int ThisYear = RegionClock.Today(TimeProvider.System, Demo.Home).Year;

    private Task<int> IdOfAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Title == title).Select(a => a.Id).SingleAsync());

    private Task<int> LinesOfAsync(int agreementId) => app.WithDbAsync(db => db.BudgetLines.CountAsync(l => l.AgreementId == agreementId));

    [Fact]
    public async Task The_opd_adds_a_line_on_the_agreement_page_which_shows_planned_against_realised()
    {
        var id = await IdOfAsync(Demo.Agreements.NoBudget);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DisbudparOperator);
        var details = await browser.GetAsync($"/Agreements/Details/{id}");
        Assert.NotNull(details.QuerySelector("#no-budget"));
        var form = await browser.GetAsync(details.QuerySelector("#add-budget-line")!.GetAttribute("href")!);
        Assert.Equal(ThisYear.ToString(), form.QuerySelector("#Input_FiscalYear")!.GetAttribute("value"));

        var saved = await browser.FollowAsync(await browser.SubmitAsync(form, "#budget-line-form",
        [
            new("Input.Source", "Apbd"), new("Input.ProgramCode", "3.26.02"), new("Input.KegiatanCode", "3.26.02.2.01"),
            new("Input.Document", "Dpa"), new("Input.DocumentNumber", "DPA/Disbudpar/2026"),
            new("Input.Planned", "420.000.000"), new("Input.Realised", "105.000.000"),
        ]));
        Assert.Equal($"/Agreements/Details/{id}", saved.Url.Split('#')[0].Replace("http://localhost", ""));
        var year = saved.Text("#budget-years tbody tr");
        Assert.Contains(ThisYear.ToString(), year);
        Assert.Contains("Rp420.000.000", year);
        Assert.Contains("Rp105.000.000", year);
        Assert.Contains("25%", year);
        Assert.Contains("Anggaran ditambahkan", saved.Text("#history"));
        Assert.Equal(1, await LinesOfAsync(id));
    }

    public static TheoryData<string, string, string, string> BadInput => new()
    {
        // field, value, second field, second value → the message on the first named field
        { "Input.ProgramCode", "4.1.03", "Input.Planned", "1000000" },
        { "Input.KegiatanCode", "3.26.05.2.01", "Input.Planned", "1000000" },
        { "Input.Planned", "-5000", "Input.ProgramCode", "3.26.02" },
        { "Input.RealisationNote", "", "Input.Realised", "2000000" },
        { "Input.FiscalYear", (ThisYear + 6).ToString(), "Input.Planned", "1000000" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gets_an_indonesian_message_on_its_field_and_saves_nothing(string field, string value, string other, string otherValue)
    {
        var id = await IdOfAsync(Demo.Agreements.NoBudgetToo);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var form = await browser.GetAsync($"/Agreements/Budget/{id}");
        var values = new Dictionary<string, string>
        {
            ["Input.Source"] = "Apbd", ["Input.ProgramCode"] = "3.26.02", ["Input.Planned"] = "1000000", [field] = value, [other] = otherValue,
        };
        var refused = await browser.FollowAsync(await browser.SubmitAsync(form, "#budget-line-form", values));
        Assert.Equal(HttpStatusCode.OK, browser.Last!.StatusCode);
        var message = refused.FieldError(field);
        Assert.False(string.IsNullOrEmpty(message), $"no message on {field}: {refused.Text("#error-summary")}");
        Assert.Contains(field switch
        {
            "Input.ProgramCode" => "X.XX.XX",
            "Input.KegiatanCode" => "tidak berada di bawah program 3.26.02",
            "Input.Planned" => "tidak boleh negatif",
            "Input.RealisationNote" => "melebihi pagu",
            _ => "masa berlaku kerja sama",
        }, message);
        Assert.Equal(0, await LinesOfAsync(id));
    }

    [Fact]
    public async Task An_opd_cannot_record_budget_for_another_opds_agreement()
    {
        var id = await IdOfAsync(Demo.Agreements.NoBudget);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var details = await browser.GetAsync($"/Agreements/Details/{id}");
        Assert.Null(details.QuerySelector("#add-budget-line"));
        await browser.GetAsync($"/Agreements/Budget/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, browser.Last!.StatusCode);
    }

    [Fact]
    public async Task Changing_a_line_keeps_its_history_and_a_stale_form_is_told()
    {
        var id = await IdOfAsync(Demo.Agreements.Budgeted);
        var lineId = await app.WithDbAsync(db => db.BudgetLines.Where(l => l.AgreementId == id && l.FiscalYear == ThisYear).Select(l => l.Id).SingleAsync());
        var first = new Browser(app);
        await first.LoginAsync(Demo.Accounts.DinkesOperator);
        var second = new Browser(app);
        await second.LoginAsync(Demo.Accounts.Admin);
        var mine = await first.GetAsync($"/Agreements/Budget/Line/{lineId}");
        var theirs = await second.GetAsync($"/Agreements/Budget/Line/{lineId}");

        await first.FollowAsync(await first.SubmitAsync(mine, "#budget-line-form",
            [new("Input.Breakdown", "Quarterly"), new("Input.Quarters[0]", "1.000.000"), new("Input.Quarters[1]", "2.000.000"), new("Input.Realised", "")]));
        var line = await app.WithDbAsync(db => db.BudgetLines.SingleAsync(l => l.Id == lineId));
        Assert.Equal(3_000_000m, line.Realised);
        Assert.Equal(RealisationBreakdown.Quarterly, line.Breakdown);

        var stale = await second.FollowAsync(await second.SubmitAsync(theirs, "#budget-line-form", [new("Input.DocumentNumber", "DPA/ubah/2026")]));
        Assert.Contains("baru saja diubah orang lain", stale.Text("#error-summary"));
        Assert.Equal(line.DocumentNumber, await app.WithDbAsync(db => db.BudgetLines.Where(l => l.Id == lineId).Select(l => l.DocumentNumber).SingleAsync()));
    }
}

public sealed class BudgetLineTestsOnSqlite(SqliteApp app) : BudgetLineTests<SqliteApp>(app);

public sealed class BudgetLineTestsOnPostgres(PostgresApp app) : BudgetLineTests<PostgresApp>(app);
