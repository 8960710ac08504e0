using Microsoft.EntityFrameworkCore;

namespace Sinergi.Data;

/// <summary>
/// One database connection for each request, opened before the session check and closed when the
/// request's context goes. A page asks a few dozen small queries; EF Core would otherwise take a
/// connection from the pool and give it back around every one of them, and on SQLite that pool's
/// lock was a third of a page's time under load. Opening a connection is not a transaction: each
/// query and save still commits on its own, as before.
/// </summary>
public static class RequestConnection
{
    /// <summary>
    /// After routing: only requests for a page or an API endpoint open one. The health checks open
    /// their own (liveness none), and the favicon needs none.
    /// </summary>
    public static IApplicationBuilder UseRequestConnection(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint() is null || context.Request.Path.StartsWithSegments("/healthz") || context.Request.Path.StartsWithSegments("/favicon.ico"))
            {
                await next(context);
                return;
            }
            var db = context.RequestServices.GetRequiredService<AppDbContext>();
            await db.Database.OpenConnectionAsync(context.RequestAborted);
            try
            {
                await next(context);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
}
