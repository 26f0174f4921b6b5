using System.Net;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;

namespace BioSirk.Portal.Tests.Platform;

public sealed class HostingTests(PortalFactory portal) : PortalTest(portal)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_AnswersHealthyWithoutSignIn(string url)
    {
        using var client = Portal.CreatePortalClient();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WithSecureCookies_APageOverPlainHttp_SaysToUseHttps_InsteadOfAnError()
    {
        await using var secure = Portal.WithWebHostBuilder(b => b.UseSetting("Security:HttpsOnlyCookies", "true"));

        using var http = secure.CreateClient(new() { BaseAddress = new Uri("http://localhost"), AllowAutoRedirect = false });
        var refused = await http.GetAsync("/logg-inn");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("må åpnes over HTTPS", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);

        using var https = secure.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        var page = await https.GetAsync("/logg-inn");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Secure", string.Join(";", page.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task EveryPage_CarriesTheSecurityHeaders()
    {
        using var client = Portal.CreatePortalClient();

        var response = await client.GetAsync("/logg-inn");

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self';", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ARequestNamingNoHandlerThePageHas_IsNotFound_NotAnError()
    {
        using var kari = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var agreement = "/rad/hallingdal/avtaler/" + await Agreements.AgreementSteps.DraftFromTemplateAsync(kari);

        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostWithTokenAsync(agreement, new())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostWithTokenAsync(agreement + "?handler=Nope", new())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await kari.GetAsync(agreement)).StatusCode);
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyAndSameSite()
    {
        using var client = Portal.CreatePortalClient();

        var response = await client.SubmitAsync("/logg-inn", "main form",
            new() { ["Input.Email"] = Demo.HallingdalSecretary, ["Input.Password"] = BioSirk.Portal.Platform.Seeding.DemoDataSeeder.Password });

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("biosirk.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRefused()
    {
        using var admin = await Portal.SignedInAsync(Demo.HallingdalAdmin);

        var response = await admin.Http.PostAsync("/rad/hallingdal/admin/medlemmer?handler=Invite",
            new FormUrlEncodedContent([new("Input.Email", "x@y.no"), new("Input.FullName", "X"), new("Input.Roles", "Member")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Hub_ConnectsWithTheSignInCookieAndRefusesAnonymous()
    {
        using var client = await Portal.SignedInAsync(Demo.HallingdalSecretary);
        var signedIn = await Connect(client);
        await signedIn.StartAsync();
        Assert.Equal(Demo.HallingdalSecretary, await signedIn.InvokeAsync<string>("WhoAmI"));
        await signedIn.DisposeAsync();

        await using var anonymous = await Connect(Portal.CreatePortalClient());
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => anonymous.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    private Task<HubConnection> Connect(PortalClient client) => LiveClients.ConnectAsync(Portal, client);
}
