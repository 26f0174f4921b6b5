using System.Net;
using System.Text.Json;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Tests.Agreements;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BioSirk.Portal.Tests.Api;

/// <summary>Bearer tokens of a local issuer through the real Microsoft.Identity.Web validation, then tid → council.</summary>
public sealed class ApiAuthenticationTests(PortalFactory portal) : PortalTest(portal)
{
    [Fact]
    public async Task ASecretarysToken_ReadsHerCouncilsAgreement_AsTheCouncil()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(tid, Demo.HallingdalSecretary));

        var list = await http.GetAsync("/api/v1/agreements");
        var one = await http.GetAsync($"/api/v1/agreements/{agreementId}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var items = (await Json(list)).GetProperty("items");
        Assert.Equal(agreementId, Assert.Single(items.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal("Regionrådet for Hallingdal", (await Json(one)).GetProperty("council").GetString());
    }

    [Fact]
    public async Task AnAppOnlyToken_WithTheReadRole_ActsAsTheCouncil_AndWithoutItIsRefused()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var reader = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Agreements.Read"));
        using var other = Portal.CreateClient().WithToken(ApiTokens.App(tid, "Something.Else"));

        var ok = await reader.GetAsync($"/api/v1/agreements/{agreementId}");
        Assert.True(ok.StatusCode == HttpStatusCode.OK, ok.Headers.WwwAuthenticate.ToString());
        var refused = await other.GetAsync($"/api/v1/agreements/{agreementId}");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task BadTokens_Answer401WithProblemDetails_AndNoData()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        string[] tokens =
        [
            ApiTokens.Person(tid, Demo.HallingdalSecretary, audience: "api://another-app"),
            ApiTokens.Person(tid, Demo.HallingdalSecretary, expires: DateTime.UtcNow.AddMinutes(-10)),
            ApiTokens.Person(tid, Demo.HallingdalSecretary, signedWith: ApiTokens.OtherKey()),
            "not-a-token",
        ];

        foreach (var token in tokens.Append(null))
        {
            using var http = Portal.CreateClient(new() { AllowAutoRedirect = false });
            if (token is not null)
            {
                http.WithToken(token);
            }

            var response = await http.GetAsync($"/api/v1/agreements/{agreementId}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{token}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("Hallingdal", body);
        }
    }

    [Fact]
    public async Task AValidTokenOfAnEntraTenantNoCouncilConnected_IsRefusedWithProblemDetails()
    {
        await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(Guid.NewGuid(), Demo.HallingdalSecretary));

        var response = await http.GetAsync($"/api/v1/agreements/{agreementId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await Json(response);
        Assert.Contains("ikke koblet", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain("Hallingdal", problem.GetRawText());
    }

    [Fact]
    public async Task APersonWithoutAnAccountInThatCouncil_OrWithoutTheScope_IsRefused()
    {
        var tid = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        string[] tokens =
        [
            ApiTokens.Person(tid, "ukjent@demo.biosirk.no"),
            ApiTokens.Person(tid, Demo.HadelandSecretary), // an account, but not of Hallingdal
            ApiTokens.Person(tid, Demo.HallingdalSecretary, scope: "User.Read"),
        ];

        foreach (var token in tokens)
        {
            using var http = Portal.CreateClient().WithToken(token);
            var response = await http.GetAsync($"/api/v1/agreements/{agreementId}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task AnotherCouncilsToken_GetsNotFound_ForThisCouncilsAgreement()
    {
        await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var hadeland = await ApiTokens.ConnectAsync(Portal, "hadeland");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var http = Portal.CreateClient().WithToken(ApiTokens.Person(hadeland, Demo.HadelandSecretary));

        var one = await http.GetAsync($"/api/v1/agreements/{agreementId}");
        var list = await http.GetAsync("/api/v1/agreements");

        Assert.Equal(HttpStatusCode.NotFound, one.StatusCode);
        Assert.Equal("application/problem+json", one.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await Json(list)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ASignInCookie_DoesNotAuthenticateTheApi()
    {
        await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var agreementId = await HallingdalAgreementAsync(Portal);
        using var signedIn = await Portal.SignedInAsync(Demo.HallingdalSecretary);

        var response = await signedIn.GetAsync($"/api/v1/agreements/{agreementId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task AClientOverItsRateLimit_Gets429WithProblemDetails_AndAnotherClientIsNotSlowedDown()
    {
        var hallingdal = await ApiTokens.ConnectAsync(Portal, "hallingdal");
        var hadeland = await ApiTokens.ConnectAsync(Portal, "hadeland");
        using var busy = Portal.CreateClient().WithToken(ApiTokens.App(hallingdal, "Agreements.Read"));
        using var calm = Portal.CreateClient().WithToken(ApiTokens.App(hadeland, "Agreements.Read"));

        for (var i = 0; i < ApiTokens.PermitsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/agreements?pageSize=1")).StatusCode);
        }

        var refused = await busy.GetAsync("/api/v1/agreements?pageSize=1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/v1/agreements?pageSize=1")).StatusCode);
    }

    internal static Task<Guid> HallingdalAgreementAsync(PortalFactory portal) => portal.WithScopeAsync(async sp =>
    {
        var hallingdal = await sp.GetRequiredService<PlatformDbContext>().Tenants.IgnoreQueryFilters().SingleAsync(t => t.Slug == "hallingdal");
        using var scope = sp.GetRequiredService<ICurrentTenant>().Use(TenantScope.ForTenant(hallingdal.Id));
        return (await VictimAgreement.CreateAsync(sp, hallingdal.Id)).AgreementId;
    });

    internal static async Task<JsonElement> Json(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
