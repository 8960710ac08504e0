using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Sinergi.Features.Accounts;
using Sinergi.Features.Opds;
using Sinergi.Features.Settings;
using Sinergi.Tenancy;

namespace Sinergi.Data;

/// <summary>
/// A believable starting point: Kota Palangka Raya (62.71) with its OPDs and people, its
/// neighbour Kabupaten Pulang Pisau (62.11) to show the region boundary, Provinsi Kalimantan
/// Tengah (62) as overseer, and the ministry. The names of people are invented.
/// </summary>
public static class DemoData
{
    public const string DefaultPassword = "SinergiDemo2026";
    public const string PalangkaRaya = "62.71";
    public const string PulangPisau = "62.11";
    public const string KalimantanTengah = "62";

    public sealed record Account(string Email, string FullName, string Role, string? RegionCode, string? OpdShortName)
    {
        public string Label => RegionCode switch
        {
            null => $"{Roles.Label(Role)}, nasional",
            _ => $"{Roles.Label(Role)}, {RegionCode}{(OpdShortName is null ? "" : $" ({OpdShortName})")}",
        };
    }

    public static readonly IReadOnlyList<Account> Accounts =
    [
        new("admin.palangkaraya@sinergi.test", "Rina Wulandari", Roles.AdminKerjaSama, PalangkaRaya, null),
        new("tkksd.palangkaraya@sinergi.test", "Yohanes Tambun", Roles.Tkksd, PalangkaRaya, null),
        new("dinkes.palangkaraya@sinergi.test", "Maria Simanjuntak", Roles.OpdOperator, PalangkaRaya, "Dinkes"),
        new("disbudpar.palangkaraya@sinergi.test", "Agus Setiawan", Roles.OpdOperator, PalangkaRaya, "Disbudpar"),
        new("sekda.palangkaraya@sinergi.test", "Hendra Pranata", Roles.Pimpinan, PalangkaRaya, null),
        new("admin.pulangpisau@sinergi.test", "Siti Rahmawati", Roles.AdminKerjaSama, PulangPisau, null),
        new("admin.kalteng@sinergi.test", "Dewi Anggraini", Roles.AdminKerjaSama, KalimantanTengah, null),
        new("pengawas.kalteng@sinergi.test", "Bambang Sutrisno", Roles.Overseer, KalimantanTengah, null),
        new("pengawas.kemendagri@sinergi.test", "Lestari Handayani", Roles.Overseer, null, null),
        new("sysadmin@sinergi.test", "Admin Sistem Sinergi", Roles.SystemAdmin, null, null),
    ];

    private sealed record OpdSeed(string Name, string ShortName, string[] Urusan, string? Head = null);

