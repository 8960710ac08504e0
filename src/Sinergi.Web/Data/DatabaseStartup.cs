using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Sinergi.Features.Accounts;

namespace Sinergi.Data;

public static class DatabaseStartup
{
    /// <summary>
    /// Brings the schema up to date, loads reference data and makes sure every role exists.
    /// The <c>migrate</c> verb and, for the embedded database, every start run this.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (db.Database.IsSqlite())
            EnsureSqliteDirectory(db.Database.GetConnectionString()!);
        // A first migrate against an empty PostgreSQL server: EF finds out that the database, then its
        // history table, is missing by trying them, and logs each try as a failure that an operator
        // reads as an error. So make both first, asking in ways that expect them to be missing.
        if (db.Database.IsNpgsql())
            await PrepareEmptyPostgresAsync(db, ct);
        // Migrating also compares the model with the last migration and takes a lock, which costs a
        // second at every start and every verb; an up-to-date database skips it.
        if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            await db.Database.MigrateAsync(ct);
        await ReferenceData.SyncAsync(db, ct);
        // Monev rows saved before their summaries were kept get them now, so every region's
        // impact scores and formalitas flags are right after an upgrade.
        await Features.Monitoring.MonevSummaries.BackfillAsync(db, ct: ct);
        await OptimizeAsync(db, ct);

        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static async Task PrepareEmptyPostgresAsync(AppDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
            await creator.CreateAsync(ct);
        var present = await db.Database.SqlQuery<bool>(
                $"SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = {DataSetup.MigrationsHistoryTable}) AS \"Value\"")
            .SingleAsync(ct);
        if (!present)
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
    }

    /// <summary>
    /// Gives SQLite's query planner the sizes of the tables that changed much (<c>sqlite_stat1</c>).
    /// Without them it picks an index by its shape alone, and a region's registry list read whole
    /// rows across a 100,000-agreement table (11 ms) instead of one covering index (2 ms). Cheap
    /// when nothing changed; run at start and after an import. PostgreSQL's autovacuum does this.
    /// </summary>
    public static async Task OptimizeAsync(AppDbContext db, CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;", ct);
    }

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.MigrateOnStart == true)
            await MigrateAsync(app.Services);
        if (options.SeedDemoOnStart == true)
        {
            using var scope = app.Services.CreateScope();
            var seeded = await DemoData.SeedIfEmptyAsync(scope.ServiceProvider);
            if (seeded)
                app.Logger.LogInformation("Data demo dimuat ke basis data yang masih kosong.");
        }
    }

    /// <summary>Once the server listens, tell the person at the console where and how to log in.</summary>
    public static void AnnounceWhenStarted(this WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Urls.Count > 0 ? string.Join(", ", app.Urls) : "(lihat log Kestrel)";
            Console.WriteLine();
            Console.WriteLine($"Sinergi berjalan di: {addresses}");
            try
            {
                using var scope = app.Services.CreateScope();
                var demo = DemoData.ListPresentAccounts(scope.ServiceProvider.GetRequiredService<AppDbContext>());
                if (demo.Count > 0)
                {
                    Console.WriteLine($"Akun demo (kata sandi: {DemoData.PasswordOf(app.Configuration)}):");
                    foreach (var account in demo)
                        Console.WriteLine($"  {account.Email,-40} {account.Label}");
                }
            }
            catch (System.Data.Common.DbException e)
            {
                Console.WriteLine($"Peringatan: basis data belum dapat dihubungi ({e.Message}). Periksa /healthz.");
            }
            Console.WriteLine("Tekan Ctrl+C untuk berhenti.");
            Console.WriteLine();
        });

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
    }
}
