using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Map;
using Sinergi.Features.Proposals;
using Sinergi.Tenancy;

namespace Sinergi.Features.Potentials;

/// <summary>
/// Potensi daerah: the region's catalogue on a map and in a list; for a province's overseer and
/// admin the potentials of every kab/kota under it, on one map and in one list.
/// </summary>
public class IndexModel(AppDbContext db, RegionScope scope, Agreements.Registry.RegistryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Urusan { get; set; }
    [BindProperty(SupportsGet = true), Display(Name = "Keadaan")] public PotentialState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [Display(Name = "Halaman")]
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public List<PotentialQueries.Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + PotentialQueries.PageSize - 1) / PotentialQueries.PageSize);
    public List<PotentialQueries.Marker> Markers { get; private set; } = [];
    public string? Prefix { get; private set; }
    public bool CanCreate { get; private set; }
    public bool CanRank { get; private set; }
    public List<(string Code, string Name)> UrusanOptions { get; private set; } = [];
    public List<(string Code, string Name)> RegionOptions { get; private set; } = [];
    public string? ShapesProvince { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var caller = ProposalCaller.Of(User, scope);
        Prefix = PotentialAccess.WidePrefix(caller, scope);
        if (Prefix is null && (caller.RegionCode is null || caller.Is(Accounts.Roles.Mitra)))
            return Forbid();
        var ct = HttpContext.RequestAborted;
        var filter = new PotentialQueries.Filter(Q, Urusan, State, Region);
        (Rows, Total, PageNumber) = await PotentialQueries.PageAsync(db, cache, caller.RegionCode, Prefix, filter, PageNumber, ct: ct);
        Markers = await PotentialQueries.MarkersAsync(db, cache, caller.RegionCode, Prefix, filter, ct);
        CanCreate = Prefix is null && PotentialAccess.CanCreate(caller);
        CanRank = Prefix is null;
        ShapesProvince = Prefix is { Length: 2 } p ? p : caller.RegionCode is { Length: 5 } own ? Regions.Region.ProvinceCodeOf(own) : null;
        UrusanOptions = await cache.GetOrReadReferenceAsync("potential-urusan-options", async () =>
            (await db.Urusan.OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync(ct)).Select(u => (u.Code, $"{u.Code} {u.Name}")).ToList());
        if (Prefix is { } prefix)
            RegionOptions = await cache.GetOrReadReferenceAsync($"potential-region-options {prefix}", async () =>
                (await db.Regions.AsNoTracking().WhereRegionUnder(prefix, r => r.Code).Where(r => r.Code.Length == 5).OrderBy(r => r.Code)
                    .Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList());
        return Page();
    }

    /// <summary>The kab/kota shapes of the province the map shows, as the Map page ships them.</summary>
    public async Task<IActionResult> OnGetShapesAsync(string? province)
    {
        var caller = ProposalCaller.Of(User, scope);
        var prefix = PotentialAccess.WidePrefix(caller, scope);
        var allowed = prefix is { Length: 2 } p ? p : caller.RegionCode is { Length: 5 } own ? Regions.Region.ProvinceCodeOf(own) : null;
        if (allowed is null || province != allowed || caller.Is(Accounts.Roles.Mitra))
            return NotFound();
        Response.Headers.CacheControl = "private, max-age=86400";
        return Content(await MapData.ShapesAsync(province, HttpContext.RequestAborted), "application/geo+json");
    }

    public Web.Pager Pager => new(PageNumber, PageCount, Total, PageLink, "potential-pages", "potensi");

    /// <summary>Another page of the list with the filters kept.</summary>
    public string PageLink(int page)
    {
        var query = new Dictionary<string, string?> { ["q"] = Q, ["urusan"] = Urusan, ["state"] = State?.ToString(), ["region"] = Region, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Potentials", query.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
