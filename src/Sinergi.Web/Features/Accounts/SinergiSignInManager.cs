using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Sinergi.Tenancy;

namespace Sinergi.Features.Accounts;

/// <summary>Adds what Sinergi knows about a user to the principal: region, OPD and name.</summary>
public sealed class SinergiClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(SinergiClaims.FullName, user.FullName));
        if (user.RegionCode is not null)
            identity.AddClaim(new Claim(SinergiClaims.Region, user.RegionCode));
        if (user.OpdId is int opd)
            identity.AddClaim(new Claim(SinergiClaims.Opd, opd.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(SinergiClaims.MustChangePassword, "true"));
        return identity;
    }
}

/// <summary>A deactivated account cannot sign in, whatever its password.</summary>
public sealed class SinergiSignInManager(
    UserManager<AppUser> users,
    IHttpContextAccessor accessor,
    IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => user.IsActive && await base.CanSignInAsync(user);
}
