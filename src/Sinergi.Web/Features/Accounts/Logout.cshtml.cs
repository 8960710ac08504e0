using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sinergi.Features.Accounts;

[AllowAnonymous]
public class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : RedirectToPage("/Accounts/Login");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new stamp ends the session on the server: this cookie, a copy of it and the account's other sessions.
        if (await users.GetUserAsync(User) is { } user)
            await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        TempData["Status"] = "Anda telah keluar. Sampai jumpa.";
        return RedirectToPage("/Accounts/Login");
    }
}
