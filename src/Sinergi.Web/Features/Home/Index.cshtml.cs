using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Features.Dashboards;
using Sinergi.Features.Regions;
using Sinergi.Tenancy;
using Sinergi.Web;

namespace Sinergi.Features.Home;

/// <summary>Beranda: the figures of what exists, for the caller's region and, for overseers, their regions.</summary>
public class IndexModel(AppDbContext db, RegionScope scope, IAuthorizationService authorization, TimeProvider clock, RegistryCache cache) : PageModel
{
    public sealed record RegionFigures(string Code, string Name, string LevelLabel, int Opds, int ActiveUsers, int UrusanCovered, IReadOnlyList<(string Role, int Count)> RoleCounts);

    public sealed record OverseenRow(string Code, string Name, int Opds, int ActiveUsers, int Agreements);

    /// <summary>How many of the ending agreements Beranda lists before linking to all of them.</summary>
    public const int EndingShown = 10;

    public sealed record OverseenFigures(string Title, string Summary, IReadOnlyList<OverseenRow> Rows);

    public string FullName { get; private set; } = "";
    public string Heading { get; private set; } = "";
    public string Today { get; private set; } = "";
    public bool CanManage { get; private set; }
    /// <summary>A partner's own account (Mitra) sees its region's name, not its registry.</summary>
    public bool ReadsRegistry { get; private set; }
    public RegionFigures? Region { get; private set; }
    public OverseenFigures? Overseen { get; private set; }
    public int Provinces { get; private set; }
    public int Regencies { get; private set; }
    public int UrusanTotal { get; private set; }
    /// <summary>Per status, for the same agreements as the registry list: the region's own and those it is party to.</summary>
    public IReadOnlyDictionary<AgreementStatus, int> AgreementCounts { get; private set; } = new Dictionary<AgreementStatus, int>();
    public int InForce => AgreementCounts.GetValueOrDefault(AgreementStatus.Berlaku) + AgreementCounts.GetValueOrDefault(AgreementStatus.AkanBerakhir);
    public int Ending => AgreementCounts.GetValueOrDefault(AgreementStatus.AkanBerakhir);
    /// <summary>The agreements that end soonest, with their OPDs and days left.</summary>
    public IReadOnlyList<AgreementRow> EndingSoon { get; private set; } = [];
    public DateOnly RegistryToday { get; private set; }
    public int WindowDays { get; private set; }
    /// <summary>The leader's dashboard: of the region, or of the caller's OPD for an Operator OPD.</summary>
    public DashboardView? Dashboard { get; private set; }
    public OpdInbox? Inbox { get; private set; }

