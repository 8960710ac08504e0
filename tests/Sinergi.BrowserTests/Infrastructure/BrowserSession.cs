using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Sinergi.BrowserTests.Infrastructure;

/// <summary>
/// Sinergi on a real Kestrel socket over a fresh SQLite file, and the machine's Chromium driven by
/// Playwright: what a person at a browser in a regional office gets.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string DemoPassword = Demo.Password;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("sinergi-browser-").FullName;
    private SinergiServer? _server;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    /// <summary>The real SMTP server on loopback the app sends its email to.</summary>
    public SmtpCatcher Smtp { get; } = new();
    public IServiceProvider Services => _server!.Services;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _server = new SinergiServer(_dataDirectory);
        _server.UseKestrel(0);
        _server.StartServer();
        var addresses = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseUrl = addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        Smtp.Serve(_server.Services);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>Where the tests put their screenshots (the README's are copied from here).</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>Signs in through the login form, as a person does, and waits for the page it lands on.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.Ordinal));
    }

    /// <summary>A fresh page (<see cref="NewPageAsync"/>) signed in as <paramref name="email"/>.</summary>
    public async Task<(IPage Page, List<string> Errors)> SignedInAsync(string email, ViewportSize? viewport = null)
    {
        var (page, errors) = await NewPageAsync(viewport);
        await SignInAsync(page, email);
        return (page, errors);
    }

    /// <summary>A fresh browser context (own cookies) with a page that records console errors.</summary>
    public async Task<(IPage Page, List<string> Errors)> NewPageAsync(ViewportSize? viewport = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "id-ID", ViewportSize = viewport });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                errors.Add($"{message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => errors.Add(error);
        return (page, errors);
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_server is not null)
            await _server.DisposeAsync();
        Smtp.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled SQLite connection may still hold the file; the temp folder is cleaned by the OS.
        }
    }

    private sealed class SinergiServer(string dataDirectory) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("DataDirectory", dataDirectory);
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            // Every test signs in from 127.0.0.1, faster than people do.
            builder.UseSetting("RateLimits:LoginAttempts", "100000");
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserSession>
{
    public const string Name = "Chromium";
}
