using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Sinergi.Infrastructure.Email;

/// <summary>The SMTP server mail leaves through (section <c>Smtp</c> of the configuration).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public string? User { get; set; }
    public string? Password { get; set; }
    public string Sender { get; set; } = "sinergi@localhost";
    public string SenderName { get; set; } = "Sinergi";
    /// <summary>Auto: STARTTLS when the server offers it; None for a local relay; SslOnConnect for port 465.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Sends one plain-text message through MailKit; a refusal throws, for the caller's retry to handle.</summary>
public sealed class MailSender(IOptions<SmtpOptions> options)
{
    public async Task SendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.SenderName, smtp.Sender));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security, ct);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
