using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Notifications;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Notifications;

/// <summary>The monitoring rules (evaluation periods overdue, kendala due) and the region's choices in Pengaturan > Notifikasi, read from a real SMTP server.</summary>
public abstract class ReminderRuleTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task RunAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NotificationRunner>().RunAsync(null, dryRun: false);
    }

    private static int RuleIndex(AngleSharp.Dom.IDocument page, string rule)
    {
        var hidden = page.QuerySelectorAll("input[type=hidden][name$='.Rule']").ToList();
        return hidden.FindIndex(h => h.GetAttribute("value") == rule);
    }

    private static bool MonevOverdue(MimeKit.MimeMessage m) => (m.Subject ?? "").Contains("Laporan monev") && (m.Subject ?? "").Contains("terlambat");

    private static bool ObstacleMail(MimeKit.MimeMessage m) => (m.Subject ?? "").Contains("Tindak lanjut kendala");

    [Fact]
    public async Task Monev_and_kendala_reminders_follow_the_rules_the_admin_sets_for_the_region()
    {
        using var smtp = new SmtpCatcher();
        smtp.Serve(app.Services);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var page = await browser.GetAsync("/Settings/Notifications");
        Assert.Equal("90, 60, 30, 7, 0", page.QuerySelector("#Input_ReminderDays")!.GetAttribute("value"));

        // A day that is no number is refused with its reason, and nothing is saved.
        var refused = await browser.FollowAsync(await browser.SubmitAsync(page, "#notification-rules", [new("Input.ReminderDays", "90, tiga")]));
        Assert.Contains("\"tiga\" bukan hari pengingat yang sah", refused.Body!.TextContent);
        Assert.Equal("90,60,30,7,0", await app.WithDbAsync(db => db.RegionSettings.Where(s => s.RegionCode == Demo.Home).Select(s => s.ReminderDays).SingleOrDefaultAsync()) ?? "90,60,30,7,0");

        // Kendala off; overdue monev reports to the OPD only; expiry at 45 and 10 days.
        var obstacle = RuleIndex(page, ObstacleDueRule.Name);
        var overdue = RuleIndex(page, EvaluationRules.OverdueName);
        Assert.True(obstacle >= 0 && overdue >= 0);
        await browser.FollowAsync(await browser.SubmitAsync(page, "#notification-rules", [new("Input.ReminderDays", "10, 45")],
            cleared: [$"Input.Rules[{obstacle}].Enabled", $"Input.Rules[{overdue}].ToAdmin"]));
        Assert.Equal("45,10", await app.WithDbAsync(db => db.RegionSettings.Where(s => s.RegionCode == Demo.Home).Select(s => s.ReminderDays).SingleAsync()));
        Assert.Equal("45, 10", (await browser.GetAsync("/Settings/Notifications")).QuerySelector("#Input_ReminderDays")!.GetAttribute("value"));

        // The demo's seeding recorded the in-app reminders of its day by the default offsets; only this run's rows are read.
        var seededUpTo = await app.WithDbAsync(db => db.NotificationDeliveries.MaxAsync(d => (long?)d.Id)) ?? 0;
        await RunAsync();
        var monev = smtp.Messages.Where(MonevOverdue).ToList();
        Assert.NotEmpty(monev);
        Assert.DoesNotContain(smtp.To(Demo.Accounts.Admin), MonevOverdue);
        Assert.All(monev, m => Assert.Contains("belum masuk", m.TextBody ?? ""));
        Assert.DoesNotContain(smtp.Messages, ObstacleMail);
        var expiryOffsets = await app.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.Id > seededUpTo && d.RegionCode == Demo.Home && d.Rule == ExpiryRule.Name)
            .Select(d => d.Offset).Distinct().ToListAsync());
        Assert.NotEmpty(expiryOffsets);
        Assert.All(expiryOffsets, o => Assert.Contains(o, new[] { 45, 10 }));

        // Kendala back on: the one past its due date reaches the admin and its OPD, once.
        await app.WithDbAsync(async db =>
        {
            var rules = (await NotificationSettingsStore.ReadAsync(db, Demo.Home)).Rules.Select(r => r.Rule == ObstacleDueRule.Name ? r with { Enabled = true } : r).ToList();
            Assert.Empty(await NotificationSettingsStore.SaveAsync(db, Demo.Home, "45, 10", rules));
        });
        await RunAsync();
        await RunAsync();
        var toAdmin = Assert.Single(smtp.To(Demo.Accounts.Admin), ObstacleMail);
        Assert.Contains("terlambat", toAdmin.Subject);
        Assert.Contains("/Agreements/Details/", toAdmin.TextBody ?? "");
    }
}

public sealed class ReminderRuleTestsOnSqlite(SqliteApp app) : ReminderRuleTests<SqliteApp>(app);

public sealed class ReminderRuleTestsOnPostgres(PostgresApp app) : ReminderRuleTests<PostgresApp>(app);
