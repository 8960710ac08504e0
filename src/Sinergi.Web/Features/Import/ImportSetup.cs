namespace Sinergi.Features.Import;

public static class ImportSetup
{
    /// <summary>The background reader and saver of uploaded spreadsheets, and how long unsaved previews are kept.</summary>
    public static WebApplicationBuilder AddImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ImportOptions>()
            .Bind(builder.Configuration.GetSection(ImportOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ImportJobs>();
        builder.Services.AddHostedService<ImportWorker>();
        return builder;
    }
}
