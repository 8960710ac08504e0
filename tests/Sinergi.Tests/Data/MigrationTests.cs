using Microsoft.EntityFrameworkCore;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Data;

public abstract class MigrationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task Migration_set_of_this_engine_matches_the_model()
    {
        // A model change without a migration for this engine would ship a schema the code does not know.
        var pending = await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending, $"The {app.Provider} migration set lags the model: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public async Task Every_migration_is_applied_on_start()
    {
        var (applied, all) = await app.WithDbAsync(async db =>
            ((await db.Database.GetAppliedMigrationsAsync()).ToList(), db.Database.GetMigrations().ToList()));
        Assert.NotEmpty(all);
        Assert.Equal(all, applied);
    }

    [Fact]
    public async Task Reference_data_is_loaded_from_its_sources()
    {
        var (provinces, regencies, urusan, palangkaRaya) = await app.WithDbAsync(async db => (
            await db.Regions.CountAsync(r => r.Level == Sinergi.Features.Regions.RegionLevel.Provinsi),
            await db.Regions.CountAsync(r => r.Level != Sinergi.Features.Regions.RegionLevel.Provinsi),
            await db.Urusan.CountAsync(),
            await db.Regions.SingleAsync(r => r.Code == Demo.Home)));
        Assert.Equal(38, provinces);
        Assert.Equal(514, regencies);
        Assert.Equal(42, urusan);
        Assert.Equal("Kota Palangkaraya", palangkaRaya.Name);
        Assert.Equal("62", palangkaRaya.ProvinceCode);
        Assert.InRange(palangkaRaya.Latitude!.Value, -2.3, -1.7);
        Assert.InRange(palangkaRaya.Longitude!.Value, 113.5, 114.1);
    }
}

public sealed class MigrationTestsOnSqlite(SqliteApp app) : MigrationTests<SqliteApp>(app);

public sealed class MigrationTestsOnPostgres(PostgresApp app) : MigrationTests<PostgresApp>(app);
