using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;

namespace BioSirk.Portal.Web.Api;

/// <summary>
/// The API's own authentication scheme: Entra bearer tokens, validated by Microsoft.Identity.Web against the portal's
/// app registration (section <c>Authentication:EntraApi</c>). Pages keep the cookie as their default scheme; a cookie
/// never authenticates a call to /api (so no cross-site request can use it).
/// </summary>
public static class ApiAuthentication
{
    public const string Scheme = "Bearer";
    public const string Section = "Authentication:EntraApi";
    public const string Policy = "Api";

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration[$"{Section}:ClientId"]);

    public static void AddApiAuthentication(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(Section);
        var authentication = builder.Services.AddAuthentication();
        if (IsConfigured(builder.Configuration))
        {
            // One app registration for every council: multi-tenant ("organizations"); the tid of each token is
            // mapped to a council or county by the caller filter, and an unknown tid gets nothing.
            AddEntraBearer(authentication, section);
        }
        else
        {
            // Without an app registration there is no way to get a token for this portal: every call answers 401.
            authentication.AddScheme<AuthenticationSchemeOptions, NoApiClientsHandler>(Scheme, _ => { });
        }

        builder.Services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
    }

    // A method of its own: Microsoft.Identity.Web and MSAL are loaded only when the API is configured.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddEntraBearer(AuthenticationBuilder authentication, IConfigurationSection section) =>
        authentication.AddMicrosoftIdentityWebApi(
            _ => { },
            identity =>
            {
                section.Bind(identity);
                identity.Instance = string.IsNullOrWhiteSpace(identity.Instance) ? "https://login.microsoftonline.com/" : identity.Instance;
                identity.TenantId = string.IsNullOrWhiteSpace(identity.TenantId) ? "organizations" : identity.TenantId;
            },
            Scheme);

    private sealed class NoApiClientsHandler(
        IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, System.Text.Encodings.Web.UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
            Task.FromResult(AuthenticateResult.Fail("The API is not configured (Authentication:EntraApi:ClientId)."));
    }
}