    private static readonly Dictionary<string, OpdSeed[]> Opds = new()
    {
        [PalangkaRaya] =
        [
            new("Sekretariat Daerah", "Setda", ["4.01"], "Rahmat Hidayat"),
            new("Sekretariat DPRD", "Setwan", ["4.02"]),
            new("Inspektorat", "Inspektorat", ["6.01"]),
            new("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida", ["5.01", "5.05"], "Dian Kusuma"),
            new("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD", ["5.02"]),
            new("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", ["5.03", "5.04"]),
            new("Badan Kesatuan Bangsa dan Politik", "Kesbangpol", ["8.01"]),
            new("Badan Penanggulangan Bencana dan Pemadam Kebakaran", "BPBD-PK", ["1.05"]),
            new("Dinas Pendidikan", "Disdik", ["1.01"], "Sri Wahyuni"),
            new("Dinas Kesehatan", "Dinkes", ["1.02"], "Paulus Nyaring"),
            new("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", ["1.03"]),
            new("Dinas Perumahan, Kawasan Permukiman dan Pertanahan", "Disperkimtan", ["1.04", "2.10"]),
            new("Satuan Polisi Pamong Praja", "Satpol PP", ["1.05"]),
            new("Dinas Sosial", "Dinsos", ["1.06"]),
            new("Dinas Tenaga Kerja", "Disnaker", ["2.07"]),
            new("Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", "DP3APPKB", ["2.08", "2.14"]),
            new("Dinas Ketahanan Pangan, Pertanian dan Perikanan", "DKPPP", ["2.09", "3.27", "3.25"]),
            new("Dinas Lingkungan Hidup", "DLH", ["2.11"], "Nurhayati"),
            new("Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", ["2.12"]),
            new("Dinas Perhubungan", "Dishub", ["2.15"]),
            new("Dinas Komunikasi, Informatika, Statistik dan Persandian", "Diskominfosantik", ["2.16", "2.20", "2.21"]),
            new("Dinas Koperasi, Usaha Kecil dan Menengah", "Diskop UKM", ["2.17"]),
            new("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", ["2.18"]),
            new("Dinas Pemuda dan Olahraga", "Dispora", ["2.19"]),
            new("Dinas Kebudayaan dan Pariwisata", "Disbudpar", ["2.22", "3.26"], "Benny Saragih"),
            new("Dinas Perpustakaan dan Kearsipan", "Dispursip", ["2.23", "2.24"]),
            new("Dinas Perdagangan dan Perindustrian", "Disperdagin", ["3.30", "3.31"]),
            new("Kecamatan Pahandut", "Kec. Pahandut", ["7.01"]),
            new("Kecamatan Jekan Raya", "Kec. Jekan Raya", ["7.01"]),
        ],
        [PulangPisau] =
        [
            new("Sekretariat Daerah", "Setda", ["4.01"]),
            new("Badan Perencanaan Pembangunan Daerah", "Bappeda", ["5.01"]),
            new("Dinas Pendidikan", "Disdik", ["1.01"]),
            new("Dinas Kesehatan", "Dinkes", ["1.02"]),
            new("Dinas Pertanian dan Ketahanan Pangan", "Distan", ["3.27", "2.09"]),
            new("Dinas Pariwisata, Kepemudaan dan Olahraga", "Disparpora", ["3.26", "2.19"]),
            new("Dinas Transmigrasi dan Tenaga Kerja", "Distransnaker", ["3.32", "2.07"]),
        ],
        [KalimantanTengah] =
        [
            new("Sekretariat Daerah (Biro Pemerintahan dan Otonomi Daerah)", "Setda", ["4.01"]),
            new("Badan Perencanaan Pembangunan, Riset dan Inovasi Daerah", "Bapperida", ["5.01", "5.05"]),
            new("Dinas Kesehatan", "Dinkes", ["1.02"]),
            new("Dinas Pendidikan", "Disdik", ["1.01"]),
            new("Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR", ["1.03"]),
            new("Dinas Kehutanan", "Dishut", ["3.28"]),
            new("Dinas Energi dan Sumber Daya Mineral", "Dinas ESDM", ["3.29"]),
        ],
    };

    public static string PasswordOf(IConfiguration configuration) => configuration["Demo:Password"] ?? DefaultPassword;

