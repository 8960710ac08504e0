using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Sinergi.Infrastructure.Email;

namespace Sinergi.Tests.Testing;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package, in-process): it keeps every message it
/// receives, or refuses them all while <see cref="Refuse"/> is set.
/// </summary>
public sealed class SmtpCatcher : IDisposable
{
    private readonly CancellationTokenSource _stop = new();

    public int Port { get; }
    public bool Refuse { get; set; }
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public SmtpCatcher()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _ = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    /// <summary>Points an app (or a second node) at this server.</summary>
    public void Serve(IServiceProvider app)
    {
        var smtp = app.GetRequiredService<IOptions<SmtpOptions>>().Value;
        (smtp.Host, smtp.Port, smtp.Security, smtp.TimeoutSeconds) = ("127.0.0.1", Port, SecureSocketOptions.None, 10);
    }

    public List<MimeMessage> To(string address) =>
        Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
    }

    private sealed class Store(SmtpCatcher owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.Refuse)
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed, "ditolak untuk pengujian"));
            using var stream = new MemoryStream(buffer.ToArray());
            owner.Messages.Enqueue(MimeMessage.Load(stream));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
