using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Sinergi.Infrastructure.Files;

/// <summary>The upload limit, section <c>Uploads</c>: <c>Uploads:MaxMegabytes</c>, default 20.</summary>
public sealed class UploadOptions
{
    public const string Section = "Uploads";

    /// <summary>A megabyte here is 1.048.576 bytes, as file managers count.</summary>
    public const long BytesPerMegabyte = 1024 * 1024;

    [Range(1, 200, ErrorMessage = "Uploads:MaxMegabytes harus antara 1 dan 200.")]
    public int MaxMegabytes { get; set; } = 20;

    public long MaxBytes => MaxMegabytes * BytesPerMegabyte;

    /// <summary>
    /// What the server lets through in one request: twice the limit plus a megabyte for the other
    /// form fields, so a file somewhat over the limit still reaches <see cref="FileInspector"/>
    /// and is refused with its size in words, not cut off by the server with a bare 413.
    /// </summary>
    public long RequestBodyLimit => 2 * MaxBytes + BytesPerMegabyte;
}

public static class FilesSetup
{
    public static WebApplicationBuilder AddFiles(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<UploadOptions>()
            .Bind(builder.Configuration.GetSection(UploadOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<TextExtractionOptions>()
            .Bind(builder.Configuration.GetSection(TextExtractionOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<FormOptions>().Configure<IOptions<UploadOptions>>((form, uploads) =>
        {
            form.MultipartBodyLengthLimit = uploads.Value.RequestBodyLimit;
            form.BufferBodyLengthLimit = Math.Max(form.BufferBodyLengthLimit, uploads.Value.RequestBodyLimit);
        });
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<UploadOptions>>((kestrel, uploads) =>
            kestrel.Limits.MaxRequestBodySize = uploads.Value.RequestBodyLimit);
        services.AddSingleton<FileStore>();
        return builder;
    }
}
