using Microsoft.OpenApi;

namespace BioSirk.Portal.Web.Api;

/// <summary>The OpenAPI document of /api/v1 (at /openapi/v1.json): the API routes only, with the bearer scheme.</summary>
public static class ApiDocument
{
    public const string Name = "v1";

    public static void AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, o =>
        {
            o.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "BioSirk-portalen API",
                    Version = "v1",
                    Description = "Avtaler, timer, utbetalinger og sluttrapporter for regionrådenes og fylkenes egne systemer. " +
                                  "Entra ID-tilgangstoken (delegert scope api.access, eller app-rollene Agreements.Read, Budget.Write og " +
                                  "Payments.Write); skriving på en avtale tar If-Match med avtalens ETag (412 når den er foreldet); " +
                                  "feil som problem details (RFC 9457).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiAuthentication.Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "Et tilgangstoken fra Entra ID for portalens app-registrering, fra rådets eller fylkets egen Entra-leietaker.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiAuthentication.Scheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });
}
