using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>A person at "Microsoft": her Entra tenant, object id, address and name.</summary>
public sealed record EntraPerson(Guid TenantId, string Email, string Name)
{
    public Guid ObjectId { get; init; } = Guid.NewGuid();
}

/// <summary>
/// A local stand-in for Entra ID's sign-in endpoints. The portal's OpenID Connect options keep everything
/// Microsoft.Identity.Web set (authority, issuer validation, PKCE, nonce, correlation), except that the metadata comes
/// from here and the code is redeemed here, through a back channel that never leaves the process. The test plays the
/// browser: it follows the portal's redirect to <see cref="SignIn"/> and posts the answer back to the portal.
/// </summary>
public sealed class TestIdentityProvider
{
    public const string ClientId = "5d2e8f14-3c6b-4a97-b0e1-2f3a4b5c6d7e";
    public const string ClientSecret = "test-hemmelighet";
    private const string Instance = "https://login.microsoftonline.com";

    private readonly RsaSecurityKey key = new(RSA.Create(2048)) { KeyId = "biosirk-test-oidc" };
    private readonly ConcurrentDictionary<string, Grant> grants = new();

    /// <summary>Signs the id tokens with another key, as a forger would.</summary>
    public bool SignWithWrongKey { get; set; }

    /// <summary>Microsoft cannot be reached: its metadata cannot be fetched.</summary>
    public bool Unreachable { get; set; }

    public void Configure(IServiceCollection services) =>
        services.PostConfigure<OpenIdConnectOptions>("Microsoft", o =>
        {
            var configuration = new OpenIdConnectConfiguration
            {
                Issuer = $"{Instance}/{{tenantid}}/v2.0",
                AuthorizationEndpoint = $"{Instance}/organizations/oauth2/v2.0/authorize",
                TokenEndpoint = $"{Instance}/organizations/oauth2/v2.0/token",
                EndSessionEndpoint = $"{Instance}/organizations/oauth2/v2.0/logout",
            };
            configuration.SigningKeys.Add(key);
            o.Configuration = null; // fetched through the manager on each challenge, as from Entra
            o.ConfigurationManager = new Metadata(this, configuration);
            o.TokenValidationParameters.ValidIssuers = [configuration.Issuer];
            o.Backchannel = new HttpClient(new TokenEndpoint(this));
            // The cookie container of the test's "browser" runs on the real clock; the portal's test clock is in the
            // past, so correlation cookies dated by it would arrive expired.
            o.TimeProvider = TimeProvider.System;
        });

    /// <summary>
    /// The person signs in at the authorize address the portal redirected to; returns the request her browser then
    /// sends back to the portal (a form post, or a redirect with the code in the query).
    /// </summary>
    public HttpRequestMessage SignIn(Uri authorize, EntraPerson person)
    {
        Assert.StartsWith($"{Instance}/organizations/oauth2/v2.0/authorize", authorize.GetLeftPart(UriPartial.Path));
        var query = Parameters(authorize.Query);
        Assert.Equal(ClientId, query.GetValueOrDefault("client_id", ""));
        var grant = new Grant(person, query.GetValueOrDefault("nonce", ""), query.GetValueOrDefault("code_challenge", ""), query.GetValueOrDefault("redirect_uri", ""));
        var fields = new Dictionary<string, string> { ["state"] = query.GetValueOrDefault("state", "") };
        var responseType = query.GetValueOrDefault("response_type", "");
        if (responseType.Contains("code", StringComparison.Ordinal))
        {
            var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            grants[code] = grant;
            fields["code"] = code;
        }

        if (responseType.Contains("id_token", StringComparison.Ordinal))
        {
            fields["id_token"] = IdToken(grant);
        }

        return Answer(grant.RedirectUri, query.GetValueOrDefault("response_mode", ""), fields);
    }

    /// <summary>The person cancels at Microsoft: Entra sends the error back with the state.</summary>
    public static HttpRequestMessage Cancel(Uri authorize)
    {
        var query = Parameters(authorize.Query);
        return Answer(query.GetValueOrDefault("redirect_uri", ""), query.GetValueOrDefault("response_mode", ""), new Dictionary<string, string>
        {
            ["state"] = query.GetValueOrDefault("state", ""),
            ["error"] = "access_denied",
            ["error_description"] = "AADSTS65004: User declined to consent.",
        });
    }

    private static Dictionary<string, string> Parameters(string encoded) =>
        QueryHelpers.ParseQuery(encoded).ToDictionary(p => p.Key, p => p.Value.ToString());

    private static HttpRequestMessage Answer(string redirectUri, string responseMode, Dictionary<string, string> fields) =>
        responseMode == "form_post"
            ? new HttpRequestMessage(HttpMethod.Post, redirectUri) { Content = new FormUrlEncodedContent(fields) }
            : new HttpRequestMessage(HttpMethod.Get, QueryHelpers.AddQueryString(redirectUri, fields!));

    private string IdToken(Grant grant)
    {
        var now = DateTime.UtcNow;
        var signingKey = SignWithWrongKey ? new RsaSecurityKey(RSA.Create(2048)) { KeyId = key.KeyId } : key;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"{Instance}/{grant.Person.TenantId}/v2.0",
            Audience = ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object>
            {
                ["nonce"] = grant.Nonce,
                ["tid"] = grant.Person.TenantId.ToString(),
                ["oid"] = grant.Person.ObjectId.ToString(),
                ["sub"] = Convert.ToHexString(SHA256.HashData(grant.Person.ObjectId.ToByteArray()))[..43],
                ["preferred_username"] = grant.Person.Email,
                ["name"] = grant.Person.Name,
                ["ver"] = "2.0",
            },
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    private sealed class Metadata(TestIdentityProvider idp, OpenIdConnectConfiguration configuration) : IConfigurationManager<OpenIdConnectConfiguration>
    {
        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => idp.Unreachable
            ? throw new InvalidOperationException("IDX20803: Unable to obtain configuration from login.microsoftonline.com.")
            : Task.FromResult(configuration);

        public void RequestRefresh()
        {
        }
    }

    private sealed record Grant(EntraPerson Person, string Nonce, string CodeChallenge, string RedirectUri);

    /// <summary>Redeems a code as Entra does: once, for the same redirect address, with the secret and the PKCE verifier.</summary>
    private sealed class TokenEndpoint(TestIdentityProvider idp) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal($"{Instance}/organizations/oauth2/v2.0/token", request.RequestUri!.GetLeftPart(UriPartial.Path));
            var form = Parameters(await request.Content!.ReadAsStringAsync(cancellationToken));
            if (form.GetValueOrDefault("client_id", "") != ClientId || form.GetValueOrDefault("client_secret", "") != ClientSecret)
            {
                return Error("invalid_client");
            }

            if (!idp.grants.TryRemove(form.GetValueOrDefault("code", ""), out var grant) || form.GetValueOrDefault("redirect_uri", "") != grant.RedirectUri)
            {
                return Error("invalid_grant");
            }

            var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form.GetValueOrDefault("code_verifier", ""))));
            if (grant.CodeChallenge.Length > 0 && challenge != grant.CodeChallenge)
            {
                return Error("invalid_grant");
            }

            var body = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["token_type"] = "Bearer",
                ["expires_in"] = 3600,
                ["access_token"] = "opaque-access-token",
                ["id_token"] = idp.IdToken(grant),
            });
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }

        private static HttpResponseMessage Error(string code) =>
            new(HttpStatusCode.BadRequest) { Content = new StringContent($"{{\"error\":\"{code}\"}}", Encoding.UTF8, "application/json") };
    }
}
