using System.Security.Claims;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.SharedKernel.Tenancy;
using BioSirk.Portal.Web.Security;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace BioSirk.Portal.Web.Api;

/// <summary>
/// Turns a valid token into a caller of one council or county and runs the call in that tenant scope, so that the same
/// EF tenant filters apply as on the pages: the token's <c>tid</c> picks the council or county (none: 403); a delegated
/// token must carry the API scope and act as a portal account of that council or county; an app-only token acts as the
/// council or county itself, with its app roles.
/// </summary>
public sealed class ApiCallerFilter : IEndpointFilter
{
    public const string DefaultScope = "api.access";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var resolved = await ResolveAsync(http.User, services, http.RequestAborted);
        if (resolved.Refusal is { } refusal)
        {
            return ApiProblems.Forbidden(refusal);
        }

        var caller = resolved.Caller!;
        services.GetRequiredService<ApiCallerAccessor>().Caller = caller;
        http.User = PortalPrincipal(caller);
        var scope = caller.Owner.IsCounty
            ? TenantScope.ForCounty(caller.Owner.Id)
            : TenantScope.ForTenant(caller.Owner.Id, [.. (await services.GetRequiredService<IPlatformDirectory>()
                .ListPartnershipsOfCouncilAsync(caller.Owner.Id, http.RequestAborted)).Select(p => p.Id)]);
        using (services.GetRequiredService<ICurrentTenant>().Use(scope))
        {
            return await next(context);
        }
    }

    private static async Task<(ApiCaller? Caller, string? Refusal)> ResolveAsync(ClaimsPrincipal token, IServiceProvider services, CancellationToken ct)
    {
        if (EntraClaims.TenantId(token) is not { } tid)
        {
            return (null, "Tokenet har ingen Entra-leietaker (tid).");
        }

        var owner = await services.GetRequiredService<IEntraDirectory>().FindAsync(tid, ct);
        if (owner is null)
        {
            return (null, "Entra-leietakeren til tokenet er ikke koblet til noe regionråd eller fylke i portalen.");
        }

        var objectId = EntraClaims.ObjectId(token) ?? Guid.Empty;
        var scopes = Values(token, "scp", "http://schemas.microsoft.com/identity/claims/scope");
        if (scopes.Count == 0)
        {
            var roles = token.FindAll("roles").Concat(token.FindAll(ClaimTypes.Role)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
            var app = EntraClaims.First(token, "azp", "appid") ?? objectId.ToString();
            return roles.Count == 0
                ? (null, "Tokenet har verken scope (scp) eller app-roller (roles).")
                : (new ApiCaller(owner, objectId, $"API-klient {app}", CouncilRoles.None, roles) { Client = $"{tid}/app/{app}" }, null);
        }

        var wanted = services.GetRequiredService<IConfiguration>()[$"{ApiAuthentication.Section}:Scope"] ?? DefaultScope;
        if (!scopes.Contains(wanted))
        {
            return (null, $"Tokenet mangler scopet {wanted}.");
        }

        var email = EntraClaims.Email(token);
        var user = email is null ? null : await services.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
        var domainAllowed = owner.Allows(email);
        if (user is null || !domainAllowed)
        {
            return (null, $"Ingen konto i portalen hos {owner.Name} hører til {email ?? "denne brukeren"}.");
        }

        var access = await services.GetRequiredService<IPlatformDirectory>().GetAccessAsync(user.Id, ct);
        var councilRoles = owner.IsCounty ? (access.County(owner.Slug) is null ? (CouncilRoles?)null : CouncilRoles.None) : access.Council(owner.Slug)?.Roles;
        return councilRoles is null
            ? (null, $"{email} er ikke med i {owner.Name} i portalen.")
            : (new ApiCaller(owner, user.Id, user.FullName, councilRoles.Value, new HashSet<string>()) { Client = $"{tid}/person/{user.Id}" }, null);
    }

    /// <summary>The caller as the rest of the portal knows a user (the audit log reads the id and the name).</summary>
    private static ClaimsPrincipal PortalPrincipal(ApiCaller caller)
    {
        List<Claim> claims = [new(ClaimTypes.Name, caller.Name), new(CurrentUser.FullNameClaim, caller.Name)];
        if (!caller.IsApp)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, caller.ActorId.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, ApiAuthentication.Scheme));
    }

    private static HashSet<string> Values(ClaimsPrincipal user, params string[] types) =>
        types.SelectMany(t => user.FindAll(t)).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToHashSet(StringComparer.Ordinal);
}

/// <summary>The caller of the current API request (set by <see cref="ApiCallerFilter"/>).</summary>
public sealed class ApiCallerAccessor
{
    public ApiCaller? Caller { get; set; }
}
