using Microsoft.Extensions.Options;
using Sinergi.Infrastructure.Email;

namespace Sinergi.Features.Notifications;

/// <summary>
/// The daily job as a hosted service: it runs the rules and the pending deliveries every
/// <see cref="NotificationOptions.IntervalMinutes"/> on the app's clock. Each run is idempotent
/// (the ledger), so running hourly catches up a day that was missed and retries refusals on time.
/// </summary>
public sealed class NotificationJob(IServiceScopeFactory scopes, TimeProvider clock, IOptions<NotificationOptions> options, ILogger<NotificationJob> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
            return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<NotificationRunner>().RunAsync(null, dryRun: false, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The notification job failed; it runs again at the next interval.");
            }
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(Math.Max(1, options.Value.IntervalMinutes)), clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class NotificationSetup
{
    public static WebApplicationBuilder AddNotifications(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmtpOptions>().Bind(builder.Configuration.GetSection("Smtp")).ValidateOnStart();
        services.AddOptions<NotificationOptions>().Bind(builder.Configuration.GetSection("Notifications")).ValidateOnStart();
        services.AddSingleton<MailSender>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<INotificationRule, ExpiryRule>();
        services.AddSingleton<INotificationRule, BudgetMissingRule>();
        services.AddSingleton<INotificationRule, EvaluationRules>();
        services.AddSingleton<INotificationRule, ObstacleDueRule>();
        services.AddSingleton<INotificationRule, Sinergi.Features.Participants.ParticipantsRule>();
        services.AddSingleton<INotificationRule, Sinergi.Features.Tkksd.TkksdTermRule>();
        services.AddSingleton<INotificationRule, Sinergi.Features.Tkksd.ActionItemOverdueRule>();
        services.AddScoped<NotificationRunner>();
        services.AddScoped<NotificationBell>();
        services.AddHostedService<NotificationJob>();
        return builder;
    }
}
