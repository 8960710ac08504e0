using System.ComponentModel.DataAnnotations;
using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Sinergi.Web;

/// <summary>
/// The reverse proxy in front of Sinergi, section <c>ForwardedHeaders</c>. Off by default: without it
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are only the caller's own claims, and honouring
/// them would let anyone choose the address the sign-in limit counts, or pretend to use HTTPS.
/// </summary>
public sealed class ProxyOptions : IValidatableObject
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers count; none given means the local machine.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
            yield return new ValidationResult($"{Section}:KnownProxies: '{proxy}' bukan alamat IP.", [nameof(KnownProxies)]);
        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
            yield return new ValidationResult($"{Section}:KnownNetworks: '{network}' bukan jaringan CIDR (mis. 10.0.0.0/8).", [nameof(KnownNetworks)]);
    }
}

/// <summary>
/// HTTPS as the client sees it: behind HTTPS (or a trusted proxy that says the client used it) the
/// browser is told to keep to HTTPS (HSTS) and the cookies are marked Secure, each cookie by its
/// own <c>SecurePolicy</c> (same as the request, so a plain-HTTP office network still works).
/// </summary>
public static class TransportSecurity
{
    public static WebApplicationBuilder AddTransportSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProxyOptions>()
            .Bind(builder.Configuration.GetSection(ProxyOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            if (proxy.Value.KnownProxies.Count + proxy.Value.KnownNetworks.Count == 0)
                return;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.KnownProxies)
                forwarded.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.Value.KnownNetworks)
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
        });
        // A year, without subdomains: a region's other services may live under the same domain without HTTPS.
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }

    /// <summary>First in the pipeline, so everything after sees the client's address and scheme.</summary>
    public static WebApplication UseForwardedHeadersWhenConfigured(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Enabled)
            app.UseForwardedHeaders();
        return app;
    }
}
