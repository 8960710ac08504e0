using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sinergi.Data;
using Sinergi.Web.Api;

namespace Sinergi.Features.Notifications;

/// <summary>The caller's own notifications, marking them read, and their email choices.</summary>
public static class NotificationsApi
{
    public sealed record SettingsDto(IReadOnlyList<NotificationKind> Email);

    public static RouteGroupBuilder MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifikasi");
        group.MapGet("/", ListAsync).WithSummary("Notifikasi milik pemanggil, terbaru lebih dulu (unread=true: yang belum dibaca)");
        group.MapPost("/{id:long}/read", ReadAsync).WithSummary("Tandai satu notifikasi sudah dibaca");
        group.MapPost("/read-all", ReadAllAsync).WithSummary("Tandai semua notifikasi sudah dibaca");
        group.MapGet("/settings", SettingsAsync).WithSummary("Jenis notifikasi yang juga dikirim lewat email");
        group.MapPut("/settings", SaveSettingsAsync).WithSummary("Ubah jenis notifikasi yang dikirim lewat email");
        return api;
    }

    private static string Me(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static async Task<Ok<List<NotificationCentre.Item>>> ListAsync(AppDbContext db, ClaimsPrincipal user, bool unread = false, CancellationToken ct = default) =>
        TypedResults.Ok(await NotificationCentre.ListAsync(db, Me(user), unread, 200, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> ReadAsync(AppDbContext db, ClaimsPrincipal user, long id, CancellationToken ct)
    {
        if (!db.Notifications.Any(n => n.Id == id && n.UserId == Me(user)))
            return ApiResults.NotFound("Notifikasi");
        await NotificationCentre.MarkReadAsync(db, Me(user), id, db.UtcNow, ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> ReadAllAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        await NotificationCentre.MarkReadAsync(db, Me(user), null, db.UtcNow, ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<SettingsDto>> SettingsAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(new SettingsDto((await NotificationCentre.EmailKindsAsync(db, Me(user), ct)).Order().ToList()));

    private static async Task<Results<Ok<SettingsDto>, ValidationProblem>> SaveSettingsAsync(AppDbContext db, ClaimsPrincipal user, SettingsDto input, CancellationToken ct)
    {
        if (input.Email is null)
            return ApiResults.Invalid(new Dictionary<string, string[]> { ["email"] = ["email wajib berisi daftar jenis notifikasi (boleh kosong)."] });
        await NotificationCentre.SetEmailKindsAsync(db, Me(user), input.Email, ct);
        return TypedResults.Ok(new SettingsDto((await NotificationCentre.EmailKindsAsync(db, Me(user), ct)).Order().ToList()));
    }
}
