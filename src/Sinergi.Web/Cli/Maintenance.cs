using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sinergi.Data;

namespace Sinergi.Cli;

internal static class Maintenance
{
    public static async Task<int> MigrateAsync(IServiceProvider services, TextWriter output)
    {
        await DatabaseStartup.MigrateAsync(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var applied = (await db.Database.GetAppliedMigrationsAsync()).Count();
        await output.WriteLineAsync($"Skema mutakhir ({applied} migrasi, {db.Database.ProviderName}); {await db.Regions.CountAsync()} wilayah, {await db.Urusan.CountAsync()} urusan.");
        return 0;
    }

    public static async Task<int> SeedDemoAsync(IServiceProvider root, VerbArguments args, TextWriter output)
    {
        using var scope = root.CreateScope();
        await DemoData.SeedAsync(scope.ServiceProvider);
        var config = scope.ServiceProvider.GetRequiredService<IConfiguration>();
        await output.WriteLineAsync($"Data demo siap. Akun demo (kata sandi: {DemoData.PasswordOf(config)}):");
        foreach (var account in DemoData.Accounts)
            await output.WriteLineAsync($"  {account.Email,-40} {account.Label}");
        return 0;
    }

    /// <summary>A consistent copy of the embedded database, taken while Sinergi keeps running.</summary>
    public static async Task<int> BackupAsync(IServiceProvider root, VerbArguments args, TextWriter output)
    {
        var target = args.Positional.FirstOrDefault() ?? throw new VerbException("Sebutkan berkas tujuan: backup <berkas>.", 2);
        using var scope = root.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
            throw new VerbException("Untuk PostgreSQL gunakan pg_dump; perintah backup menyalin basis data SQLite bawaan.");
        var path = Path.GetFullPath(target);
        if (File.Exists(path))
            throw new VerbException($"Berkas {path} sudah ada; pilih nama lain agar cadangan lama tidak tertimpa.");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await db.Database.ExecuteSqlAsync($"VACUUM INTO {path}");
        SqliteConnection.ClearAllPools();
        await output.WriteLineAsync($"Cadangan tersimpan: {path} ({new FileInfo(path).Length:N0} bita)");
        return 0;
    }
}
