using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Sinergi.Data;

namespace Sinergi.Features.Accounts;

public static class Policies
{
    /// <summary>Manage a region's OPDs and accounts: its Admin Kerja Sama, or a system admin.</summary>
    public const string ManageRegion = nameof(ManageRegion);

    /// <summary>Any API caller with a valid personal access token.</summary>
    public const string Api = nameof(Api);

    /// <summary>An API caller who administers their region.</summary>
    public const string ApiManageRegion = nameof(ApiManageRegion);

    /// <summary>Read the registry (agreements, partners, reports): every role but a partner's own account.</summary>
    public const string ReadRegistry = nameof(ReadRegistry);

    /// <summary>The same, for an API caller.</summary>
    public const string ApiReadRegistry = nameof(ApiReadRegistry);
}

public static class AuthSetup
{
    public static WebApplicationBuilder AddAuth(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<SinergiSignInManager>()
            .AddClaimsPrincipalFactory<SinergiClaimsFactory>()
            .AddErrorDescriber<IndonesianIdentityErrors>()
            .AddDefaultTokenProviders();

        // The stamp itself is checked on every request (SessionStamps), so a session ends at once; this
        // interval only paces the rebuilding of a valid session's claims from the account.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddSingleton<DecoyPassword>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "sinergi.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over HTTPS, also as told by a trusted proxy (ForwardedHeaders).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = SessionStamps.ValidateAsync;
            // A signed-in user without the right role gets the 403 page on the address they asked for.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, AccessTokenHandler>(AccessTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.ManageRegion, p => p.RequireRole(Roles.AdminKerjaSama, Roles.SystemAdmin))
            .AddPolicy(Policies.Api, p => p.AddAuthenticationSchemes(AccessTokenHandler.SchemeName).RequireAuthenticatedUser())
            .AddPolicy(Policies.ApiManageRegion, p => p.AddAuthenticationSchemes(AccessTokenHandler.SchemeName)
                .RequireRole(Roles.AdminKerjaSama))
            .AddPolicy(Policies.ReadRegistry, p => p.RequireRole(Roles.RegistryReaders))
            .AddPolicy(Policies.ApiReadRegistry, p => p.AddAuthenticationSchemes(AccessTokenHandler.SchemeName)
                .RequireRole(Roles.RegistryReaders));
        return builder;
    }
}
