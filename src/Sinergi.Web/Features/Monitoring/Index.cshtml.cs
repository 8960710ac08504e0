using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;

namespace Sinergi.Features.Monitoring;

/// <summary>
/// The Monev section: what is due, overdue first. Each role sees its own work above the region's
/// whole list: the OPD operator its reports to fill, the admin what is overdue across the region.
/// </summary>
public class IndexModel(AppDbContext db, RegionScope scope, TimeProvider clock, RegistryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [Display(Name = "OPD")]
    [BindProperty(SupportsGet = true)] public int? Opd { get; set; }
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [Display(Name = "Hanya yang terlambat")]
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [Display(Name = "Halaman")]
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Rows of the whole list per page, and of the caller's own work shown above it.</summary>
    public const int PageSize = 50;
    public const int MineShown = 20;

    public string? RegionName { get; private set; }
    public string? ScopeRegion => scope.RegionCode;
    public List<OverseenRegions.Option> RegionOptions { get; private set; } = [];
    public List<(int Id, string ShortName)> OpdOptions { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public IReadOnlyList<MonevQueries.DueRow> All { get; private set; } = [];
    public IReadOnlyList<MonevQueries.DueRow> Shown { get; private set; } = [];
    /// <summary>The caller's own work: its reports to fill, or (for the admin) what is overdue.</summary>
    public IReadOnlyList<MonevQueries.DueRow> Mine { get; private set; } = [];
    /// <summary>The list's counts and OPDs, reckoned once per kept list (<see cref="MonevDueFigures"/>).</summary>
    public MonevDueFigures Figures { get; private set; } = MonevDueFigures.Of([]);
    public string MineTitle { get; private set; } = "";
    public int OpenObstacles { get; private set; }
    public int EscalatedObstacles { get; private set; }
    public string MineEmpty { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        RegionOptions = await OverseenRegions.OptionsAsync(db, scope);
        Region = Region?.Trim() is { } code && Regions.Region.IsWellFormedCode(code) && scope.Oversees(code) ? code : scope.RegionCode ?? RegionOptions.FirstOrDefault()?.Code;
        if (Region is null)
            return Page();
        RegionName = await db.Regions.Where(r => r.Code == Region).Select(r => r.GovernmentName).SingleOrDefaultAsync();
        Today = RegionClock.Today(clock, Region);
        All = await MonevQueries.DueAsync(db, scope, cache, Region, Today, HttpContext.RequestAborted);
        // Both obstacle counts in one round trip; the list's own figures come with the kept list.
        var today = Today;
        var obstacles = await db.Obstacles.IgnoreQueryFilters().Where(o => o.RegionCode == Region && o.Status != ObstacleStatus.Selesai)
            .GroupBy(_ => 1).Select(g => new { Open = g.Count(), Escalated = g.Count(o => o.DueOn != null && o.DueOn < today) }).SingleOrDefaultAsync();
        (OpenObstacles, EscalatedObstacles) = (obstacles?.Open ?? 0, obstacles?.Escalated ?? 0);
        Figures = MonevDueFigures.Of(All);
        OpdOptions = Figures.Opds;

        if (User.IsInRole(Roles.OpdOperator) && scope.OpdId is int own && Region == scope.RegionCode)
        {
            MineTitle = "Laporan yang harus Anda isi";
            MineEmpty = "Semua laporan OPD Anda sudah dikirim.";
            Mine = All.Where(r => r.OpdIds.Contains(own) && r.State < PeriodState.Dikirim).ToList();
        }
        else if (User.IsInRole(Roles.Tkksd) && Region == scope.RegionCode)
        {
            var lokus = await MonevAccess.LokusOpdsAsync(db, User);
            MineTitle = "Telaah yang menunggu Anda";
            MineEmpty = lokus.Count == 0 ? "Anda belum ditetapkan sebagai lokus OPD mana pun." : "Tidak ada laporan yang menunggu telaah Anda.";
            Mine = All.Where(r => r.State == PeriodState.Dikirim && r.OpdIds.Any(lokus.Contains)).ToList();
        }
        else if (User.IsInRole(Roles.AdminKerjaSama) && Region == scope.RegionCode)
        {
            MineTitle = "Evaluasi yang harus ditutup, dan yang terlambat";
            MineEmpty = "Tidak ada evaluasi yang menunggu dan tidak ada laporan yang terlambat.";
            // The evaluations only the admin can close come before the overdue reports others must send.
            Mine = Figures.ToCloseThenOverdue;
        }

        var state = Enum.GetValues<PeriodState>().Cast<PeriodState?>().FirstOrDefault(s => Slug(s!.Value) == State);
        Shown = Opd is null && state is null && !Overdue ? All
            : All.Where(r => (Opd is null || r.OpdIds.Contains(Opd.Value)) && (state is null || r.State == state) && (!Overdue || r.Overdue)).ToList();
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        return Page();
    }

    public static string Slug(PeriodState state) => state switch
    {
        PeriodState.Draf => "draf",
        PeriodState.Dikirim => "dikirim",
        PeriodState.Ditelaah => "ditelaah",
        PeriodState.Selesai => "selesai",
        _ => "belum-diisi",
    };

    public int PageCount => Math.Max(1, (Shown.Count + PageSize - 1) / PageSize);

    public (List<MonevQueries.DueRow> Rows, string Id) MineTable => (Mine.Take(MineShown).ToList(), "mine-table");

    public (List<MonevQueries.DueRow> Rows, string Id) ShownTable => (Shown.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToList(), "due-table");

    /// <summary>This view on another page: the filters stay in the URL.</summary>
    public string PageLink(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Evaluations",
        new Dictionary<string, string?>
        {
            ["region"] = Region == scope.RegionCode ? null : Region, ["opd"] = Opd?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["state"] = State, ["overdue"] = Overdue ? "true" : null, ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(v => v.Value is not null));
}
