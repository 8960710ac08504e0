using Microsoft.AspNetCore.Mvc;

namespace Sinergi.Web;

public static class Htmx
{
    /// <summary>True when htmx sent the request and wants a fragment rather than a whole page.</summary>
    public static bool IsHtmx(this HttpRequest request) =>
        request.Headers.ContainsKey("HX-Request") && !request.Headers.ContainsKey("HX-History-Restore-Request");

    /// <summary>The same URL answers with a page or a fragment, so caches must keep both apart.</summary>
    public static void VaryOnHtmx(this HttpResponse response) => response.Headers.Append("Vary", "HX-Request");

    /// <summary>
    /// After a successful post: a plain redirect for a browser without JavaScript; for htmx, which
    /// would follow a redirect inside the swapped element, an <c>HX-Redirect</c> to load the page whole.
    /// </summary>
    public static IActionResult RedirectAfterPost(this HttpContext context, string url)
    {
        if (!context.Request.IsHtmx())
            return new RedirectResult(url);
        context.Response.Headers["HX-Redirect"] = url;
        return new NoContentResult();
    }
}
