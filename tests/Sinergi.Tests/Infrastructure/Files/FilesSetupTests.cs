using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sinergi.Data;
using Sinergi.Infrastructure.Files;

namespace Sinergi.Tests.Infrastructure.Files;

public sealed class FilesSetupTests
{
    private static WebApplication Build(string? maxMegabytes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        if (maxMegabytes is not null)
            builder.Configuration["Uploads:MaxMegabytes"] = maxMegabytes;
        builder.Services.AddOptions<StorageOptions>().Configure(o => o.DataDirectory = Path.GetTempPath());
        builder.AddFiles();
        return builder.Build();
    }

    [Fact]
    public async Task Default_limit_is_20_megabytes_and_the_server_lets_such_a_file_through()
    {
        await using var app = Build(maxMegabytes: null);
        await app.StartAsync();

        var uploads = app.Services.GetRequiredService<IOptions<UploadOptions>>().Value;
        Assert.Equal(20, uploads.MaxMegabytes);
        Assert.Equal(20L * 1024 * 1024, uploads.MaxBytes);
        var form = app.Services.GetRequiredService<IOptions<FormOptions>>().Value;
        Assert.True(form.MultipartBodyLengthLimit > uploads.MaxBytes);
        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        Assert.True(kestrel.Limits.MaxRequestBodySize > uploads.MaxBytes);
        Assert.NotNull(app.Services.GetRequiredService<FileStore>());
        await app.StopAsync();
    }

    [Fact]
    public async Task Limit_of_200_megabytes_raises_the_server_limits_past_it()
    {
        await using var app = Build("200");
        await app.StartAsync();

        var form = app.Services.GetRequiredService<IOptions<FormOptions>>().Value;
        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        Assert.True(form.MultipartBodyLengthLimit > 200L * 1024 * 1024);
        Assert.True(kestrel.Limits.MaxRequestBodySize > 200L * 1024 * 1024);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    public async Task Limit_outside_1_to_200_megabytes_stops_the_app_at_start(string maxMegabytes)
    {
        await using var app = Build(maxMegabytes);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("Uploads:MaxMegabytes harus antara 1 dan 200.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TextExtraction:MaxSeconds", "0", "TextExtraction:MaxSeconds harus antara 1 dan 3.600.")]
    [InlineData("TextExtraction:MaxPages", "0", "TextExtraction:MaxPages harus antara 1 dan 100.000.")]
    [InlineData("TextExtraction:MaxUnpackedMegabytes", "5000", "TextExtraction:MaxUnpackedMegabytes harus antara 1 dan 4.096.")]
    public async Task A_text_extraction_limit_out_of_range_stops_the_app_at_start(string key, string value, string message)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration[key] = value;
        builder.Services.AddOptions<StorageOptions>().Configure(o => o.DataDirectory = Path.GetTempPath());
        builder.AddFiles();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