    public async Task OnGetAsync()
    {
        FullName = User.FindFirst(SinergiClaims.FullName)?.Value ?? "";
        Today = Indonesian.Date(RegionClock.Today(clock, scope.RegionCode));
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ManageRegion)).Succeeded;
        ReadsRegistry = (await authorization.AuthorizeAsync(User, Policies.ReadRegistry)).Succeeded;
        Provinces = await db.Regions.CountAsync(r => r.Level == RegionLevel.Provinsi);
        Regencies = await db.Regions.CountAsync(r => r.Level != RegionLevel.Provinsi);
        UrusanTotal = await db.Urusan.CountAsync();

        if (scope.RegionCode is { } code)
        {
            var region = await db.Regions.AsNoTracking().SingleAsync(r => r.Code == code);
            Heading = region.GovernmentName;
            var users = db.Users.Where(u => u.RegionCode == code && u.IsActive);
            var roleCounts = await (from u in users
                                    join ur in db.UserRoles on u.Id equals ur.UserId
                                    join r in db.Roles on ur.RoleId equals r.Id
                                    group u by r.Name into g
                                    select new { Role = g.Key!, Count = g.Count() }).ToListAsync();
            Region = new RegionFigures(
                region.Code, region.Name, LevelLabel(region.Level),
                await db.Opds.CountAsync(),
                await users.CountAsync(),
                await db.Opds.SelectMany(o => o.Urusan).Select(u => u.Code).Distinct().CountAsync(),
                roleCounts.OrderBy(c => Roles.All.ToList().IndexOf(c.Role)).Select(c => (c.Role, c.Count)).ToList());
            if (ReadsRegistry)
                await LoadRegistryAsync();
        }
        else
        {
            Heading = scope.IsUnrestricted ? "Administrasi Sinergi" : "Kementerian Dalam Negeri";
        }

        if (scope.OverseenPrefix is { } prefix)
            Overseen = await OverseenAsync(prefix);
    }

    /// <summary>
    /// The registry at a glance: how many agreements per status, and which end soonest. Read by the
    /// list's own query, so Beranda and the list always count the same agreements.
    /// </summary>
    private async Task LoadRegistryAsync()
    {
        // An Operator OPD lands on its OPD's dashboard; the others on the region's.
        var opd = User.IsInRole(Roles.OpdOperator) ? scope.OpdId : null;
        var ending = await AgreementSearchQuery.RunAsync(db, scope, clock, cache,
            new AgreementFilter { Status = AgreementStatus.AkanBerakhir, Sort = "berakhir", OpdId = opd }, 1, EndingShown);
        AgreementCounts = ending.CountsByStatus;
        EndingSoon = ending.Rows;
        RegistryToday = ending.Today;
        WindowDays = ending.WindowDays;
        var figures = await DashboardQueries.ReadAsync(db, scope, clock, cache, scope.RegionCode!, opd, HttpContext.RequestAborted);
        Dashboard = new DashboardView(figures, AgreementCounts, EndingSoon);
        if (opd is int id)
        {
            Inbox = await OpdInbox.ReadAsync(db, scope, cache, scope.RegionCode!, id, figures.Today, HttpContext.RequestAborted);
            Heading = $"{Inbox.OpdName} · {Heading}";
        }
    }

    /// <summary>The regions under an overseer that already use Sinergi, read past the own-region filter.</summary>
    private async Task<OverseenFigures> OverseenAsync(string prefix)
    {
        var opdCounts = await db.Opds.IgnoreQueryFilters().WhereRegionUnder(prefix, o => o.RegionCode)
            .GroupBy(o => o.RegionCode).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count);
        var userCounts = await db.Users.Where(u => u.IsActive && u.RegionCode != null).WhereRegionUnder(prefix, u => u.RegionCode)
            .GroupBy(u => u.RegionCode!).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count);
        var agreementCounts = await db.Agreements.IgnoreQueryFilters().WhereRegionUnder(prefix, a => a.RegionCode)
            .GroupBy(a => a.RegionCode).Select(g => new { Code = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Code, g => g.Count);
        var codes = opdCounts.Keys.Union(userCounts.Keys).Union(agreementCounts.Keys).ToList();
        var names = await db.Regions.Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name);
        var rows = codes.Order(StringComparer.Ordinal)
            .Select(c => new OverseenRow(c, names.GetValueOrDefault(c, c), opdCounts.GetValueOrDefault(c), userCounts.GetValueOrDefault(c), agreementCounts.GetValueOrDefault(c)))
            .ToList();

        if (prefix == "")
        {
            var all = await db.Regions.CountAsync();
            return new("Daerah yang memakai Sinergi", $"{rows.Count} dari {Indonesian.Number(all)} daerah di seluruh Indonesia.", rows);
        }
        var province = await db.Regions.SingleAsync(r => r.Code == prefix);
        var inProvince = await db.Regions.CountAsync(r => r.ProvinceCode == prefix);
        return new($"Daerah di Provinsi {province.Name}",
            $"{rows.Count} dari {inProvince + 1} pemerintah daerah (provinsi dan {inProvince} kabupaten/kota) sudah memakai Sinergi.", rows);
    }

    private static string LevelLabel(RegionLevel level) => level switch
    {
        RegionLevel.Provinsi => "provinsi",
        RegionLevel.Kota => "kota",
        _ => "kabupaten",
    };
}
