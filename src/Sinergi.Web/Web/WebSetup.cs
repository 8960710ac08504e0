using System.Globalization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using Sinergi.Data;
using Sinergi.Features.Accounts;

namespace Sinergi.Web;

/// <summary>The web face: Razor Pages, Indonesian culture, errors, static files and headers.</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddWeb(this WebApplicationBuilder builder)
    {
        CultureInfo.DefaultThreadCurrentCulture = Indonesian.Culture;
        CultureInfo.DefaultThreadCurrentUICulture = Indonesian.Culture;

        var services = builder.Services;
        // Each feature folder holds its pages; a page whose address is not its folder says so in its @page.
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/");
                o.Conventions.AllowAnonymousToPage("/Accounts/Login");
                o.Conventions.AllowAnonymousToPage("/Errors/Error");
                o.Conventions.AllowAnonymousToPage("/Errors/Status");
                o.Conventions.AllowAnonymousToPage("/Home/Api");
                o.Conventions.AllowAnonymousToFolder("/Portal");
                o.Conventions.AuthorizeFolder("/Agreements", Policies.ReadRegistry);
                o.Conventions.AuthorizeFolder("/Partners", Policies.ReadRegistry);
                o.Conventions.AuthorizeFolder("/Reports", Policies.ReadRegistry);
                o.Conventions.AuthorizeFolder("/Monitoring", Policies.ReadRegistry);
                o.Conventions.AuthorizeFolder("/Budget", Policies.ReadRegistry);
                o.Conventions.AuthorizeFolder("/Participants", Policies.ReadRegistry);
                o.Conventions.AuthorizeFolder("/Proposals", Policies.ReadRegistry);
                o.Conventions.AuthorizeFolder("/Potentials", Policies.ReadRegistry);
                o.Conventions.AuthorizeFolder("/WorkPlans", Policies.ReadRegistry);
                o.Conventions.AuthorizeFolder("/Tkksd", Policies.ReadRegistry);
                o.Conventions.AllowAnonymousToPage("/Proposals/Track");
                o.Conventions.AuthorizePage("/Notifications/Deliveries", Policies.ManageRegion);
                // Pengaturan: the region's OPDs, accounts and registry settings.
                o.Conventions.AuthorizeFolder("/Settings", Policies.ManageRegion);
                o.Conventions.AuthorizeFolder("/Opds", Policies.ManageRegion);
                o.Conventions.AuthorizeFolder("/Accounts/Users", Policies.ManageRegion);
            })
            .AddMvcOptions(o =>
            {
                o.Filters.Add<MustChangePasswordFilter>();
                o.ModelBinderProviders.Insert(0, new IndonesianDateBinderProvider());
                IndonesianModelBinding.Apply(o.ModelBindingMessageProvider);
            });
        services.Configure<MvcOptions>(o => o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true);
        // The layout and the partials every feature shares.
        services.Configure<RazorViewEngineOptions>(o => o.PageViewLocationFormats.Add("/Web/Shared/{0}" + RazorViewEngine.ViewExtension));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "sinergi.af";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<CookieTempDataProviderOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = IndonesianProblems.Translate);
        builder.AddTransportSecurity();
        builder.AddRateLimits();
        return builder;
    }

    public static WebApplication UseWeb(this WebApplication app)
    {
        app.UseForwardedHeadersWhenConfigured();
        app.UseWhen(c => IsApi(c.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
            // What the API answers is one caller's data: no browser or proxy keeps a copy.
            api.Use((context, next) =>
            {
                context.Response.OnStarting(() =>
                {
                    if (!context.Response.Headers.ContainsKey(HeaderNames.CacheControl) && context.Request.Path.StartsWithSegments("/api/v1"))
                        context.Response.Headers.CacheControl = "no-store";
                    return Task.CompletedTask;
                });
                return next(context);
            });
        });
        app.UseWhen(c => !IsApi(c.Request), ui =>
        {
            ui.UseExceptionHandler("/Error");
            ui.UseStatusCodePagesWithReExecute("/Status", "?code={0}");
        });
        app.UseHsts();
        app.UseSecurityHeaders();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Indonesian.Culture),
            SupportedCultures = [Indonesian.Culture],
            SupportedUICultures = [Indonesian.Culture],
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = ctx => ctx.Context.Response.Headers.CacheControl = "public,max-age=604800",
        });
        app.UseRouting();
        // Before authentication: a refused attempt costs no password check and no database read.
        app.UseRateLimiter();
        app.UseRequestConnection();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        // Liveness without touching the database: for load balancers, and the benchmark's ceiling.
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapGet("/favicon.ico", () => Results.Redirect("/favicon.svg", permanent: true)).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The API and its reference answer as programs expect; <c>/Api</c>, the page for people about it, is a page.</summary>
    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/v1") || request.Path.StartsWithSegments("/api/docs") || request.Path.StartsWithSegments("/openapi");
}
