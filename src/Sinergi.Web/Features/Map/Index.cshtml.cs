using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Tenancy;

namespace Sinergi.Features.Map;

/// <summary>
/// Peta: a region's cooperation (partner regions at their centres, other partners at their
/// coordinates, KSDD as lines), and for overseers a choropleth of their regions. The shapes are the
/// base map; tiles are an optional layer from configuration (Map:TileUrl).
/// </summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock, IAuthorizationService authorization, IConfiguration configuration) : PageModel
{
    public static readonly IReadOnlyDictionary<string, string> Measures = new Dictionary<string, string>
    {
        ["berlaku"] = "Kerja sama masih berlaku",
        ["anggaran"] = "Terintegrasi anggaran (%)",
        ["nilai"] = "Nilai rata-rata evaluasi",
    };

    [BindProperty(SupportsGet = true)] public string? Ukuran { get; set; }

    public RegionMap? Region { get; private set; }
    public List<ShapeValue>? Shapes { get; private set; }
    public string? Province { get; private set; }
    public string? TileUrl => configuration["Map:TileUrl"] is { Length: > 0 } url ? url : null;
    public string Measure => Ukuran is not null && Measures.ContainsKey(Ukuran) ? Ukuran : "berlaku";

    public async Task<IActionResult> OnGetAsync()
    {
        if (scope.OverseenPrefix is { } prefix)
        {
            Province = prefix == "" ? null : prefix;
            Shapes = await MapData.ChoroplethAsync(db, clock, prefix, HttpContext.RequestAborted);
        }
        if (scope.RegionCode is { } code && (await authorization.AuthorizeAsync(User, Policies.ReadRegistry)).Succeeded)
            Region = await MapData.RegionAsync(db, scope, clock, code, HttpContext.RequestAborted);
        if (Region is null && Shapes is null)
            return Forbid();
        return Page();
    }

    /// <summary>The boundary shapes, cached by the browser: they change only with a new release.</summary>
    public async Task<IActionResult> OnGetShapesAsync(string? province)
    {
        if (scope.OverseenPrefix is not { } prefix)
            return Forbid();
        province = prefix == "" ? (Regions.Region.IsWellFormedCode(province) && province!.Length == 2 ? province : null) : prefix;
        Response.Headers.CacheControl = "private, max-age=86400";
        return Content(await MapData.ShapesAsync(province, HttpContext.RequestAborted), "application/geo+json");
    }

    public string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);
}
