using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Notifications;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Notifications;

/// <summary>Each person's choice of which kinds reach them by email, made on /Notifications and kept by the job (read from a real SMTP server).</summary>
public abstract class EmailPreferenceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task A_kind_turned_off_for_email_still_arrives_in_the_app_but_not_by_mail()
    {
        using var smtp = new SmtpCatcher();
        smtp.Serve(app.Services);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.DinkesOperator);
        var page = await browser.GetAsync("/Notifications");
        Assert.NotNull(page.QuerySelector($"#email-{NotificationKind.Expiry}[checked]"));
        var keep = page.QuerySelectorAll("#email-form input[type=checkbox]").Select(c => c.GetAttribute("value")!)
            .Where(v => v != nameof(NotificationKind.Expiry)).Select(v => KeyValuePair.Create("Email", v)).ToList();
        // Only the boxes given are sent: every kind but expiry.
        var form = page.QuerySelector("#email-form")!;
        foreach (var box in form.QuerySelectorAll("input[type=checkbox]"))
            box.RemoveAttribute("checked");
        await browser.FollowAsync(await browser.SubmitAsync(page, "#email-form", keep));
        page = await browser.GetAsync("/Notifications");
        Assert.Null(page.QuerySelector($"#email-{NotificationKind.Expiry}[checked]"));
        Assert.NotNull(page.QuerySelector($"#email-{NotificationKind.EvaluationDue}[checked]"));

        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<NotificationRunner>().RunAsync(null, dryRun: false);

        var stunting = await app.WithDbAsync(db => db.Agreements.Where(a => a.RegionCode == Demo.Home && a.Title == Demo.Agreements.Stunting).Select(a => a.Number).SingleAsync());
        bool Expiry(MimeKit.MimeMessage m) => (m.Subject ?? "").Contains(stunting!) && (m.Subject ?? "").Contains("berakhir");
        Assert.DoesNotContain(smtp.To(Demo.Accounts.DinkesOperator), Expiry);
        Assert.Single(smtp.To(Demo.Accounts.Admin), Expiry);
        // In the app it is there all the same.
        Assert.Contains(stunting!, (await browser.GetAsync("/Notifications")).Text("#notifications"));
        var ledger = await app.WithDbAsync(db => db.NotificationDeliveries
            .Where(d => d.Rule == ExpiryRule.Name && d.Address == Demo.Accounts.DinkesOperator).CountAsync());
        Assert.Equal(0, ledger);
    }
}

public sealed class EmailPreferenceTestsOnSqlite(SqliteApp app) : EmailPreferenceTests<SqliteApp>(app);

public sealed class EmailPreferenceTestsOnPostgres(PostgresApp app) : EmailPreferenceTests<PostgresApp>(app);
