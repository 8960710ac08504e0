using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Notifications;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Settings.Webhook;

/// <summary>Pengaturan > Webhook: the region's outgoing webhook (URL and secret, never shown back in full) and a test send that shows the answer.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, WebhookSender sender, IWebHostEnvironment environment) : PageModel
{
    public sealed class FormInput
    {
        public string? Url { get; set; }
        public string? Secret { get; set; }
    }

    [BindProperty]
    public FormInput Input { get; set; } = new();

    public string RegionName { get; private set; } = "";
    public string RegionQuery { get; private set; } = "";
    public string? SavedSecret { get; private set; }
    public (bool Ok, string Message)? TestResult { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? region)
    {
        if (await LoadAsync(region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        Input.Url = (await WebhookSender.ForRegionAsync(db, resolved.Code))?.Url;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? region)
    {
        if (await LoadAsync(region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        var problems = await RegionWebhooks.SaveAsync(db, resolved.Code, Input.Url, Input.Secret, environment.IsDevelopment());
        if (problems.Count > 0)
        {
            ModelState.AddProblems(problems, nameof(Input));
            return Page();
        }
        TempData["Status"] = "Webhook disimpan. Kirim pesan uji untuk memastikan server penerima menjawab.";
        return Redirect("/Settings/Webhook" + RegionQuery);
    }

    public async Task<IActionResult> OnPostTestAsync(string? region)
    {
        if (await LoadAsync(region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        ModelState.Clear();
        Input.Url = (await WebhookSender.ForRegionAsync(db, resolved.Code))?.Url;
        TestResult = await RegionWebhooks.TestAsync(db, sender, resolved.Code, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? region)
    {
        if (await LoadAsync(region) is not { } resolved)
            return RedirectToPage("/Settings/Index");
        await RegionWebhooks.RemoveAsync(db, resolved.Code);
        TempData["Status"] = "Webhook dihapus; notifikasi tidak lagi dikirim ke sana.";
        return Redirect("/Settings/Webhook" + RegionQuery);
    }

    private async Task<Region?> LoadAsync(string? region)
    {
        if (await AdminRegion.ResolveAsync(db, scope, region) is not { } resolved)
            return null;
        RegionName = resolved.GovernmentName;
        RegionQuery = scope.RegionCode is null ? $"?region={resolved.Code}" : "";
        SavedSecret = (await WebhookSender.ForRegionAsync(db, resolved.Code)) is { } saved ? RegionWebhooks.Masked(saved.Secret) : null;
        return resolved;
    }
}
