using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Notifications;

/// <summary>A region's webhook: its checks and saving, for the settings page and the API.</summary>
public static class RegionWebhooks
{
    /// <summary>The problem with the address, in Indonesian; null when it may be used. Plain http only to this machine, in Development.</summary>
    public static string? UrlProblem(string? url, bool isDevelopment)
    {
        if (string.IsNullOrWhiteSpace(url))
            return "Alamat webhook wajib diisi.";
        if (url.Trim().Length > RegionWebhook.MaxUrl)
            return $"Alamat webhook paling panjang {RegionWebhook.MaxUrl} karakter.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.Host.Length == 0)
            return "Alamat webhook harus alamat web lengkap, misalnya https://gateway.example.id/sinergi.";
        if (uri.Scheme == Uri.UriSchemeHttps)
            return null;
        if (isDevelopment && uri.IsLoopback)
            return null;
        return isDevelopment
            ? "Alamat webhook harus memakai https://. Hanya alamat di komputer ini sendiri (localhost, 127.0.0.1) yang boleh memakai http:// selama pengembangan."
            : "Alamat webhook harus memakai https:// agar pesan dan tanda tangannya tidak dapat dibaca atau diubah di jalan.";
    }

    /// <summary>Only the last four characters, for showing a saved secret back.</summary>
    public static string Masked(string secret) => secret.Length <= 4 ? new string('•', 8) : new string('•', 8) + secret[^4..];

    /// <summary>Saves the address and, when one is given, a new secret (blank keeps the saved one); field problems keyed <c>url</c>, <c>secret</c>.</summary>
    public static async Task<Dictionary<string, string[]>> SaveAsync(AppDbContext db, string regionCode, string? url, string? secret, bool isDevelopment,
        CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        if (UrlProblem(url, isDevelopment) is { } problem)
            problems["url"] = [problem];
        var existing = await db.RegionWebhooks.SingleOrDefaultAsync(w => w.RegionCode == regionCode, ct);
        var newSecret = secret?.Trim();
        if (string.IsNullOrEmpty(newSecret) && existing is null)
            problems["secret"] = ["Rahasia webhook wajib diisi: paling sedikit 16 karakter, dipakai server penerima untuk memeriksa tanda tangan pesan."];
        else if (!string.IsNullOrEmpty(newSecret) && (newSecret.Length < 16 || newSecret.Length > RegionWebhook.MaxSecret))
            problems["secret"] = [$"Rahasia webhook berisi 16 sampai {RegionWebhook.MaxSecret} karakter."];
        if (problems.Count > 0)
            return problems;
        if (existing is null)
            db.RegionWebhooks.Add(existing = new RegionWebhook { RegionCode = regionCode, Url = "", Secret = newSecret! });
        existing.Url = url!.Trim();
        if (!string.IsNullOrEmpty(newSecret))
            existing.Secret = newSecret;
        existing.Enabled = true;
        existing.UpdatedAt = db.UtcNow;
        await db.SaveChangesAsync(ct);
        return problems;
    }

    public static Task<int> RemoveAsync(AppDbContext db, string regionCode, CancellationToken ct = default) =>
        db.RegionWebhooks.Where(w => w.RegionCode == regionCode).ExecuteDeleteAsync(ct);

    /// <summary>A test message to the saved webhook: what the server answered, or why it failed, in Indonesian.</summary>
    public static async Task<(bool Ok, string Message)> TestAsync(AppDbContext db, WebhookSender sender, string regionCode, CancellationToken ct = default)
    {
        if (await WebhookSender.ForRegionAsync(db, regionCode, ct) is not { } webhook)
            return (false, "Belum ada webhook yang disimpan untuk daerah ini.");
        try
        {
            var status = await sender.PostAsync(webhook.Url, webhook.Secret, new
            {
                jenis = "Uji", daerah = regionCode, judul = "[Sinergi] Pesan uji webhook", pesan = "Pesan uji dari Pengaturan > Webhook. Bila pesan ini sampai, webhook siap dipakai.",
            }, ct);
            return (true, $"Server webhook menjawab {(int)status} ({status}). Pesan uji diterima.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return (false, WebhookSender.Describe(e));
        }
    }
}
