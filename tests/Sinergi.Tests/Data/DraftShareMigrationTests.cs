using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tests.Testing;

namespace Sinergi.Tests.Data;

/// <summary>
/// A database from before drafts stopped being shared holds drafts that partner regions can read:
/// the upgrade takes those shares away, with the region tokens of their search rows.
/// </summary>
public abstract class DraftShareMigrationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : SinergiApp
{
    [Fact]
    public async Task Upgrading_unshares_the_drafts_that_partner_regions_could_read()
    {
        await app.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_DraftsAreNotShared", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[index - 1]);

            // As the old code left a draft with a partner region: shared, and its search row carrying the
            // region. Written in SQL: today's entities may hold columns this older schema has not got yet.
            var draft = await db.Agreements.Where(a => a.Title == Demo.Agreements.SharedDraft).Select(a => new { a.Id }).SingleAsync();
            await db.Database.ExecuteSqlAsync($"""INSERT INTO "AgreementShares" ("AgreementId", "RegionCode") VALUES ({draft.Id}, {Demo.PartnerRegion})""");
            var owner = SearchIndex.RegionToken(Demo.Home);
            var oldBody = await db.AgreementSearch.Where(s => s.AgreementId == draft.Id).Select(s => s.Body).SingleAsync();
            Assert.StartsWith(owner + " ", oldBody);
            var sharedBody = owner + " " + SearchIndex.RegionToken(Demo.PartnerRegion) + oldBody[owner.Length..];
            await db.AgreementSearch.Where(s => s.AgreementId == draft.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Body, sharedBody));
            var signedShares = await db.AgreementShares.CountAsync(s => s.AgreementId != draft.Id);
            var version = await db.Regions.Where(r => r.Code == Demo.PartnerRegion).Select(r => r.RegistryVersion).SingleAsync();
            Assert.Contains(draft.Id, await SearchIndex.Matching(db, "angkutan sungai", Demo.PartnerRegion)!.ToListAsync());

            await migrator.MigrateAsync();

            Assert.False(await db.AgreementShares.AnyAsync(s => s.AgreementId == draft.Id));
            Assert.Equal(signedShares, await db.AgreementShares.CountAsync());
            Assert.DoesNotContain(draft.Id, await SearchIndex.Matching(db, "angkutan sungai", Demo.PartnerRegion)!.ToListAsync());
            Assert.Contains(draft.Id, await SearchIndex.Matching(db, "angkutan sungai", Demo.Home)!.ToListAsync());
            var body = await db.AgreementSearch.Where(s => s.AgreementId == draft.Id).Select(s => s.Body).SingleAsync();
            Assert.StartsWith(SearchIndex.RegionToken(Demo.Home) + " pengembangan angkutan sungai", body);
            Assert.True(await db.Regions.Where(r => r.Code == Demo.PartnerRegion).Select(r => r.RegistryVersion).SingleAsync() > version);
        });
    }
}

public sealed class DraftShareMigrationTestsOnSqlite(SqliteApp app) : DraftShareMigrationTests<SqliteApp>(app);

public sealed class DraftShareMigrationTestsOnPostgres(PostgresApp app) : DraftShareMigrationTests<PostgresApp>(app);
