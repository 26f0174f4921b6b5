using System.Net;
using System.Net.Http.Json;
using BioSirk.Portal.Tests.Infrastructure;
using BioSirk.Portal.Tests.Platform;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Api;

/// <summary>
/// Every /api route and method the app maps, called with Hallingdal's ids by Hadeland's secretary and client and by
/// Innlandet's officer and client: 404 each time. A new API route parameter fails until the harness has a victim id for it.
/// </summary>
public sealed class ApiCrossTenantTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task EveryApiRoute_WithAnotherCouncilsIds_Answers404()
    {
        await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var hadeland = await ApiTokens.ConnectAsync(Portal, "hadeland");
        var innlandet = await ApiTokens.ConnectAsync(Portal, "innlandet", county: true);
        var victim = await CrossTenantHarnessTests.VictimIds(Portal);
        string[] attackers =
        [
            ApiTokens.Person(hadeland, Demo.HadelandSecretary),
            ApiTokens.App(hadeland, "Agreements.Read", "Budget.Write", "Payments.Write", "Indicators.Read", "Indicators.Write"),
            ApiTokens.Person(innlandet, Demo.InnlandetOfficer),
            ApiTokens.App(innlandet, "Agreements.Read", "Payments.Write"),
        ];
        var failures = new List<string>();
        var probed = 0;

        var endpoints = Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true
                        && e.RoutePattern.Parameters.Count > 0);
        foreach (var endpoint in endpoints)
        {
            var missing = endpoint.RoutePattern.Parameters.Where(p => !victim.ContainsKey(p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                failures.Add($"{endpoint.RoutePattern.RawText}: no victim id for {string.Join(", ", missing)}");
                continue;
            }

            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(s => string.Concat(s.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart parameter => victim[parameter.Name],
                _ => "",
            }))));
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                foreach (var token in attackers)
                {
                    using var http = Portal.CreateClient().WithToken(token);
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (method != "GET")
                    {
                        // a body that would be valid: the refusal must come from the tenant, not from validation
                        var row = new { date = "2026-03-02", person = "Offer", activity = "Test", hours = 1m };
                        request.Content = path.EndsWith("/import", StringComparison.Ordinal) ? JsonContent.Create(new[] { row }) : JsonContent.Create(row);
                        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                    }

                    var response = await http.SendAsync(request);
                    probed++;
                    if (response.StatusCode != HttpStatusCode.NotFound)
                    {
                        failures.Add($"{method} {path} answered {(int)response.StatusCode}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(probed >= 24, $"Only {probed} probes ran; the harness is not finding the API routes.");
    }
}
