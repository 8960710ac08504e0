namespace Sinergi.Features.Import;

public static class ImportSetup
{
    /// <summary>The background reader and saver of uploaded spreadsheets.</summary>
    public static WebApplicationBuilder AddImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddHostedService<ImportWorker>();
        return builder;
    }
}
