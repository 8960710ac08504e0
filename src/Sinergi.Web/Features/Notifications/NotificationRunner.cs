using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Data;
using Sinergi.Features.Agreements;
using Sinergi.Infrastructure.Email;
using Sinergi.Tenancy;

namespace Sinergi.Features.Notifications;

/// <summary>The notification centre's settings (section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>Whether the hosted job runs in this process (a second node may leave it on: the ledger keeps sends single).</summary>
    public bool Enabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 60;
    public int MaxAttempts { get; set; } = 4;
    /// <summary>The first retry waits this long; each next one twice as long.</summary>
    public int RetryMinutes { get; set; } = 5;
    /// <summary>Where people open Sinergi, for the links in emails.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5000";
}

/// <summary>
/// One run of the daily job: every rule's dues of every region become ledger rows (in-app ones
/// delivered at once), then every email due for an attempt is sent. The hosted job, the verb and
/// the tests all run this. Runs outside a request, so it names the region of everything it reads.
/// </summary>
public sealed class NotificationRunner(AppDbContext db, IEnumerable<INotificationRule> rules, MailSender mail, WebhookSender webhooks, TimeProvider clock,
    IOptions<NotificationOptions> options, ILogger<NotificationRunner> log)
{
    public sealed record Planned(string Region, string Rule, int AgreementId, int Offset, NotificationChannel Channel, string Recipient, string Title);

    public sealed record Outcome(IReadOnlyList<Planned> Planned, int Recorded, int Sent, int Retrying, int Failed);

    /// <param name="inAppOnly">
    /// Records only the in-app messages due (delivered at once) and sends nothing: how the demo seeding fills the bell without
    /// waiting on a mail server. The emails and webhooks of the same dues are recorded and sent by the job's next run, with
    /// the people's choices of that moment; the in-app ones are in the ledger and are not given twice.
    /// </param>
    public async Task<Outcome> RunAsync(DateOnly? day, bool dryRun, CancellationToken ct = default, bool inAppOnly = false)
    {
        var planned = new List<Planned>();
        var recorded = 0;
        var regions = await db.Agreements.IgnoreQueryFilters().Where(a => a.Lifecycle == AgreementLifecycle.Aktif)
            .Select(a => a.RegionCode).Distinct().OrderBy(c => c).ToListAsync(ct);
        foreach (var region in regions)
        {
            var today = day ?? RegionClock.Today(clock, region);
            foreach (var rule in rules)
            foreach (var due in await rule.DueAsync(db, region, today, ct))
            foreach (var target in await NotificationRecipients.ForAsync(db, region, due, ct))
            {
                if (inAppOnly && target.Channel != NotificationChannel.InApp)
                    continue;
                if (await db.NotificationDeliveries.AnyAsync(d => d.Rule == due.Rule && d.AgreementId == due.AgreementId && d.Offset == due.Offset
                        && d.Recipient == target.Key && d.Channel == target.Channel, ct))
                    continue;
                planned.Add(new Planned(region, due.Rule, due.AgreementId, due.Offset, target.Channel, target.Address ?? target.Key, due.Title));
                if (!dryRun && await RecordAsync(region, due, target, ct))
                    recorded++;
            }
        }
        if (dryRun)
            return new Outcome(planned, 0, 0, 0, 0);
        if (inAppOnly)
            return new Outcome(planned, recorded, 0, 0, 0);
        var (sent, retrying, failed) = await DispatchAsync(ct);
        return new Outcome(planned, recorded, sent, retrying, failed);
    }

    /// <summary>Inserts the ledger row (and the in-app message with it); false when another run inserted it first.</summary>
    private async Task<bool> RecordAsync(string region, Due due, NotificationRecipients.Target target, CancellationToken ct)
    {
        var now = db.UtcNow;
        var link = due.Link ?? $"/Agreements/Details/{due.AgreementId}";
        var inApp = target.Channel == NotificationChannel.InApp;
        db.NotificationDeliveries.Add(new NotificationDelivery
        {
            RegionCode = region, Rule = due.Rule, Kind = due.Kind, AgreementId = due.AgreementId, Offset = due.Offset, Recipient = target.Key,
            Channel = target.Channel, Address = target.Address, Subject = $"[Sinergi] {due.Title}",
            Body = $"{due.Body}\n\n{(due.Link is null ? "Buka kerja sama ini di Sinergi" : "Buka di Sinergi")}: {options.Value.BaseUrl.TrimEnd('/')}{link}\n\nPesan ini dikirim otomatis oleh Sinergi.",
            Status = inApp ? DeliveryStatus.Sent : DeliveryStatus.Pending, CreatedAt = now, NextAttemptAt = now, SentAt = inApp ? now : null,
        });
        if (inApp)
            db.Notifications.Add(new Notification { UserId = target.UserId!, RegionCode = region, Kind = due.Kind, Title = due.Title, Body = due.Body, Link = link, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            // Nothing recorded is read again: a tracker that kept every row would make each save of a
            // long first run (thousands of dues) scan all rows saved before it.
            db.ChangeTracker.Clear();
            return true;
        }
        catch (DbUpdateException)
        {
            // The unique key: a concurrent run (another node) recorded it a moment ago.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Sends the emails whose attempt is due; a refusal waits longer each time, and after the last attempt is failed.</summary>
    private async Task<(int Sent, int Retrying, int Failed)> DispatchAsync(CancellationToken ct)
    {
        var (sent, retrying, failed) = (0, 0, 0);
        var settings = options.Value;
        var now = db.UtcNow;
        var due = await db.NotificationDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && (d.Channel == NotificationChannel.Email || d.Channel == NotificationChannel.Webhook) && d.NextAttemptAt <= now)
            .OrderBy(d => d.Id).Take(500).ToListAsync(ct);
        foreach (var delivery in due)
        {
            // Claimed by raising the attempt count from what was read: a second node reading the same row claims nothing.
            var lease = now.AddMinutes(15);
            var claimed = await db.NotificationDeliveries
                .Where(d => d.Id == delivery.Id && d.Status == DeliveryStatus.Pending && d.Attempts == delivery.Attempts)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Attempts, delivery.Attempts + 1).SetProperty(d => d.NextAttemptAt, lease), ct);
            if (claimed == 0)
                continue;
            var attempts = delivery.Attempts + 1;
            string? error = null;
            try
            {
                if (delivery.Channel == NotificationChannel.Webhook)
                    await PostAsync(delivery, ct);
                else
                    await mail.SendAsync(delivery.Address!, delivery.Subject, delivery.Body, ct);
            }
            catch (Exception e) when (delivery.Channel == NotificationChannel.Webhook && !ct.IsCancellationRequested)
            {
                error = WebhookSender.Describe(e);
                log.LogWarning("Webhook {Id} to {Address} not sent (attempt {Attempt}): {Reason}", delivery.Id, delivery.Address, attempts, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                error = Describe(e);
                // An unreachable or refusing server is expected (it is retried and shown to the admin): one
                // line with its reason. Anything else keeps its stack trace.
                if (e is System.Net.Sockets.SocketException or TimeoutException or IOException or MailKit.CommandException)
                    log.LogWarning("Email {Id} to {Address} not sent (attempt {Attempt}): {Reason}", delivery.Id, delivery.Address, attempts, e.Message);
                else
                    log.LogWarning(e, "Email {Id} to {Address} not sent (attempt {Attempt})", delivery.Id, delivery.Address, attempts);
            }
            var status = error is null ? DeliveryStatus.Sent : attempts >= settings.MaxAttempts ? DeliveryStatus.Failed : DeliveryStatus.Pending;
            var next = now.AddMinutes(settings.RetryMinutes * Math.Pow(2, attempts - 1));
            DateTime? sentAt = error is null ? db.UtcNow : null;
            await db.NotificationDeliveries.Where(d => d.Id == delivery.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, status).SetProperty(d => d.SentAt, sentAt)
                    .SetProperty(d => d.LastError, error).SetProperty(d => d.NextAttemptAt, next), CancellationToken.None);
            _ = status switch { DeliveryStatus.Sent => sent++, DeliveryStatus.Failed => failed++, _ => retrying++ };
        }
        return (sent, retrying, failed);
    }

    /// <summary>Posts to the region's webhook as it is now (its secret may have changed since the row was written).</summary>
    private async Task PostAsync(NotificationDelivery delivery, CancellationToken ct)
    {
        var webhook = await WebhookSender.ForRegionAsync(db, delivery.RegionCode, ct)
            ?? throw new InvalidOperationException("Webhook daerah tidak lagi diatur.");
        await webhooks.PostAsync(webhook.Url, webhook.Secret, WebhookSender.Payload(delivery, options.Value.BaseUrl), ct);
    }

    /// <summary>What the admin reads about a refusal; the technical detail goes to the log.</summary>
    private static string Describe(Exception e) => e switch
    {
        System.Net.Sockets.SocketException or TimeoutException or IOException => "Server SMTP tidak dapat dihubungi.",
        MailKit.Security.AuthenticationException => "Server SMTP menolak nama pengguna atau kata sandinya.",
        MailKit.Net.Smtp.SmtpCommandException => "Server SMTP menolak pesan ini atau alamat penerimanya.",
        _ => "Pengiriman email gagal.",
    };
}
