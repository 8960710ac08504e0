namespace Sinergi.Features.Import;

public static class ImportSetup
{
    /// <summary>The limits of a spreadsheet, how long unsaved previews are kept, and the background reader and saver of uploaded ones.</summary>
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
