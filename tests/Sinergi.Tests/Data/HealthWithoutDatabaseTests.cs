using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Sinergi.Tests.Data;

public sealed class HealthWithoutDatabaseTests
{
    /// <summary>Sinergi pointed at a PostgreSQL port where nothing listens.</summary>
    private sealed class AppWithoutDatabase : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("DataDirectory", Path.Combine(Path.GetTempPath(), "sinergi-no-db"));
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("Database:ConnectionString", "Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");
            builder.UseSetting("Database:MigrateOnStart", "false");
            builder.UseSetting("Database:SeedDemoOnStart", "false");
        }
    }

    [Fact]
    public async Task Health_endpoint_answers_503_when_the_database_does_not()
    {
        await using var app = new AppWithoutDatabase();
        var response = await app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
