using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sinergi.Data;
using Sinergi.Features.Accounts;

namespace Sinergi.Tests.Testing;

/// <summary>
/// Sinergi in-process on a real database of its own: a fresh SQLite file, or a fresh database on
/// the PostgreSQL server that ./test.sh starts. Migrated and seeded with the demo data, as a
/// first start would be.
/// </summary>
public abstract class SinergiApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    static SinergiApp()
    {
        // A hundred test apps alive at once would each take inotify instances for their settings
        // files and their wwwroot (asp-append-version), more than a Linux user may have (128 by
        // default): the settings are read once and the few watched files are polled instead.
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }

    /// <summary>A new temporary folder unless a test points the app at one that already holds data.</summary>
    public string DataDirectory { get; init; } = Directory.CreateTempSubdirectory("sinergi-test-").FullName;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The app's clock: the real time until a test sets it (the daily job's tests move it on).</summary>
    public TestClock Clock { get; } = new();

    protected abstract string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("Database:ConnectionString", ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        builder.UseSetting("Database:SeedDemoOnStart", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Uploads:MaxMegabytes", "1");
        // Tests sign in far more often than people; RateLimitTests set small limits of their own.
        builder.UseSetting("RateLimits:LoginAttempts", "100000");
        // The reminder job runs when a test says so, not on its own timer.
        builder.UseSetting("Notifications:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public virtual Task InitializeAsync()
    {
        _ = Server; // starts the app: migrations and demo data run now, not inside the first test
        return Task.CompletedTask;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await DropDatabaseAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a pooled connection; the temp folder is cleaned by the OS.
        }
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>Runs <paramref name="work"/> with the app's own DbContext, outside any request (no region filter).</summary>
    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task WithDbAsync(Func<AppDbContext, Task> work) => WithDbAsync(async db => { await work(db); return true; });

    /// <summary>
    /// A second Sinergi on the same database, as a second node behind a load balancer would be:
    /// its own memory and caches, the same data.
    /// </summary>
    public WebApplicationFactory<Program> AnotherNode() => new Node(this);

    private sealed class Node(SinergiApp first) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => first.ConfigureWebHost(builder);
    }

    /// <summary>A personal access token for a demo account, issued the way the profile page issues it.</summary>
    public Task<string> TokenForAsync(string email, DateTime? expiresAt = null) => WithDbAsync(async db =>
    {
        var user = db.Users.Single(u => u.NormalizedEmail == email.ToUpperInvariant());
        var (token, secret) = AccessToken.Issue(user.Id, "test", DateTime.UtcNow, expiresAt ?? DateTime.UtcNow.AddDays(30));
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync();
        return secret;
    });
}

public sealed class SqliteApp : SinergiApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={Path.Combine(DataDirectory, "sinergi.db")}";
}

public sealed class PostgresApp : SinergiApp
{
    private readonly string _database = $"sinergi_test_{Guid.NewGuid():N}";

    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _database }.ConnectionString;

    /// <summary>Set by ./test.sh to the private cluster it started; the tests refuse to pretend without it.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SINERGI_TEST_POSTGRES")
        ?? throw new InvalidOperationException("SINERGI_TEST_POSTGRES is not set: run the tests through ./test.sh, which starts PostgreSQL.");

    protected override async Task DropDatabaseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
