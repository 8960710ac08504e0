using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sinergi.Data;

namespace Sinergi.Features.Accounts;

/// <summary>
/// Authenticates API calls by a personal access token (<c>Authorization: Bearer snrg_...</c>).
/// Unknown, expired and revoked tokens get the same answer, so a caller learns nothing about them.
/// A deactivated account's tokens stop at once; a locked-out account's do not, as the lockout is
/// about guessing its password, which anybody can do to anybody, not about the token its owner holds.
/// </summary>
public sealed class AccessTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IProblemDetailsService problems,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(5);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.NoResult();

        var secret = header["Bearer ".Length..].Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = AccessToken.HashOf(secret);
        var token = await db.AccessTokens.Include(t => t.User).AsNoTracking()
            .SingleOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (token?.User is not { IsActive: true } user || !token.IsUsableAt(now))
            return AuthenticateResult.Fail("Token tidak dikenal, kedaluwarsa, dicabut, atau akunnya nonaktif.");

        if (token.LastUsedAt is null || now - token.LastUsedAt > LastUsedResolution)
            await db.AccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);

        var principal = await claimsFactory.CreateAsync(user);
        var identity = new ClaimsIdentity(principal.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteProblem("Tidak terautentikasi",
            "Sertakan token akses yang berlaku di header Authorization: Bearer <token>. Token yang tidak dikenal, kedaluwarsa, atau dicabut ditolak.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblem("Akses ditolak", "Peran akun Anda tidak mengizinkan tindakan ini.");
    }

    private async Task WriteProblem(string title, string detail) =>
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = Response.StatusCode, Title = title, Detail = detail },
        });
}
