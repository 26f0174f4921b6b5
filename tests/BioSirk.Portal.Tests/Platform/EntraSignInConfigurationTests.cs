using System.Net;
using BioSirk.Portal.Platform.Seeding;
using BioSirk.Portal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Tests.Platform;

/// <summary>The portal's app registration in Entra: without it nothing changes; with it a second sign-in scheme exists.</summary>
public sealed class EntraSignInConfigurationTests(PortalFactory portal) : PortalTest(portal)
{
    private const string ClientId = "0f5c8a3e-7d2b-4c61-9e48-5a1b2c3d4e5f";

    private WebApplicationFactory<Program> WithEntra(params (string Key, string Value)[] settings) =>
        Portal.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting("Authentication:Entra:" + key, value);
            }
        });

    private static async Task SignInLocallyAsync(WebApplicationFactory<Program> factory)
    {
        using var client = new PortalClient(factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await client.SignInAsync(Demo.HallingdalMember, DemoDataSeeder.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/rad/hallingdal")).StatusCode);
    }

    [Fact]
    public async Task WithoutConfiguration_ThereIsNoMicrosoftScheme_AndLocalSignInWorks()
    {
        var schemes = Portal.Services.GetRequiredService<IAuthenticationSchemeProvider>();

        Assert.Null(await schemes.GetSchemeAsync("Microsoft"));
        Assert.DoesNotContain(await schemes.GetAllSchemesAsync(), s => s.HandlerType == typeof(OpenIdConnectHandler));
        await SignInLocallyAsync(Portal);
    }

    [Fact]
    public async Task WithClientIdAndSecret_TheMicrosoftSchemeIsMultiTenantOnTheDefaultInstance_AndLocalSignInStillWorks()
    {
        await using var factory = WithEntra(("ClientId", ClientId), ("ClientSecret", "hemmelig"));

        var scheme = await factory.Services.GetRequiredService<IAuthenticationSchemeProvider>().GetSchemeAsync("Microsoft");
        var oidc = factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get("Microsoft");

        Assert.Equal(typeof(OpenIdConnectHandler), scheme?.HandlerType);
        Assert.Equal(ClientId, oidc.ClientId);
        Assert.Equal("hemmelig", oidc.ClientSecret);
        Assert.StartsWith("https://login.microsoftonline.com/organizations", oidc.Authority);
        Assert.Equal("/signin-microsoft", oidc.CallbackPath);
        Assert.Equal(IdentityConstants.ExternalScheme, oidc.SignInScheme);
        await SignInLocallyAsync(factory);
    }

    [Fact]
    public async Task AnInstanceAndTenantInConfiguration_AreUsed()
    {
        await using var factory = WithEntra(("ClientId", ClientId), ("ClientSecret", "hemmelig"),
            ("Instance", "https://login.microsoftonline.us/"), ("TenantId", "common"));

        var oidc = factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get("Microsoft");

        Assert.StartsWith("https://login.microsoftonline.us/common", oidc.Authority);
    }

    [Fact]
    public void AClientIdWithoutSecretOrCertificate_StopsTheStartWithAMessageThatSaysWhatIsMissing()
    {
        using var factory = WithEntra(("ClientId", ClientId));

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
        Assert.Contains("Authentication:Entra:ClientSecret", messages);
        Assert.Contains("etc/config/README.md", messages);
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
        }
    }
}
