using System.Security.Claims;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BioSirk.Portal.Web.Security;

public static class PortalPolicies
{
    public const string HostAdmin = "HostAdmin";
}

public static class SecuritySetup
{
    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var development = builder.Environment.IsDevelopment();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/logg-inn";
            o.LogoutPath = "/logg-ut";
            o.AccessDeniedPath = "/status/403";
            o.Cookie.Name = "biosirk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = builder.Configuration.GetValue("Security:StampValidationInterval", TimeSpan.FromMinutes(1)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "biosirk.af";
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddScoped<IUserClaimsPrincipalFactory<PortalUser>, PortalClaimsFactory>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.HostAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new HostAdminRequirement()));
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, HostAdminHandler>();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return builder;
    }
}

/// <summary>Adds the person's full name, used in the header and in audit rows.</summary>
internal sealed class PortalClaimsFactory(UserManager<PortalUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.FullNameClaim, user.FullName));
        return identity;
    }
}

internal sealed class HostAdminRequirement : Microsoft.AspNetCore.Authorization.IAuthorizationRequirement;

/// <summary>Host admin is a flag on the account, read fresh on every request (not from the cookie).</summary>
internal sealed class HostAdminHandler(PortalContext portal)
    : Microsoft.AspNetCore.Authorization.AuthorizationHandler<HostAdminRequirement>
{
    protected override Task HandleRequirementAsync(
        Microsoft.AspNetCore.Authorization.AuthorizationHandlerContext context, HostAdminRequirement requirement)
    {
        if (portal.IsHostAdmin)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
