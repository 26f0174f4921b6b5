using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using BioSirk.Portal.Platform.Data;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.SharedKernel.Tenancy;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace BioSirk.Portal.Tests.Infrastructure;

/// <summary>
/// A local stand-in for Entra ID: tokens signed with a key of this test run, shaped like Entra's v2 access tokens
/// (iss per tenant, tid, oid, scp or roles). The portal's Microsoft.Identity.Web options get this key as their
/// metadata instead of login.microsoftonline.com, so the real validation (signature, issuer, audience, lifetime) runs.
/// </summary>
public static class ApiTokens
{
    public const string ClientId = "3b1f5c2e-8a7d-4e6f-9c0b-1d2e3f4a5b6c";
    /// <summary>Entra v2 access tokens carry the app's client id as their audience.</summary>
    public const string Audience = ClientId;

    /// <summary>The test portal's rate limit per API client (each test connects new Entra tenants, so new clients).</summary>
    public const int PermitsPerMinute = 60;

    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "biosirk-test" };

    public static string Issuer(Guid tid) => $"https://login.microsoftonline.com/{tid}/v2.0";

    /// <summary>Points the portal's bearer scheme at the local key (no metadata is fetched).</summary>
    public static void UseLocalIssuer(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>("Bearer", o =>
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = "https://login.microsoftonline.com/{tenantid}/v2.0" };
            configuration.SigningKeys.Add(Key);
            o.Configuration = configuration;
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
            o.TokenValidationParameters.ValidIssuers = [configuration.Issuer];
        });

    /// <summary>A person's token (delegated, scope api.access) from the Entra tenant <paramref name="tid"/>.</summary>
    public static string Person(Guid tid, string email, string scope = "api.access", string audience = Audience,
        DateTime? expires = null, SecurityKey? signedWith = null) =>
        Issue(tid, audience, expires, signedWith, new Dictionary<string, object>
        {
            ["scp"] = scope,
            ["preferred_username"] = email,
            ["oid"] = Guid.NewGuid().ToString(),
            ["azp"] = "7d0c2b1a-0000-4000-8000-00000000c11e",
        });

    /// <summary>A daemon client's token (app-only, with app roles) from the Entra tenant <paramref name="tid"/>.</summary>
    public static string App(Guid tid, params string[] roles) =>
        Issue(tid, Audience, null, null, new Dictionary<string, object>
        {
            ["roles"] = roles,
            ["oid"] = Guid.NewGuid().ToString(),
            ["azp"] = "9e8d7c6b-0000-4000-8000-0000000da3e0",
        });

    public static SecurityKey OtherKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "biosirk-test" };

    /// <summary>Connects the council (or county) with this slug to a new Entra tenant; returns its tid.</summary>
    public static Task<Guid> ConnectAsync(PortalFactory portal, string slug, bool county = false, string domains = "demo.biosirk.no") =>
        portal.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PlatformDbContext>();
            var ownerId = county
                ? (await db.Counties.IgnoreQueryFilters().SingleAsync(c => c.Slug == slug)).Id
                : (await db.Tenants.IgnoreQueryFilters().SingleAsync(t => t.Slug == slug)).Id;
            using var scope = sp.GetRequiredService<ICurrentTenant>().Use(county ? TenantScope.ForCounty(ownerId) : TenantScope.ForTenant(ownerId));
            var connection = county ? EntraConnection.ForCounty(ownerId) : EntraConnection.ForCouncil(ownerId);
            var tid = Guid.NewGuid();
            Assert.True(connection.Set(tid.ToString(), domains).Succeeded);
            connection.Approve(); // as the host admin does
            db.EntraConnections.Add(connection);
            await db.SaveChangesAsync();
            return tid;
        });

    public static HttpClient WithToken(this HttpClient http, string token)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static string Issue(Guid tid, string audience, DateTime? expires, SecurityKey? signedWith, Dictionary<string, object> claims)
    {
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        claims["tid"] = tid.ToString();
        claims["ver"] = "2.0";
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer(tid),
            Audience = audience,
            Claims = claims,
            IssuedAt = until.AddHours(-2),
            NotBefore = until.AddHours(-2),
            Expires = until,
            SigningCredentials = new SigningCredentials(signedWith ?? Key, SecurityAlgorithms.RsaSha256),
        });
    }
}
