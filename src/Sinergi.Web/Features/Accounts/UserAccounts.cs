using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Accounts;

/// <summary>
/// Creating an account the same way from the users page, the <c>create-admin</c> verb and the
/// demo seed: one role, a region and an OPD where the role needs them, and a password that
/// passes the policy.
/// </summary>
public static class UserAccounts
{
    public sealed record NewAccount(string Email, string FullName, string Role, string? RegionCode, int? OpdId, string Password, bool MustChangePassword);

    public static async Task<(AppUser? User, IdentityResult Result)> CreateAsync(UserManager<AppUser> users, NewAccount account, DateTime now)
    {
        var user = new AppUser
        {
            UserName = account.Email.Trim(),
            Email = account.Email.Trim(),
            EmailConfirmed = true,
            FullName = account.FullName.Trim(),
            RegionCode = account.RegionCode,
            OpdId = account.OpdId,
            MustChangePassword = account.MustChangePassword,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
            return (null, created);
        var inRole = await users.AddToRoleAsync(user, account.Role);
        if (!inRole.Succeeded)
        {
            await users.DeleteAsync(user);
            return (null, inRole);
        }
        return (user, IdentityResult.Success);
    }

    /// <summary>
    /// Revokes every token of the account that could still open the API, as offered with a new password
    /// (by its owner or by an admin's reset); returns how many.
    /// </summary>
    public static async Task<int> RevokeTokensAsync(AppDbContext db, string userId, CancellationToken ct = default)
    {
        var now = db.UtcNow;
        return await db.AccessTokens.Where(t => t.UserId == userId && t.RevokedAt == null && (t.ExpiresAt == null || t.ExpiresAt > now))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
    }

    /// <summary>What a person is told after the tokens were revoked, or nothing when none was.</summary>
    public static string RevokedTokens(int count) => count == 0 ? "" : $" {count} token akses dicabut.";

    /// <summary>A temporary password that meets the policy and reads unambiguously over the phone.</summary>
    public static string TemporaryPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string digits = "23456789";
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
        };
        const string all = upper + lower + digits;
        while (chars.Count < 14)
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        RandomNumberGenerator.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(chars));
        return new string([.. chars]);
    }
}
