namespace Sinergi.Features.Import;

public static class ImportSetup
{
    /// <summary>The limits of a spreadsheet, and the background reader and saver of uploaded ones.</summary>
    public static WebApplicationBuilder AddImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportLimits>()
            .Bind(builder.Configuration.GetSection(ImportLimits.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddHostedService<ImportWorker>();
        return builder;
    }
}
