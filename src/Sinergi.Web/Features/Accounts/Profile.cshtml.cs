using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Features.Accounts;

public class ProfileModel(AppDbContext db, UserManager<AppUser> users, TimeProvider clock) : PageModel
{
    public sealed record MeRow(string FullName, string Email, IReadOnlyList<string> Roles, string? RegionCode, string? RegionName, string? OpdName);

    public sealed record TokenRow(int Id, string Name, string Hint, DateTime CreatedAt, DateTime? ExpiresAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Beri nama token, mis. nama aplikasi yang memakainya.")]
        [StringLength(80, ErrorMessage = "Nama token paling panjang 80 karakter.")]
        public string Name { get; set; } = "";

        [Range(1, AccessTokenLifetimes.MaxDays, ErrorMessage = "Masa berlaku 1 sampai 365 hari.")]
        [Display(Name = "Masa berlaku token (hari)")]
        public int Days { get; set; } = AccessTokenLifetimes.DefaultDays;
    }

    [BindProperty]
    public TokenInput NewToken { get; set; } = new();

    public MeRow Me { get; private set; } = null!;
    public List<TokenRow> Tokens { get; private set; } = [];
    public string? NewSecret { get; private set; }
    public DateTime Now { get; private set; }

    public async Task OnGetAsync()
    {
        NewSecret = TempData["NewToken"] as string;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (token, secret) = AccessToken.Issue(users.GetUserId(User)!, NewToken.Name.Trim(), now, now.AddDays(NewToken.Days));
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync();
        // Shown once after the redirect; TempData is encrypted and gone once read.
        TempData["NewToken"] = secret;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var userId = users.GetUserId(User);
        var token = await db.AccessTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId);
        if (token is null)
            return NotFound();
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync();
        TempData["Status"] = $"Token '{token.Name}' dicabut.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        Now = clock.GetUtcNow().UtcDateTime;
        var userId = users.GetUserId(User);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.FullName, u.Email, u.RegionCode, RegionName = u.Region!.Name, OpdName = u.Opd!.Name })
            .SingleAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync();
        Me = new MeRow(user.FullName, user.Email!, roles, user.RegionCode, user.RegionName, user.OpdName);
        Tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenRow(t.Id, t.Name, t.Hint, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt))
            .ToListAsync();
    }
}
