using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sinergi.Features.Agreements.Registry;
using Sinergi.Tenancy;

namespace Sinergi.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite it defaults to a file in the data directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Apply migrations and load reference data when the app starts. Defaults to on for the
    /// embedded SQLite database and in Development; production PostgreSQL runs <c>migrate</c>.
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Seed the demo regions, OPDs and accounts into an empty database on start.</summary>
    public bool? SeedDemoOnStart { get; set; }
}

/// <summary>Where the database file and uploaded files live: <c>DataDirectory</c>, default <c>./data</c>.</summary>
public sealed class StorageOptions
{
    [Required(ErrorMessage = "DataDirectory wajib diisi.")]
    public string DataDirectory { get; set; } = "data";
}

public static class DataSetup
{
    /// <summary>The table where each engine records the migrations it has applied.</summary>
    public const string MigrationsHistoryTable = "__migrations";

    public static WebApplicationBuilder AddData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;
        var isDevelopment = builder.Environment.IsDevelopment();

        services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration)
            .PostConfigure(o => o.DataDirectory = Path.GetFullPath(o.DataDirectory, contentRoot))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .PostConfigure<IOptions<StorageOptions>>((o, storage) =>
            {
                var embedded = o.Provider == DatabaseProvider.Sqlite;
                if (embedded && string.IsNullOrWhiteSpace(o.ConnectionString))
                    o.ConnectionString = $"Data Source={Path.Combine(storage.Value.DataDirectory, "sinergi.db")}";
                o.MigrateOnStart ??= embedded || isDevelopment;
                o.SeedDemoOnStart ??= embedded;
            })
            .Validate(o => !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString wajib diisi bila Database:Provider=Postgres.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<RegionScope>();
        services.AddSingleton<RegistryCache>();
        // Both engines are registered; the options decide per scope which one AppDbContext is.
        services.AddDbContext<SqliteAppDbContext>((sp, o) => o.UseSqliteFile(ConnectionString(sp)));
        services.AddDbContext<PostgresAppDbContext>((sp, o) => o.UsePostgres(ConnectionString(sp)));
        services.AddScoped<AppDbContext>(sp =>
            sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
                ? sp.GetRequiredService<PostgresAppDbContext>()
                : sp.GetRequiredService<SqliteAppDbContext>());

        services.AddDataProtection().SetApplicationName("Sinergi").PersistKeysToDbContext<AppDbContext>();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        return builder;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString!;

    internal static DbContextOptionsBuilder UseSqliteFile(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsHistoryTable(MigrationsHistoryTable))
            .AddInterceptors(RegistryVersions.Interceptor.Instance, Sinergi.Features.Rollup.RollupInterceptor.Instance);

    internal static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable(MigrationsHistoryTable))
            .AddInterceptors(RegistryVersions.Interceptor.Instance, Sinergi.Features.Rollup.RollupInterceptor.Instance);
}
