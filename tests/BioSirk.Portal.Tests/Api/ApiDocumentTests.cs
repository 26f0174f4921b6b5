using System.Net;
using System.Text.Json;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Api;

public sealed class ApiDocumentTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task TheOpenApiDocument_IsValidOpenApi_AndListsEveryApiRouteAndMethodTheAppMaps_WithTheBearerScheme()
    {
        using var http = Portal.CreateClient();

        var response = await http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var (parsed, diagnostic) = Microsoft.OpenApi.OpenApiDocument.Parse(text, "json");
        Assert.Empty(diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(Microsoft.OpenApi.OpenApiElementExtensions.Validate(parsed!, Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet())!
            .Select(e => e.ToString()));
        var document = JsonDocument.Parse(text).RootElement;
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => $"{op.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var mapped = MappedApiRoutes(Portal);
        Assert.True(mapped.Count >= 4, string.Join(", ", mapped));
        Assert.Equal(mapped.Order(), documented.Order());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }

    /// <summary>Every /api/v1 route and method the app maps, as "GET /api/v1/agreements/{agreementId}".</summary>
    internal static HashSet<string> MappedApiRoutes(PortalFactory portal) =>
        portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/v1", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} /{string.Join("/", e.RoutePattern.PathSegments.Select(Segment))}"))
            .ToHashSet();

    private static string Segment(Microsoft.AspNetCore.Routing.Patterns.RoutePatternPathSegment segment) =>
        string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => "",
        }));
}
