using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Sinergi.Features.Accounts;

/// <summary>
/// A password hash that belongs to nobody. The login checks the typed password against it when the
/// email is unknown, so an unknown email costs the same hash check (PBKDF2, the same hasher and
/// iterations) as a known one, and the time of the answer does not tell who has an account.
/// </summary>
public sealed class DecoyPassword(IOptions<PasswordHasherOptions> options)
{
    private static readonly AppUser Nobody = new() { FullName = "" };

    // Made once, when the login page is first asked for, so that no unknown email pays for it.
    private readonly string _hash = new PasswordHasher<AppUser>(options).HashPassword(Nobody, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    /// <summary>Checks <paramref name="password"/> against the decoy with the request's own hasher; never a match.</summary>
    public void Check(IPasswordHasher<AppUser> hasher, string password) => hasher.VerifyHashedPassword(Nobody, _hash, password);
}
