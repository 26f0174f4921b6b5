using System.Security.Claims;
using BioSirk.Portal.Platform.Features.Accounts;

namespace BioSirk.Portal.Web.Security;

/// <summary>
/// Reads Entra's claims from a token or a sign-in, by their short names (Microsoft.Identity.Web) or by the long
/// names ASP.NET Core maps them to.
/// </summary>
public static class EntraClaims
{
    public static Guid? TenantId(ClaimsPrincipal principal) =>
        Guid.TryParse(First(principal, "tid", "http://schemas.microsoft.com/identity/claims/tenantid"), out var tid) ? tid : null;

    public static Guid? ObjectId(ClaimsPrincipal principal) =>
        Guid.TryParse(First(principal, "oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"), out var oid) ? oid : null;

    public static string? Email(ClaimsPrincipal principal) =>
        First(principal, "preferred_username", "email", ClaimTypes.Email, "upn", ClaimTypes.Upn);

    public static string? Name(ClaimsPrincipal principal) => First(principal, "name", ClaimTypes.Name);

    /// <summary>The person of a sign-in; null when Entra left out the tenant or the object id.</summary>
    public static EntraIdentity? Identity(ClaimsPrincipal principal) =>
        TenantId(principal) is { } tid && ObjectId(principal) is { } oid ? new EntraIdentity(tid, oid, Email(principal), Name(principal)) : null;

    public static string? First(ClaimsPrincipal principal, params string[] types) =>
        types.Select(t => principal.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
