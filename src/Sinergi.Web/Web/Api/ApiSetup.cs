using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using Sinergi.Features.Accounts;
using Sinergi.Features.Agreements;
using Sinergi.Features.Budget;
using Sinergi.Features.Dashboards;
using Sinergi.Features.Import;
using Sinergi.Features.Monitoring;
using Sinergi.Features.Notifications;
using Sinergi.Features.Opds;
using Sinergi.Features.Partners;
using Sinergi.Features.Proposals;
using Sinergi.Features.Portal;
using Sinergi.Features.Regions;
using Sinergi.Features.Reports;
using Sinergi.Features.Tkksd;

namespace Sinergi.Web.Api;

/// <summary>The HTTP API under <c>/api/v1</c>, its OpenAPI document and the browsable reference.</summary>
public static class ApiSetup
{
    public static WebApplicationBuilder AddApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer<DocumentDescription>();
            o.AddSchemaTransformer(ConvertedTypes);
        });
        // A body that is not JSON is the caller's mistake (400), in Development as in production.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new FiniteDoubleConverter());
        });
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        var v1 = app.MapGroup("/api/v1").RequireAuthorization(Policies.Api).RequireRateLimiting(RateLimits.Api);
        v1.MapMeApi();
        v1.MapRegionsApi();
        v1.MapOpdsApi();
        v1.MapAgreementsApi();
        v1.MapPartnersApi();
        v1.MapImportApi();
        v1.MapReportsApi();
        v1.MapMonevApi();
        v1.MapBudgetApi();
        v1.MapBudgetChecksApi();
        v1.MapNotificationsApi();
        Sinergi.Features.Participants.ParticipantsApi.MapParticipantsApi(v1);
        v1.MapProposalsApi();
        v1.MapSopApi();
        Sinergi.Features.Potentials.PotentialsApi.MapPotentialsApi(v1);
        Sinergi.Features.WorkPlans.WorkPlansApi.MapWorkPlansApi(v1);
        v1.MapTkksdApi();
        v1.MapDashboardApi();
        app.MapPortal();

        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o
                .WithTitle("Sinergi API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes(AccessTokenHandler.SchemeName)
                .HideDeveloperTools()
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .DisableDefaultFonts()
                .WithFavicon("/favicon.svg"))
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// Types the API reads and writes through its own converters (<see cref="FiniteDoubleConverter"/>,
    /// <see cref="OpdsApi.UrusanRef"/>) keep the schema they have on the wire, which the generator
    /// cannot see through a converter.
    /// </summary>
    private static Task ConvertedTypes(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken ct)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(double) || type == typeof(double?))
        {
            schema.Type = type == typeof(double) ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
            schema.Format = "double";
        }
        else if (typeof(IEnumerable<OpdsApi.UrusanRef>).IsAssignableFrom(type))
        {
            schema.Items = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "Kode urusan, mis. 1.02; objek {\"code\": \"1.02\", ...} seperti pada GET juga diterima.",
            };
        }
        return Task.CompletedTask;
    }

    /// <summary>Title, description and the bearer scheme every endpoint requires.</summary>
    private sealed class DocumentDescription : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            document.Info = new OpenApiInfo
            {
                Title = "Sinergi API",
                Version = "v1",
                Description = "API Sistem Informasi Kerja Sama Daerah. Buat token akses pribadi di halaman Profil, "
                    + "lalu kirim di header `Authorization: Bearer <token>`. Galat dikembalikan sebagai ProblemDetails (RFC 9457).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[AccessTokenHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "Token akses pribadi (snrg_...)",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AccessTokenHandler.SchemeName, document)] = [] }];
            return Task.CompletedTask;
        }
    }
}
