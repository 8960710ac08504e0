using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Accounts;

/// <summary>
/// Creating an account the same way from the users page, the <c>create-admin</c> verb and the
/// demo seed: one role that the granter may give, a region and an OPD where the role needs them,
/// and a password that passes the policy.
/// </summary>
public static class UserAccounts
{
    public sealed record NewAccount(string Email, string FullName, string Role, string? RegionCode, int? OpdId, string Password, bool MustChangePassword);

    /// <summary>Creates the account if <paramref name="granter"/> may give its role in its region; the refusal is an Indonesian error.</summary>
    public static async Task<(AppUser? User, IdentityResult Result)> CreateAsync(UserManager<AppUser> users, Granter granter, NewAccount account, DateTime now)
    {
        if (!granter.RolesFor(account.RegionCode).Contains(account.Role))
            return (null, IdentityResult.Failed(new IdentityError
            {
                Code = "RoleNotGranted",
                Description = $"Peran {Roles.Label(account.Role)} tidak dapat Anda berikan untuk akun {(account.RegionCode is null ? "tanpa wilayah" : $"wilayah {account.RegionCode}")}.",
            }));
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

/// <summary>
/// Who gives which role, and keeps whose account: one rule for the users pages, the
/// <c>create-admin</c> verb and the demo seed. An account reaches the regions it reads: a region's
/// roles its region, a Pengawas the regions it oversees, an Admin Sistem all. No one gives a role,
/// or creates, resets, unlocks, changes or deactivates an account, that reaches further than they
/// do: a region's Admin Kerja Sama (a province's too, which does not read its kab/kota) gives only
/// roles that stay in its region and keeps only accounts holding nothing more; an Admin Sistem
/// gives and keeps every role.
/// </summary>
public sealed record Granter(bool IsSystemAdmin)
{
    public static Granter Of(ClaimsPrincipal user) => new(user.IsInRole(Roles.SystemAdmin));

    /// <summary>The operator at the server (the command line, the demo seed), who holds the database already.</summary>
    public static readonly Granter Server = new(true);

    public bool MayGrant(string role) => IsSystemAdmin || !Roles.ReachesBeyondRegion(role);

    /// <summary>The roles this granter offers for an account of the region.</summary>
    public IReadOnlyList<string> RolesFor(string? regionCode) => [.. Roles.AssignableIn(regionCode).Where(MayGrant)];

    /// <summary>Whether this granter may reset, unlock, change or deactivate an account holding these roles.</summary>
    public bool MayManage(IEnumerable<string> rolesOfAccount) => rolesOfAccount.All(MayGrant);
}