    /// <summary>Seeds the demo when the database has no account yet (a first start).</summary>
    public static async Task<bool> SeedIfEmptyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await db.Users.AnyAsync(ct))
            return false;
        await SeedAsync(services, ct);
        return true;
    }

    /// <summary>Adds whatever part of the demo is missing; running it twice changes nothing.</summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var password = PasswordOf(services.GetRequiredService<IConfiguration>());

        var urusan = await db.Urusan.ToDictionaryAsync(u => u.Code, ct);
        foreach (var (region, seeds) in Opds)
        {
            var existing = await db.Opds.IgnoreQueryFilters().Where(o => o.RegionCode == region)
                .Select(o => o.ShortName).ToListAsync(ct);
            foreach (var seed in seeds.Where(s => !existing.Contains(s.ShortName)))
            {
                db.Opds.Add(new Opd
                {
                    RegionCode = region,
                    Name = seed.Name,
                    ShortName = seed.ShortName,
                    HeadName = seed.Head,
                    Urusan = seed.Urusan.Select(code => urusan[code]).ToList(),
                });
            }
        }
        await db.SaveChangesAsync(ct);

        foreach (var account in Accounts)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
                continue;
            int? opdId = account.OpdShortName is null ? null
                : await db.Opds.IgnoreQueryFilters()
                    .Where(o => o.RegionCode == account.RegionCode && o.ShortName == account.OpdShortName)
                    .Select(o => o.Id).SingleAsync(ct);
            var (_, result) = await UserAccounts.CreateAsync(users, Granter.Server,
                new(account.Email, account.FullName, account.Role, account.RegionCode, opdId, password, MustChangePassword: false),
                db.UtcNow);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo account {account.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        // The Sekda signs Palangka Raya's reports; the other demo regions leave the lines to be filled by hand.
        if (!await db.RegionSettings.AnyAsync(s => s.RegionCode == PalangkaRaya, ct))
        {
            var settings = new RegionSettings { RegionCode = PalangkaRaya };
            new ReportSigner("Palangka Raya", "Sekretaris Daerah Kota Palangka Raya", "Dr. Hendra Pranata, S.STP., M.Si.", "197305121998031004").ApplyTo(settings);
            db.RegionSettings.Add(settings);
            await db.SaveChangesAsync(ct);
        }

        var clock = services.GetRequiredService<TimeProvider>();
        await DemoAgreements.SeedAsync(db, PalangkaRaya, RegionClock.Today(clock, PalangkaRaya), ct);
        await DemoMonev.SeedAsync(db, PalangkaRaya, RegionClock.Today(clock, PalangkaRaya), ct);
        await DemoJudgements.SeedAsync(db, PalangkaRaya, ct);
        await DemoIndicators.SeedAsync(db, PalangkaRaya, RegionClock.Today(clock, PalangkaRaya), ct);
        await DemoBudget.SeedAsync(db, PalangkaRaya, RegionClock.Today(clock, PalangkaRaya), ct);
        await DemoIndicators.SeedObstaclesAsync(db, PalangkaRaya, RegionClock.Today(clock, PalangkaRaya), ct);
        await DemoMonev.SummariseAsync(db, PalangkaRaya, ct);
        await DemoParticipants.SeedAsync(db, PalangkaRaya, RegionClock.Today(clock, PalangkaRaya), ct);
        await DemoProposals.SeedAsync(db, services.GetRequiredService<Sinergi.Infrastructure.Files.FileStore>(), PalangkaRaya, RegionClock.Today(clock, PalangkaRaya), ct);
        await DemoPotentials.SeedAsync(db, PalangkaRaya, PulangPisau, RegionClock.Today(clock, PalangkaRaya), ct);
        await DemoTkksd.SeedAsync(db, services.GetRequiredService<Sinergi.Infrastructure.Files.FileStore>(), PalangkaRaya, RegionClock.Today(clock, PalangkaRaya), ct);
        // Reminders already due on the demo's day, by the daily job's own rules and ledger (so the job never gives them twice),
        // run last so that every rule sees the whole demo (the TKKSD's term and action items too): the bell has them at once, and
        // their emails are left to the job's first run, so seeding never waits on a mail server.
        await services.GetRequiredService<Sinergi.Features.Notifications.NotificationRunner>().RunAsync(null, dryRun: false, ct, inAppOnly: true);
    }

    /// <summary>The demo accounts that exist in this database, for the start-up banner.</summary>
    public static List<Account> ListPresentAccounts(AppDbContext db)
    {
        var emails = Accounts.Select(a => a.Email.ToUpperInvariant()).ToList();
        var present = db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail).ToHashSet();
        return Accounts.Where(a => present.Contains(a.Email.ToUpperInvariant())).ToList();
    }
}
