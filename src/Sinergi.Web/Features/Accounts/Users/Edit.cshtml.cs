using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Accounts.Users;

public class EditModel(AppDbContext db, UserManager<AppUser> users, RegionScope scope, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Email wajib diisi.")]
        [EmailAddress(ErrorMessage = "Format email tidak valid.")]
        [StringLength(256, ErrorMessage = "Email terlalu panjang.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Nama lengkap wajib diisi.")]
        [StringLength(120, ErrorMessage = "Nama paling panjang 120 karakter.")]
        public string FullName { get; set; } = "";

        [Required(ErrorMessage = "Pilih peran.")]
        public string Role { get; set; } = "";

        [Display(Name = "OPD")]

        public int? OpdId { get; set; }

        [Display(Name = "Akun aktif")]

        public bool IsActive { get; set; } = true;
    }

    public sealed record OpdOption(int Id, string ShortName, string Name);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [FromRoute]
    public string? Id { get; set; }

    public bool IsNew => Id is null;
    public Region Region { get; private set; } = null!;
    public string RegionName => Region.GovernmentName;
    public IReadOnlyList<string> RoleOptions { get; private set; } = [];
    public List<OpdOption> OpdOptions { get; private set; } = [];
    public string? TemporaryPassword { get; private set; }
    public string? LockedUntil { get; private set; }
    public string RegionQuery => scope.RegionCode is null ? $"?region={Region.Code}" : "";
    private Granter Granter => Granter.Of(User);

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (!IsNew)
        {
            var (user, refusal) = await FindManagedAsync();
            if (refusal is not null)
                return refusal;
            await LoadAsync(user!.RegionCode!);
            Input = new InputModel
            {
                Email = user.Email!,
                FullName = user.FullName,
                Role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "",
                OpdId = user.OpdId,
                IsActive = user.IsActive,
            };
            ShowLockout(user);
        }
        else if (!await LoadForNewAsync(region))
        {
            return RedirectToPage("/Settings/Index");
        }
        TemporaryPassword = TempData["TemporaryPassword"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        AppUser? user = null;
        if (!IsNew)
        {
            (user, var refusal) = await FindManagedAsync();
            if (refusal is not null)
                return refusal;
            await LoadAsync(user!.RegionCode!);
            // The email is not editable here; what the form sends for it does not matter.
            Input.Email = user.Email!;
            ModelState.Remove("Input.Email");
            ShowLockout(user);
        }
        else if (!await LoadForNewAsync(region))
        {
            return RedirectToPage("/Settings/Index");
        }

        // The form offers only what the caller may give; a role sent anyway that reaches further is refused outright.
        if (Roles.Exists(Input.Role) && !Granter.MayGrant(Input.Role))
            return Forbid();
        CheckRoleAndOpd();
        if (user is not null && user.Id == users.GetUserId(User))
        {
            if (!Input.IsActive)
                ModelState.AddModelError("Input.IsActive", "Anda tidak dapat menonaktifkan akun Anda sendiri.");
            if (Input.Role != Roles.AdminKerjaSama && User.IsInRole(Roles.AdminKerjaSama))
                ModelState.AddModelError("Input.Role", "Anda tidak dapat melepas peran Admin Kerja Sama dari akun Anda sendiri; minta admin lain melakukannya.");
        }
        if (!ModelState.IsValid)
            return Page();

        return user is null ? await CreateAsync() : await UpdateAsync(user);
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(bool revokeTokens)
    {
        var (found, refusal) = await FindManagedAsync();
        if (refusal is not null)
            return refusal;
        var user = found!;
        var password = UserAccounts.TemporaryPassword();
        var result = await users.RemovePasswordAsync(user);
        if (result.Succeeded)
            result = await users.AddPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            TempData["Error"] = "Kata sandi tidak dapat diatur ulang: " + string.Join(" ", result.Errors.Select(e => e.Description));
            return RedirectToPage(new { id = user.Id });
        }
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        // The new password changed the stamp: the person's open sessions end at their next request.
        var revoked = revokeTokens ? await UserAccounts.RevokeTokensAsync(db, user.Id, HttpContext.RequestAborted) : 0;
        TempData["TemporaryPassword"] = password;
        TempData["Status"] = $"Kata sandi {user.FullName} diatur ulang dan sesinya yang terbuka diakhiri." + UserAccounts.RevokedTokens(revoked);
        return RedirectToPage(new { id = user.Id });
    }

    public async Task<IActionResult> OnPostUnlockAsync()
    {
        var (found, refusal) = await FindManagedAsync();
        if (refusal is not null)
            return refusal;
        var user = found!;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["Status"] = $"Kunci akun {user.FullName} dibuka.";
        return RedirectToPage(new { id = user.Id });
    }

    private async Task<IActionResult> CreateAsync()
    {
        var password = UserAccounts.TemporaryPassword();
        var (user, result) = await UserAccounts.CreateAsync(users, Granter,
            new(Input.Email, Input.FullName, Input.Role, Region.Code, Input.OpdId, password, MustChangePassword: true),
            clock.GetUtcNow().UtcDateTime);
        if (user is null)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code.Contains("Email") || error.Code.Contains("UserName") ? "Input.Email" : "", error.Description);
            return Page();
        }
        TempData["TemporaryPassword"] = password;
        TempData["Status"] = $"Akun {user.FullName} dibuat.";
        return RedirectToPage(new { id = user.Id });
    }

    private async Task<IActionResult> UpdateAsync(AppUser user)
    {
        var currentRoles = await users.GetRolesAsync(user);
        var accessChanged = user.IsActive != Input.IsActive || user.OpdId != Input.OpdId || !currentRoles.SequenceEqual([Input.Role]);
        user.FullName = Input.FullName.Trim();
        user.OpdId = Input.OpdId;
        user.IsActive = Input.IsActive;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && !currentRoles.SequenceEqual([Input.Role]))
        {
            result = await users.RemoveFromRolesAsync(user, currentRoles);
            if (result.Succeeded)
                result = await users.AddToRoleAsync(user, Input.Role);
        }
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError("", error.Description);
            return Page();
        }
        // Open sessions pick up the new role, OPD or deactivation at their next check (within a minute).
        if (accessChanged)
            await users.UpdateSecurityStampAsync(user);
        TempData["Status"] = $"Perubahan akun {user.FullName} disimpan.";
        return Redirect("/Settings/Users" + RegionQuery);
    }

    private void CheckRoleAndOpd()
    {
        if (!string.IsNullOrEmpty(Input.Role) && !RoleOptions.Contains(Input.Role))
            ModelState.AddModelError("Input.Role", "Peran ini tidak dapat diberikan di daerah ini.");
        if (Roles.RequiresOpd(Input.Role) && Input.OpdId is null)
            ModelState.AddModelError("Input.OpdId", "Operator OPD wajib terkait dengan satu OPD.");
        if (Input.OpdId is int opdId && OpdOptions.All(o => o.Id != opdId))
            ModelState.AddModelError("Input.OpdId", "OPD tidak ditemukan di daerah ini.");
    }

    /// <summary>
    /// An account of the managed region that the caller may keep: another region's is simply not
    /// found (404); one whose reach exceeds the caller's, a Pengawas say, is refused (403).
    /// </summary>
    private async Task<(AppUser? User, IActionResult? Refusal)> FindManagedAsync()
    {
        if (await FindUserAsync() is not { } user)
            return (null, NotFound());
        return Granter.MayManage(await users.GetRolesAsync(user)) ? (user, null) : (null, Forbid());
    }

    private async Task<AppUser?> FindUserAsync()
    {
        var user = await users.FindByIdAsync(Id!);
        if (user?.RegionCode is null)
            return null;
        return scope.IsUnrestricted || user.RegionCode == scope.RegionCode ? user : null;
    }

    private async Task<bool> LoadForNewAsync(string? requestedRegion)
    {
        if (await AdminRegion.ResolveAsync(db, scope, requestedRegion) is not { } region)
            return false;
        await LoadAsync(region.Code);
        return true;
    }

    private async Task LoadAsync(string regionCode)
    {
        Region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == regionCode);
        RoleOptions = Granter.RolesFor(regionCode);
        OpdOptions = await db.Opds.IgnoreQueryFilters().AsNoTracking().Where(o => o.RegionCode == regionCode)
            .OrderBy(o => o.ShortName).Select(o => new OpdOption(o.Id, o.ShortName, o.Name)).ToListAsync();
    }

    private void ShowLockout(AppUser user)
    {
        if (user.LockoutEnd is { } end && end > clock.GetUtcNow())
            LockedUntil = Indonesian.DateTime(end.UtcDateTime, user.RegionCode);
    }
}
