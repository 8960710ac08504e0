using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sinergi.Features.Notifications;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Notifications;

/// <summary>The region's webhook against a real HTTP listener on loopback: its checks, the secret kept back, the test send, signed deliveries in the ledger with retries.</summary>
public abstract class WebhookTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    private const string Secret = "rahasia-uji-webhook-2026";

    private async Task RunAsync()
    {
        using var scope = app.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NotificationRunner>().RunAsync(null, dryRun: false);
    }

    [Fact]
    public async Task Notifications_reach_the_region_webhook_signed_once_and_a_refusal_is_retried()
    {
        using var hook = new HookListener();
        using var smtp = new SmtpCatcher();
        smtp.Serve(app.Services);
        var browser = new Browser(app);
        await browser.LoginAsync(Demo.Accounts.Admin);
        var page = await browser.GetAsync("/Settings/Webhook");

        // Plain http to another machine is refused, in Indonesian, and nothing is saved.
        var refused = await browser.FollowAsync(await browser.SubmitAsync(page, "#webhook-form", [new("Input.Url", "http://gateway.example.id/sinergi"), new("Input.Secret", Secret)]));
        Assert.Contains("Alamat webhook harus memakai https://", refused.Body!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.RegionWebhooks.AnyAsync()));

        // Loopback is allowed in Development; the secret is never shown back in full.
        await browser.FollowAsync(await browser.SubmitAsync(page, "#webhook-form", [new("Input.Url", hook.Url), new("Input.Secret", Secret)]));
        page = await browser.GetAsync("/Settings/Webhook");
        Assert.Contains("2026", page.Text("#saved-secret"));
        Assert.DoesNotContain(Secret, page.Source.Text);

        // The test send shows the answer: the status code, or the reason in Indonesian.
        var tested = await browser.FollowAsync(await browser.SubmitAsync(page, "#webhook-test", []));
        Assert.Contains("Server webhook menjawab 200", tested.Text("#webhook-test-result"));
        var test = Assert.Single(hook.Messages);
        Assert.Equal(WebhookSender.Sign(Secret, test.Timestamp!, test.Body), test.Signature);
        Assert.StartsWith("application/json", test.ContentType);
        hook.Status = 500;
        tested = await browser.FollowAsync(await browser.SubmitAsync(page, "#webhook-test", []));
        Assert.Contains("Server webhook menjawab 500 (kesalahan pada server penerima).", tested.Text("#webhook-test-result"));

        // The job: a refusing webhook is retried later; once it answers, each message arrives once, signed.
        hook.Messages.Clear();
        hook.Status = 503;
        await RunAsync();
        var pending = await app.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.Channel == NotificationChannel.Webhook).ToListAsync());
        Assert.NotEmpty(pending);
        Assert.All(pending, d => Assert.Equal((DeliveryStatus.Pending, 1), (d.Status, d.Attempts)));
        Assert.All(pending, d => Assert.Equal("Server webhook menjawab 503 (kesalahan pada server penerima).", d.LastError));
        hook.Messages.Clear();
        hook.Status = 200;
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        try
        {
            await RunAsync();
            await RunAsync();
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-10));
        }
        var sent = await app.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.Channel == NotificationChannel.Webhook).ToListAsync());
        Assert.All(sent, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(sent.Count, hook.Messages.Count);
        foreach (var message in hook.Messages)
        {
            Assert.Equal(WebhookSender.Sign(Secret, message.Timestamp!, message.Body), message.Signature);
            using var json = JsonDocument.Parse(message.Body);
            Assert.StartsWith("[Sinergi]", json.RootElement.GetProperty("judul").GetString());
            Assert.Contains("/Agreements/Details/", json.RootElement.GetProperty("tautan").GetString());
        }
        Assert.Equal(sent.Count, hook.Messages.Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("id").GetInt64()).Distinct().Count());
    }
}

public sealed class WebhookTestsOnSqlite(SqliteApp app) : WebhookTests<SqliteApp>(app);

public sealed class WebhookTestsOnPostgres(PostgresApp app) : WebhookTests<PostgresApp>(app);
