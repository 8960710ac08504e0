using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sinergi.Audit;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Audit;

public abstract class AuditTrailTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task The_database_itself_refuses_to_change_or_delete_history()
    {
        var count = await app.WithDbAsync(db => db.AuditEvents.CountAsync());
        Assert.True(count > 0);

        // The refusal comes from the database's own triggers (SQLite RAISE, PostgreSQL RAISE EXCEPTION),
        // not from the app: a statement that bypasses EF's change tracker is refused just the same.
        var update = await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.AuditEvents.Where(e => e.Id > 0).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserName, "Orang lain"))));
        Assert.Contains("Riwayat (AuditEvents) hanya dapat ditambah", update.Message);
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => app.WithDbAsync(db =>
            db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Id\" > 0")));
        Assert.Contains("Riwayat (AuditEvents) hanya dapat ditambah", delete.Message);

        Assert.Equal(count, await app.WithDbAsync(db => db.AuditEvents.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.UserName == "Orang lain")));
    }

    [Fact]
    public async Task Every_demo_agreement_has_its_creation_in_history()
    {
        var (agreements, created) = await app.WithDbAsync(async db => (
            await db.Agreements.Select(a => a.Id).ToListAsync(),
            await db.AuditEvents.Where(e => e.EntityType == AuditEntities.Agreement && e.Action == AuditActions.Created).Select(e => e.EntityId).ToListAsync()));
        Assert.Empty(agreements.Except(created));
    }
}

public sealed class AuditTrailTestsOnSqlite(SqliteApp app) : AuditTrailTests<SqliteApp>(app);

public sealed class AuditTrailTestsOnPostgres(PostgresApp app) : AuditTrailTests<PostgresApp>(app);
