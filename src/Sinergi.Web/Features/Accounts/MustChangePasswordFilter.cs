using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Sinergi.Tenancy;

namespace Sinergi.Features.Accounts;

/// <summary>
/// An account created with a temporary password must set its own before doing anything else.
/// </summary>
public sealed class MustChangePasswordFilter : IAsyncPageFilter
{
    private static readonly string[] AllowedPages = ["/Accounts/ChangePassword", "/Accounts/Logout", "/Accounts/Login", "/Errors/Error", "/Errors/Status"];

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var page = context.ActionDescriptor.ViewEnginePath;
        if (context.HttpContext.User.HasClaim(SinergiClaims.MustChangePassword, "true") && !AllowedPages.Contains(page))
        {
            context.Result = new RedirectToPageResult("/Accounts/ChangePassword");
            return;
        }
        await next();
    }
}
