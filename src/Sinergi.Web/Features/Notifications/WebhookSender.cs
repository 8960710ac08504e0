using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Notifications;

/// <summary>A webhook server that answered, but not with 2xx.</summary>
public sealed class WebhookRefusedException(HttpStatusCode status) : Exception($"Webhook answered {(int)status}")
{
    public HttpStatusCode Status { get; } = status;
}

/// <summary>
/// Signed JSON POSTs to a region's webhook. The receiver checks <c>X-Sinergi-Signature</c>:
/// <c>sha256=</c> and the hex HMAC-SHA256, keyed with the region's secret, of
/// <c>{X-Sinergi-Timestamp}.{body}</c>; the timestamp (Unix seconds) lets it refuse old replays.
/// </summary>
public sealed class WebhookSender(TimeProvider clock)
{
    public const string SignatureHeader = "X-Sinergi-Signature";
    public const string TimestampHeader = "X-Sinergi-Timestamp";

    private static readonly HttpClient Http = new(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    /// <summary>Posts the payload; the status code when 2xx, otherwise throws (<see cref="WebhookRefusedException"/>, or the transport's).</summary>
    public async Task<HttpStatusCode> PostAsync(string url, string secret, object payload, CancellationToken ct = default)
    {
        var body = JsonSerializer.Serialize(payload, Json);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(secret, timestamp, body));
        using var response = await Http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new WebhookRefusedException(response.StatusCode);
        return response.StatusCode;
    }

    /// <summary>What a person reads about a failed post.</summary>
    public static string Describe(Exception e) => e switch
    {
        WebhookRefusedException refused => $"Server webhook menjawab {(int)refused.Status} ({Reason(refused.Status)}).",
        TaskCanceledException or TimeoutException => "Server webhook tidak menjawab dalam 10 detik.",
        HttpRequestException { InnerException: System.Security.Authentication.AuthenticationException } => "Sertifikat HTTPS server webhook tidak dapat dipercaya.",
        HttpRequestException => "Server webhook tidak dapat dihubungi.",
        _ => "Pengiriman webhook gagal.",
    };

    private static string Reason(HttpStatusCode status) => (int)status switch
    {
        >= 300 and < 400 => "dialihkan; isi alamat tujuan akhirnya",
        401 or 403 => "ditolak; periksa rahasia webhook di server penerima",
        404 => "alamat tidak ditemukan",
        >= 500 => "kesalahan pada server penerima",
        _ => "ditolak",
    };

    /// <summary>The message of a ledger row as the region's webhook receives it.</summary>
    public static object Payload(NotificationDelivery delivery, string baseUrl) => new
    {
        jenis = delivery.Kind.ToString(),
        aturan = delivery.Rule,
        daerah = delivery.RegionCode,
        kerjaSamaId = delivery.AgreementId,
        judul = delivery.Subject,
        pesan = delivery.Body,
        tautan = $"{baseUrl.TrimEnd('/')}/Agreements/Details/{delivery.AgreementId}",
        id = delivery.Id,
    };

    public static Task<RegionWebhook?> ForRegionAsync(AppDbContext db, string regionCode, CancellationToken ct = default) =>
        db.RegionWebhooks.AsNoTracking().SingleOrDefaultAsync(w => w.RegionCode == regionCode && w.Enabled, ct);
}
