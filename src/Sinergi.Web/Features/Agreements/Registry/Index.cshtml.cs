using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Agreements.Registry;

/// <summary>Kerja Sama: the registry of the region, filtered, searched, counted per status, paged.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache) : PageModel
{
    public const int PageSize = 25;

    public sealed record Option(string Value, string Label);

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [Display(Name = "OPD")]
    [BindProperty(SupportsGet = true)] public int? Opd { get; set; }
    [BindProperty(SupportsGet = true)] public string? PartnerType { get; set; }
    [Display(Name = "Mitra")]
    [BindProperty(SupportsGet = true)] public int? Partner { get; set; }
    [BindProperty(SupportsGet = true)] public string? Urusan { get; set; }
    [Display(Name = "Tahun penandatanganan")]
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public string? Perpanjangan { get; set; }
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    /// <summary><c>formalitas</c>: only the agreements flagged formalitas.</summary>
    [BindProperty(SupportsGet = true)] public string? Flag { get; set; }
    /// <summary>An impact score band (<c>tinggi</c>, <c>sedang</c>, <c>rendah</c>, <c>belum-dinilai</c>) of the agreements in force.</summary>
    [BindProperty(SupportsGet = true)] public string? Dampak { get; set; }
    [Display(Name = "Halaman")]
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public AgreementPage Result { get; private set; } = null!;
    public bool CanCreate { get; private set; }
    public string? RegionName { get; private set; }
    // Shared with other requests through the registry cache: read only.
    public IReadOnlyList<Option> OpdOptions { get; private set; } = [];
    public IReadOnlyList<Option> UrusanOptions { get; private set; } = [];
    public List<OverseenRegions.Option> RegionOptions { get; private set; } = [];
    public List<int> YearOptions { get; private set; } = [];
    public string? PartnerName { get; private set; }
    /// <summary>The impact score and formalitas flag of the page's rows.</summary>
    public Dictionary<int, Sinergi.Features.Monitoring.MonevStanding> Monev { get; private set; } = [];
    public int PageCount => Math.Max(1, (int)Math.Ceiling(Result.Total / (double)PageSize));

    public async Task<IActionResult> OnGetAsync()
    {
        var filter = AgreementFilter.FromQuery(scope, Q, Status, Kind, Type, Opd, Partner, PartnerType, Urusan, Year, Sort, Region)
            .WithWords(Flag, Dampak, Perpanjangan);
        Flag = filter.Formalitas ? AgreementFilter.FormalitasSlug : null;
        Dampak = filter.Impact is { } band ? Sinergi.Features.Monitoring.ImpactBands.Slug(band) : null;
        Region = filter.Region;
        PageNumber = Math.Max(1, PageNumber);
        Result = await AgreementSearchQuery.RunAsync(db, scope, clock, cache, filter, PageNumber, PageSize);
        if (PageNumber > PageCount)
        {
            PageNumber = PageCount;
            Result = await AgreementSearchQuery.RunAsync(db, scope, clock, cache, filter, PageNumber, PageSize);
        }

        Monev = await Sinergi.Features.Monitoring.ImpactScores.ForAsync(db, clock, Result.Rows.Select(r => r.Id).ToList(), HttpContext.RequestAborted);
        CanCreate = Region is null && AgreementAccess.CanCreate(User, scope);
        RegionName = Result.Region.Name;
        YearOptions = [.. Result.Region.Years];
        await LoadOptionsAsync(Result.Region);
        if (Partner is int partnerId)
            PartnerName = await db.Partners.IgnoreQueryFilters().Where(p => p.Id == partnerId).Select(p => p.Name).SingleOrDefaultAsync();

        Response.VaryOnHtmx();
        return Request.IsHtmx() ? Partial("_Registry", this) : Page();
    }

    /// <summary>The <c>aria-sort</c> of a sortable column header, for screen readers: how the list is sorted by it now.</summary>
    public string AriaSort(string column) => (column, Sort ?? "terbaru") switch
    {
        ("judul", "judul") => "ascending",
        ("ditandatangani", "terbaru") => "descending",
        ("ditandatangani", "terlama") => "ascending",
        ("berakhir", "berakhir") => "ascending",
        _ => "none",
    };

    /// <summary>The export of exactly this view, every page of it.</summary>
    public string ExportLink(string format) => Link(format: format);

    /// <summary>The address of this view with some filters changed: filters live in the URL, so a view can be shared.</summary>
    public string Link(string? status = "", int? page = null, string? sort = null, bool keepPartner = true, string? format = null, bool withoutExtension = true)
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = Q, ["status"] = status == "" ? Status : status, ["kind"] = Kind, ["type"] = Type,
            ["opd"] = Opd?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["partnerType"] = PartnerType,
            ["partner"] = keepPartner ? Partner?.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["urusan"] = Urusan, ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["sort"] = sort ?? Sort, ["region"] = Region, ["flag"] = Flag,
            ["dampak"] = Dampak,
            ["perpanjangan"] = withoutExtension && Perpanjangan == AgreementFilter.WithoutExtensionSlug ? Perpanjangan : null,
            ["p"] = page is > 1 && format is null ? page.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            ["format"] = format,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(format is null ? "/Agreements" : "/Agreements/Export",
            values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => KeyValuePair.Create(v.Key, v.Value)));
    }

    private async Task LoadOptionsAsync(RegistryRegion region)
    {
        if (region.Code is not { } code)
            return;
        // The OPDs that run an agreement of this view: a partner region reads the OPDs of the region
        // that recorded a shared agreement, and an OPD that runs none would only ever show an empty list.
        OpdOptions = await cache.GetOrReadAsync(new OpdOptionsKey(region), async () =>
        {
            var opds = await AgreementAccess.Visible(db, scope, Region).SelectMany(a => a.Opds)
                .Select(o => new { o.Id, o.ShortName, o.Name, o.RegionCode }).Distinct().ToListAsync();
            var otherCodes = opds.Select(o => o.RegionCode).Where(c => c != code).Distinct().ToList();
            var others = await db.Regions.Where(r => otherCodes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name);
            return (IReadOnlyList<Option>)opds.OrderBy(o => o.RegionCode != code).ThenBy(o => o.RegionCode, StringComparer.Ordinal)
                .ThenBy(o => o.ShortName, StringComparer.CurrentCulture)
                .Select(o => new Option(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    o.ShortName + " · " + o.Name + (o.RegionCode == code ? "" : $" ({others.GetValueOrDefault(o.RegionCode, o.RegionCode)})")))
                .ToList();
        });
        UrusanOptions = await cache.GetOrReadReferenceAsync("urusan-options", () =>
            db.Urusan.OrderBy(u => u.Code).Select(u => new Option(u.Code, u.Code + " " + u.Name)).ToListAsync());
        RegionOptions = await OverseenRegions.OptionsAsync(db, scope);
    }

    private sealed record OpdOptionsKey(RegistryRegion Region);
}
