using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sinergi.Tenancy;

namespace Sinergi.Data;

// dotnet-ef builds each provider's context here to write its migration set (scripts/add-migration.sh).

public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<SqliteAppDbContext>)new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqliteFile("Data Source=design-time.db").Options,
        new RegionScope(new HttpContextAccessor()), TimeProvider.System);
}

public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) => new(
        (DbContextOptions<PostgresAppDbContext>)new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UsePostgres("Host=localhost;Database=sinergi_design").Options,
        new RegionScope(new HttpContextAccessor()), TimeProvider.System);
}
