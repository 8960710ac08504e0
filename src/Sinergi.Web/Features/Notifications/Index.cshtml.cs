using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;

namespace Sinergi.Features.Notifications;

/// <summary>Notifikasi: the person's own messages, marking them read, and which kinds also come by email.</summary>
public class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty]
    [Display(Name = "Jenis notifikasi lewat email")]
    public List<NotificationKind> Email { get; set; } = [];

    [BindProperty]
    [Display(Name = "Notifikasi")]
    public long? NotificationId { get; set; }

    public List<NotificationCentre.Item> Items { get; private set; } = [];
    public HashSet<NotificationKind> EmailKinds { get; private set; } = [];
    public string? RegionCode => User.FindFirstValue(Tenancy.SinergiClaims.Region);

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync()
    {
        Items = await NotificationCentre.ListAsync(db, UserId);
        EmailKinds = await NotificationCentre.EmailKindsAsync(db, UserId);
    }

    public async Task<IActionResult> OnPostReadAsync()
    {
        await NotificationCentre.MarkReadAsync(db, UserId, NotificationId ?? -1, db.UtcNow);
        return Redirect("/Notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var changed = await NotificationCentre.MarkReadAsync(db, UserId, null, db.UtcNow);
        TempData["Status"] = changed == 0 ? "Tidak ada notifikasi yang belum dibaca." : $"{changed} notifikasi ditandai sudah dibaca.";
        return Redirect("/Notifications");
    }

    public async Task<IActionResult> OnPostPreferencesAsync()
    {
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }
        await NotificationCentre.SetEmailKindsAsync(db, UserId, Email);
        TempData["Status"] = "Pilihan notifikasi email disimpan.";
        return Redirect("/Notifications#email");
    }
}
