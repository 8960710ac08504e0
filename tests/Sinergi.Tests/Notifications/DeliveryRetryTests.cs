using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sinergi.Cli;
using Sinergi.Features.Notifications;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Notifications;

/// <summary>A refusing SMTP server: deliveries wait longer each time, end as failed for the admin to see, and no page fails.</summary>
public abstract class DeliveryRetryTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private async Task<NotificationRunner.Outcome> RunAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationRunner>().RunAsync(null, dryRun: false);
    }

    private Task<List<NotificationDelivery>> EmailsAsync() =>
        app.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.Channel == NotificationChannel.Email).ToListAsync());

    [Fact]
    public async Task A_refused_email_is_retried_with_backoff_then_failed_and_shown_to_the_admin()
    {
        using var smtp = new SmtpCatcher { Refuse = true };
        smtp.Serve(app.Services);
        var options = app.Services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        (options.MaxAttempts, options.RetryMinutes) = (3, 5);

        // The verb's dry run prints what it would send and records nothing.
        var printed = new StringWriter();
        Assert.Equal(0, await NotifyVerb.RunAsync(app.Services, VerbArguments.Parse(["--dry-run"]), printed));
        Assert.Contains("akan dikirim", printed.ToString());
        Assert.Contains(Demo.Accounts.Admin, printed.ToString());
        Assert.Empty(await EmailsAsync());

        var first = await RunAsync();
        Assert.True(first.Retrying > 0);
        Assert.Equal(0, first.Sent);
        Assert.Empty(smtp.Messages);
        Assert.All(await EmailsAsync(), d => Assert.Equal((DeliveryStatus.Pending, 1), (d.Status, d.Attempts)));

        var admin = new Browser(app);
        await admin.LoginAsync(Demo.Accounts.Admin);
        var waiting = await admin.GetAsync("/Notifications/Deliveries");
        Assert.Equal(System.Net.HttpStatusCode.OK, admin.Last!.StatusCode);
        Assert.Contains("Server SMTP menolak pesan ini", waiting.Text("#deliveries"));
        Assert.Contains("Dicoba lagi", waiting.Text("#deliveries"));

        // Not before its time: the first retry waits 5 minutes, the second 10.
        Assert.Equal(0, (await RunAsync()).Retrying);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True((await RunAsync()).Retrying > 0);
        Assert.All(await EmailsAsync(), d => Assert.Equal(2, d.Attempts));
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(0, (await RunAsync()).Failed);
        app.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.True((await RunAsync()).Failed > 0);
        Assert.All(await EmailsAsync(), d => Assert.Equal((DeliveryStatus.Failed, 3), (d.Status, d.Attempts)));

        var failed = await admin.GetAsync("/Notifications/Deliveries");
        Assert.All(failed.QuerySelectorAll("#deliveries .delivery"), r => Assert.Equal("Failed", r.GetAttribute("data-status")));
        Assert.Contains("Gagal", failed.Text("#deliveries"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.Http.GetAsync("/Notifications")).StatusCode);

        // A failed delivery stays failed: the server accepting mail again sends nothing twice.
        smtp.Refuse = false;
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, (await RunAsync()).Sent);
        Assert.Empty(smtp.Messages);
    }
}

public sealed class DeliveryRetryTestsOnSqlite(SqliteApp app) : DeliveryRetryTests<SqliteApp>(app);

public sealed class DeliveryRetryTestsOnPostgres(PostgresApp app) : DeliveryRetryTests<PostgresApp>(app);
