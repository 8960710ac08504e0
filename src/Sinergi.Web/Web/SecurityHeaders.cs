namespace Sinergi.Web;

public static class SecurityHeaders
{
    // Scripts only from our own origin; map tiles are the one outside image source.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: https://tile.openstreetmap.org; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            // The API reference page loads its own bundle with inline bootstrapping.
            if (!context.Request.Path.StartsWithSegments("/api/docs"))
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            await next();
        });
}
