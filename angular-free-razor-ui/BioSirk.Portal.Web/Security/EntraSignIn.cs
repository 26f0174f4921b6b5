using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.Identity.Web;

namespace BioSirk.Portal.Web.Security;

/// <summary>
/// The portal's own app registration in Microsoft Entra ID (multi-tenant), held by the host admin in configuration.
/// Which Entra tenants may sign in is not configured here: each council or county connects its own.
/// </summary>
public sealed class EntraSignInOptions
{
    public const string Section = "Authentication:Entra";
    public const string DefaultInstance = "https://login.microsoftonline.com/";

    /// <summary>"organizations": any work account; the connected tenants are checked at sign-in.</summary>
    public const string DefaultTenant = "organizations";

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public bool HasCertificate { get; set; }

    /// <summary>Where Microsoft's sign-in page is, e.g. https://login.microsoftonline.com/ (another for national clouds).</summary>
    public string Instance { get; set; } = DefaultInstance;

    /// <summary>
    /// The origin of Microsoft's sign-in page when the portal offers it: the sign-in page's CSP must let its form lead
    /// there, since form-action also governs where the form's answer redirects to.
    /// </summary>
    public string? SignInOrigin => IsConfigured ? new Uri(Instance).GetLeftPart(UriPartial.Authority) : null;

    /// <summary>Without a client id the portal has no Microsoft sign-in at all, exactly as before.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    public static EntraSignInOptions From(IConfigurationSection section) => new()
    {
        ClientId = section["ClientId"],
        ClientSecret = section["ClientSecret"],
        HasCertificate = section.GetSection("ClientCertificates").GetChildren().Any() || section.GetSection("ClientCredentials").GetChildren().Any(),
        Instance = string.IsNullOrWhiteSpace(section["Instance"]) ? DefaultInstance : section["Instance"]!,
    };
}

public static class EntraSignInSetup
{
    /// <summary>The OpenID Connect scheme, next to the Identity cookie; it signs in to the external cookie only.</summary>
    public const string Scheme = "Microsoft";

    public const string CallbackPath = "/signin-microsoft";

    public static WebApplicationBuilder AddPortalEntraSignIn(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EntraSignInOptions.Section);
        var options = EntraSignInOptions.From(section);
        builder.Services.AddSingleton(options);
        if (!options.IsConfigured)
        {
            return builder;
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret) && !options.HasCertificate)
        {
            throw new InvalidOperationException(
                $"{EntraSignInOptions.Section}:ClientId is set, but neither {EntraSignInOptions.Section}:ClientSecret nor " +
                $"{EntraSignInOptions.Section}:ClientCertificates is: the portal cannot redeem the sign-in code. See etc/config/README.md.");
        }

        AddMicrosoftScheme(builder, section, options);
        return builder;
    }

    // A method of its own: Microsoft.Identity.Web, MSAL and the OpenID Connect handler are loaded only when configured.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void AddMicrosoftScheme(WebApplicationBuilder builder, IConfigurationSection section, EntraSignInOptions options)
    {
        builder.Services.AddAuthentication().AddMicrosoftIdentityWebApp(
            identity =>
            {
                section.Bind(identity);
                identity.Instance = options.Instance;
                identity.TenantId = string.IsNullOrWhiteSpace(identity.TenantId) ? EntraSignInOptions.DefaultTenant : identity.TenantId;
                identity.CallbackPath = CallbackPath;
            },
            configureCookieAuthenticationOptions: null,
            openIdConnectScheme: Scheme,
            cookieScheme: null,
            displayName: "Microsoft");
        builder.Services.PostConfigure<OpenIdConnectOptions>(Scheme, oidc =>
        {
            oidc.SignInScheme = IdentityConstants.ExternalScheme;
            if (!string.IsNullOrWhiteSpace(options.ClientSecret))
            {
                // The authorization code flow with PKCE: the id token comes over the back channel, redeemed with the
                // secret, instead of through the browser (with only a certificate, Microsoft.Identity.Web's id token flow).
                oidc.ResponseType = OpenIdConnectResponseType.Code;
                oidc.UsePkce = true;
            }

            // Cancelled at Microsoft, an expired correlation cookie, an error from Entra: back to the sign-in page with a
            // message instead of an error page.
            oidc.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EntraSignInSetup))
                    .LogWarning(context.Failure, "A Microsoft sign-in did not complete");
                context.Response.Redirect("/logg-inn?feil=microsoft");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
