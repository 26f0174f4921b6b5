using System.Net;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace BioSirk.Portal.Tests.Api;

/// <summary>A portal without the API's app registration: the routes are there (and documented), every call is 401.</summary>
public sealed class ApiWithoutConfigurationTests(ApiWithoutConfigurationTests.Portal portal) : IClassFixture<ApiWithoutConfigurationTests.Portal>
{
    [Fact]
    public async Task EveryCall_Answers401WithProblemDetails_EvenWithATokenThatWouldBeValid()
    {
        using var http = portal.CreateClient().WithToken(ApiTokens.App(Guid.NewGuid(), "Agreements.Read"));

        var response = await http.GetAsync("/api/v1/agreements");
        var document = await http.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/api/v1/agreements", await document.Content.ReadAsStringAsync());
    }

    public sealed class Portal() : PortalFactory("biosirk_tests_noapi")
    {
        protected override void ConfigureMore(IWebHostBuilder builder) => builder.UseSetting("Authentication:EntraApi:ClientId", "");
    }
}
