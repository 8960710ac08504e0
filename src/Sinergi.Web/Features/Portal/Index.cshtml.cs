using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;

namespace Sinergi.Features.Portal;

/// <summary>The public portal: a region's published agreements, or every region's, for anyone, without signing in.</summary>
[ResponseCache(Duration = PortalCache.Seconds, Location = ResponseCacheLocation.Any)]
public class IndexModel(AppDbContext db, TimeProvider clock, Agreements.Registry.RegistryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [Display(Name = "Tahun penandatanganan")]
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [Display(Name = "Halaman")]
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public string Heading { get; private set; } = "Kerja sama daerah di seluruh Indonesia";
    public PublicPage Result { get; private set; } = null!;
    public PublicFilter Filter { get; private set; } = new();
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)PublicRegistry.PageSize));

    public async Task<IActionResult> OnGetAsync()
    {
        if (Region is not null)
        {
            var region = Sinergi.Features.Regions.Region.IsWellFormedCode(Region)
                ? await db.Regions.AsNoTracking().SingleOrDefaultAsync(r => r.Code == Region) : null;
            if (region is null)
                return NotFound();
            Heading = $"Kerja sama {region.GovernmentName}";
        }
        Filter = new PublicFilter(Region, Q, Status is PublicFilter.InForce or PublicFilter.Ended ? Status : null, Kind,
            Year is int y && Agreements.AgreementDates.InRange(y) ? y : null);
        PageNumber = Math.Max(1, PageNumber);
        Result = await PublicRegistry.ListAsync(db, clock, cache, Filter, PageNumber, ct: HttpContext.RequestAborted);
        return Page();
    }

    public string Link(int? page = null, string? format = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["region"] = format is null ? null : Region, ["q"] = Q, ["status"] = Filter.Status, ["kind"] = Filter.Kind,
            ["year"] = Filter.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["p"] = page is > 1 ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        var path = format is not null ? $"/publik/unduh/{format}" : Region is null ? "/publik" : $"/publik/{Region}";
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => KeyValuePair.Create(v.Key, v.Value)));
    }
}

/// <summary>How long a browser or proxy may keep a portal page: published data changes rarely, and a slow line should not fetch it twice.</summary>
public static class PortalCache
{
    public const int Seconds = 300;
}
