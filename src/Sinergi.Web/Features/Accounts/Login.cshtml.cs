using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Web;

namespace Sinergi.Features.Accounts;

[EnableRateLimiting(RateLimits.Login)]
public class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, DecoyPassword decoy,
    AppDbContext db, TimeProvider clock) : PageModel
{
    // One message for an unknown email and a wrong password, so nobody can probe for accounts.
    public const string WrongCredentials = "Email atau kata sandi salah.";
    public const string LockedOut = "Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 15 menit atau hubungi Admin Kerja Sama.";
    public const string Deactivated = "Akun Anda dinonaktifkan. Hubungi Admin Kerja Sama daerah Anda.";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Message { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Email wajib diisi.")]
        [EmailAddress(ErrorMessage = "Format email tidak valid.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Kata sandi wajib diisi.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        [Display(Name = "Tetap masuk")]

        public bool RememberMe { get; set; }
    }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // The same work as a wrong password for a real account, so the answer's speed gives nothing away.
            decoy.Check(hasher, Input.Password);
            Message = WrongCredentials;
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastLoginAt, clock.GetUtcNow().UtcDateTime));
            return LocalRedirect(SafeReturnUrl);
        }

        // A deactivated account is only named as such to someone who knows its password.
        Message = result.IsLockedOut ? LockedOut
            : result.IsNotAllowed && await users.CheckPasswordAsync(user, Input.Password) ? Deactivated
            : WrongCredentials;
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";
}
