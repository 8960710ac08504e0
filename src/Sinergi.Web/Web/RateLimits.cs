using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Sinergi.Features.Accounts;

namespace Sinergi.Web;

/// <summary>The limits per client, section <c>RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts (POST /Account/Login) one client address may make at once, then one more per share of the window.</summary>
    [Range(1, 100_000, ErrorMessage = "RateLimits:LoginAttempts harus antara 1 dan 100.000.")]
    public int LoginAttempts { get; set; } = 10;

    /// <summary>The window in which <see cref="LoginAttempts"/> attempts come back.</summary>
    [Range(1, 86_400, ErrorMessage = "RateLimits:LoginWindowSeconds harus antara 1 dan 86.400.")]
    public int LoginWindowSeconds { get; set; } = 60;

    /// <summary>API requests one token (or, without one, one client address) may have running at once.</summary>
    [Range(1, 10_000, ErrorMessage = "RateLimits:ApiConcurrentRequests harus antara 1 dan 10.000.")]
    public int ApiConcurrentRequests { get; set; } = 16;

    /// <summary>Further API requests of that client that wait for a place before they are refused.</summary>
    [Range(0, 10_000, ErrorMessage = "RateLimits:ApiQueuedRequests harus antara 0 dan 10.000.")]
    public int ApiQueuedRequests { get; set; } = 32;
}

/// <summary>
/// ASP.NET Core's rate limiter, per client. Sign-in attempts are a token bucket per client address,
/// so guessing passwords is slow from anywhere while a person who mistypes twice never notices.
/// API calls are limited in how many run at once per token: a runaway program cannot take the
/// server from everyone, while a sequential program, or the benchmark's eight clients, never wait.
/// A per-token request rate high enough to leave those alone (the benchmark's lightest call runs at
/// over 1,000 a second on two cores) would limit nothing on the servers regions use.
/// </summary>
public static class RateLimits
{
    public const string Login = "login";
    public const string Api = "api";

    private const string RetryAfterItem = "Sinergi.RetryAfterSeconds";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            // Reading the login page is free; each submission is an attempt.
            o.AddPolicy(Login, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetTokenBucketLimiter("address:" + ClientAddress(context), _ => LoginBucket(Limits(context)))
                : RateLimitPartition.GetNoLimiter(""));
            o.AddPolicy(Api, context => RateLimitPartition.GetConcurrencyLimiter(ApiClient(context), _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = Limits(context).ApiConcurrentRequests,
                QueueLimit = Limits(context).ApiQueuedRequests,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            }));
        });
        return builder;
    }

    /// <summary>The wait a refused person was told, for the status page; null when nothing was refused.</summary>
    public static int? RetryAfterSeconds(HttpContext context) => context.Items[RetryAfterItem] as int?;

    private static RateLimitOptions Limits(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    private static TokenBucketRateLimiterOptions LoginBucket(RateLimitOptions limits) => new()
    {
        TokenLimit = limits.LoginAttempts,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds((double)limits.LoginWindowSeconds / limits.LoginAttempts),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>
    /// The client's address, as the connection gives it or as a trusted proxy forwarded it. An IPv6
    /// client owns its whole /64, so it counts as one.
    /// </summary>
    private static string ClientAddress(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
            return "?";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>The token, by its hash (the secret never becomes a key), or the address of a caller without one.</summary>
    private static string ApiClient(HttpContext context)
    {
        string? header = context.Request.Headers.Authorization;
        return header is not null && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? "token:" + AccessToken.HashOf(header["Bearer ".Length..].Trim())
            : "address:" + ClientAddress(context);
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Items[RetryAfterItem] = seconds;
        if (!context.Request.Path.StartsWithSegments("/api"))
            return; // the status-code page tells the person, in Indonesian (Errors/Status)

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Terlalu banyak permintaan",
                Detail = $"Klien ini (token yang sama, atau alamat yang sama tanpa token) sudah menjalankan {Limits(context).ApiConcurrentRequests} "
                    + $"permintaan sekaligus dan antreannya penuh. Tunggu permintaan sebelumnya selesai, lalu kirim lagi setelah {seconds} detik (header Retry-After).",
            },
        });
    }
}
