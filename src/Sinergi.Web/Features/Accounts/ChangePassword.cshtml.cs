using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Tenancy;

namespace Sinergi.Features.Accounts;

public class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AppDbContext db) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public bool Required => User.HasClaim(SinergiClaims.MustChangePassword, "true");

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Kata sandi saat ini wajib diisi.")]
        [DataType(DataType.Password)]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Kata sandi baru wajib diisi.")]
        [DataType(DataType.Password)]
        public string NewPassword { get; set; } = "";

        [Required(ErrorMessage = "Ulangi kata sandi baru.")]
        [DataType(DataType.Password)]
        [Compare(nameof(NewPassword), ErrorMessage = "Kedua kata sandi baru tidak sama.")]
        public string ConfirmPassword { get; set; } = "";

        /// <summary>Whoever knew the old password may also have made a token with it.</summary>
        [Display(Name = "Cabut token API")]
        public bool RevokeTokens { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();
        var user = await users.GetUserAsync(User);
        if (user is null)
            return RedirectToPage("/Accounts/Login");
        if (Input.NewPassword == Input.CurrentPassword)
        {
            ModelState.AddModelError("Input.NewPassword", "Kata sandi baru harus berbeda dari yang lama.");
            return Page();
        }

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
                ModelState.AddModelError(error.Code == "PasswordMismatch" ? "Input.CurrentPassword" : "Input.NewPassword", error.Description);
            return Page();
        }

        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        // The new password changed the account's stamp, which ends every other session; this one gets the new stamp.
        await signIn.RefreshSignInAsync(user);
        var revoked = Input.RevokeTokens ? await UserAccounts.RevokeTokensAsync(db, user.Id, HttpContext.RequestAborted) : 0;
        TempData["Status"] = "Kata sandi Anda telah diganti. Sesi di perangkat lain diakhiri." + UserAccounts.RevokedTokens(revoked);
        return Redirect("/");
    }
}
