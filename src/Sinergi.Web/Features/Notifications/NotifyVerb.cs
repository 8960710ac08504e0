using System.Globalization;
using Sinergi.Cli;

namespace Sinergi.Features.Notifications;

/// <summary><c>notify [--date yyyy-MM-dd] [--dry-run]</c>: one run of the daily job by hand; the dry run prints what it would send.</summary>
public static class NotifyVerb
{
    public static async Task<int> RunAsync(IServiceProvider services, VerbArguments arguments, TextWriter output)
    {
        DateOnly? day = null;
        if (arguments.Optional("date") is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                throw new VerbException($"--date harus berbentuk yyyy-MM-dd, mis. 2026-11-25; \"{text}\" tidak dapat dibaca.", 2);
            day = parsed;
        }
        var dryRun = arguments.Has("dry-run");
        using var scope = services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<NotificationRunner>().RunAsync(day, dryRun);
        foreach (var p in outcome.Planned)
            await output.WriteLineAsync($"{(dryRun ? "akan dikirim" : "dicatat")}: {p.Region} {p.Rule} kerja sama {p.AgreementId} H-{p.Offset} {p.Channel} {p.Recipient} · {p.Title}");
        await output.WriteLineAsync(dryRun
            ? $"dry-run planned={outcome.Planned.Count}"
            : $"recorded={outcome.Recorded} sent={outcome.Sent} retrying={outcome.Retrying} failed={outcome.Failed}");
        return 0;
    }
}
