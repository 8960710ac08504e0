using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Sinergi.Web.Auth;

/// <summary>
/// An account created with a temporary password must set its own before doing anything else.
/// </summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    private static readonly string[] AllowedPages = ["/Account/ChangePassword", "/Account/Logout", "/Account/Login", "/Error", "/Status"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.HasClaim(SinergiClaims.MustChangePassword, "true") && !AllowedPages.Contains(page))
        {
            context.Result = new RedirectToPageResult("/Account/ChangePassword");
            return;
        }
        await next();
    }
}
