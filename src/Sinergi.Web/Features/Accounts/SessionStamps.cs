using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Data;

namespace Sinergi.Features.Accounts;

/// <summary>
/// Every signed-in request is checked against the account as stored: one indexed read of its
/// security stamp and active flag. Signing out, a new password, an admin's reset, a new role or OPD
/// and deactivation all change the stamp (or the flag), so every session of the account, and any
/// copy of its cookie, ends on its next request instead of living on until it expires.
/// </summary>
public static class SessionStamps
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        var db = context.HttpContext.RequestServices.GetRequiredService<AppDbContext>();
        var account = userId is null ? null : await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsActive }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || !account.IsActive || stamp is null || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        // Identity's own validator, at its interval, rebuilds the principal (a changed name, for instance).
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
