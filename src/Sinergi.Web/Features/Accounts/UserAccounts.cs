using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

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
