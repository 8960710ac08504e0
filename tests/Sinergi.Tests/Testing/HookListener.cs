using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Sinergi.Tests.Testing;

/// <summary>A real HTTP server on loopback that records what is posted to it and answers <see cref="Status"/>.</summary>
public sealed class HookListener : IDisposable
{
    public sealed record Received(string Body, string? Signature, string? Timestamp, string? ContentType);

    private readonly HttpListener _listener = new();

    public HookListener()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/sinergi";
    public int Status { get; set; } = 200;
    public ConcurrentQueue<Received> Messages { get; } = new();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using (var reader = new StreamReader(context.Request.InputStream))
                Messages.Enqueue(new Received(await reader.ReadToEndAsync(), context.Request.Headers["X-Sinergi-Signature"],
                    context.Request.Headers["X-Sinergi-Timestamp"], context.Request.ContentType));
            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
    }
}
