using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Agreements;
using Sinergi.Features.Notifications;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Notifications;

/// <summary>The daily job end to end, read from a real SMTP server: once per offset, across runs and restarts, and not after an extension.</summary>
public abstract class ReminderJobTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string PartnerContact = "kerjasama@upr.ac.id";

    private static async Task<NotificationRunner.Outcome> RunAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationRunner>().RunAsync(null, dryRun: false);
    }

    private Task<int> UnreadAsync() => app.WithDbAsync(async db =>
    {
        var admin = await db.Users.Where(u => u.Email == Demo.Accounts.Admin).Select(u => u.Id).SingleAsync();
        return await db.Notifications.CountAsync(n => n.UserId == admin && n.ReadAt == null);
    });

    private Task<Agreement> AgreementAsync(string title) =>
        app.WithDbAsync(db => db.Agreements.SingleAsync(a => a.RegionCode == Demo.Home && a.Title == title));

    /// <summary>Expiry mails about the agreement (the 55 days may reach January, when the budget rule speaks too).</summary>
    private static int About(SmtpCatcher smtp, Agreement agreement) =>
        smtp.Messages.Count(m => (m.Subject ?? "").Contains(agreement.Number!) && (m.Subject ?? "").Contains("berakhir"));

    [Fact]
    public async Task Each_reminder_reaches_its_people_once_across_runs_and_restarts_and_stops_after_an_extension()
    {
        using var smtp = new SmtpCatcher();
        smtp.Serve(app.Services);
        await app.WithDbAsync(async db =>
        {
            var upr = await db.Partners.SingleAsync(p => p.RegionCode == Demo.Home && p.Name == "Universitas Palangka Raya");
            upr.ContactEmail = PartnerContact;
            await db.SaveChangesAsync();
        });
        var stunting = await AgreementAsync(Demo.Agreements.Stunting);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        // The demo already shows the reminders due on its day: the seeding ran the job's rules for the bell, and left the emails to the job.
        var seeded = await UnreadAsync();
        Assert.True(seeded > 0, "the demo's admin has reminders already due");
        Assert.Equal(seeded.ToString(), (await browser.GetAsync("/")).QuerySelector("#bell-count")!.TextContent.Trim());
        Assert.Contains(stunting.Number!, (await browser.GetAsync("/Notifications")).Text("#notifications"));

        var first = await RunAsync(app.Services);
        Assert.True(first.Sent > 0 && first.Retrying == 0 && first.Failed == 0, $"sent {first.Sent}, retrying {first.Retrying}, failed {first.Failed}");
        Assert.Equal(first.Sent, smtp.Messages.Count);

        // Admin, the Dinkes operator and the partner's contact each get the stunting reminder once, with its number, end date and link.
        bool StuntingExpiry(MimeKit.MimeMessage m) => (m.Subject ?? "").Contains(stunting.Number!) && (m.Subject ?? "").Contains("berakhir");
        var toAdmin = Assert.Single(smtp.To(Demo.Accounts.Admin), StuntingExpiry);
        Assert.Contains("berakhir dalam 25 hari", toAdmin.Subject ?? "");
        Assert.Contains(stunting.Title, toAdmin.TextBody ?? "");
        Assert.Contains(Sinergi.Web.Indonesian.Date(stunting.EndsOn!.Value), toAdmin.TextBody ?? "");
        Assert.Contains($"http://localhost:5000/Agreements/Details/{stunting.Id}", toAdmin.TextBody ?? "");
        Assert.Single(smtp.To(Demo.Accounts.DinkesOperator), StuntingExpiry);
        Assert.Single(smtp.To(PartnerContact), StuntingExpiry);
        Assert.DoesNotContain(smtp.To(Demo.Accounts.DisbudparOperator), StuntingExpiry);

        // The seeding gave the in-app reminders of this day already: the first run sends their emails and adds nothing to the bell.
        Assert.Equal(seeded, await UnreadAsync());

        // The same day again, and a second node (a restart), send nothing.
        var again = await RunAsync(app.Services);
        Assert.Equal((0, 0), (again.Recorded, again.Sent));
        using (var node = app.AnotherNode())
        {
            smtp.Serve(node.Services);
            var restarted = await RunAsync(node.Services);
            Assert.Equal((0, 0), (restarted.Recorded, restarted.Sent));
        }
        Assert.Equal(first.Sent, smtp.Messages.Count);

        // 55 days on: the extended agreement gets no 30-day mail; one that was not extended gets its 7-day mail.
        var extended = await AgreementAsync(Demo.Agreements.Ends80);
        var control = await AgreementAsync(Demo.Agreements.Budgeted);
        var (extendedBefore, controlBefore) = (About(smtp, extended), About(smtp, control));
        Assert.True(extendedBefore > 0 && controlBefore > 0);
        await app.WithDbAsync(async db =>
        {
            db.Agreements.Add(new Agreement
            {
                RegionCode = Demo.Home, Title = extended.Title + " Periode Kedua", Lifecycle = AgreementLifecycle.Aktif, ExtendsId = extended.Id,
                SignedOn = extended.EndsOn!.Value.AddDays(-30), StartsOn = extended.EndsOn.Value.AddDays(1), EndsOn = extended.EndsOn.Value.AddYears(2),
            });
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(TimeSpan.FromDays(55));
        try
        {
            await RunAsync(app.Services);
            // New rules fired (the 7-day reminders): the bell count rises.
            var later = await UnreadAsync();
            Assert.True(later > seeded, $"bell {seeded} before, {later} after");
            // 55 days on, the earlier sign-in has expired: the admin signs in again and reads the bell.
            var returning = new Browser(app);
            await returning.LoginAsync(Demo.Accounts.Admin);
            Assert.Equal(later.ToString(), (await returning.GetAsync("/")).QuerySelector("#bell-count")!.TextContent.Trim());
            Assert.Equal(extendedBefore, About(smtp, extended));
            Assert.True(About(smtp, control) > controlBefore, "the agreement that was not extended got its next reminder");
            Assert.Contains(smtp.To(Demo.Accounts.Admin), m => (m.Subject ?? "").Contains(control.Number!) && (m.Subject ?? "").Contains("dalam 5 hari"));
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-55));
        }

        var page = await browser.GetAsync("/Notifications");
        Assert.Contains(stunting.Number!, page.Text("#notifications"));
        await browser.FollowAsync(await browser.SubmitAsync(page, "form[action*='ReadAll']", []));
        Assert.Null((await browser.GetAsync("/")).QuerySelector("#bell-count"));
    }
}

public sealed class ReminderJobTestsOnSqlite(SqliteApp app) : ReminderJobTests<SqliteApp>(app);

public sealed class ReminderJobTestsOnPostgres(PostgresApp app) : ReminderJobTests<PostgresApp>(app);
