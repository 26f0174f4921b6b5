using System.Security.Claims;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Accounts;
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
    /// <summary>Secure-only cookies everywhere but in development; the HTTP-level tests turn it off explicitly.</summary>
    public static bool HttpsOnlyCookies(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Security:HttpsOnlyCookies", !environment.IsDevelopment());

    public static WebApplicationBuilder AddPortalSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var httpsOnly = HttpsOnlyCookies(builder.Configuration, builder.Environment);
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/logg-inn";
            o.LogoutPath = "/logg-ut";
            o.AccessDeniedPath = "/status/403";
            o.Cookie.Name = "biosirk.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            // Pages get the sign-in page; the hub and APIs get a plain 401. A signed-in person without the right
            // gets 403 with the status page, not a redirect.
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/hubs") || context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>()?.Enabled = false;
                }
                else
                {
                    context.Response.Redirect(context.RedirectUri);
                }

                return Task.CompletedTask;
            };
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = context =>
            {
                SignInSessions.Begin(context.Principal!);
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = builder.Configuration.GetValue("Security:StampValidationInterval", TimeSpan.FromMinutes(1));
            // The principal is built afresh every minute: it keeps the session it belongs to.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(SignInSessions.ClaimType) is { } session && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    identity.AddClaim(new Claim(SignInSessions.ClaimType, session.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "biosirk.af";
            o.Cookie.SecurePolicy = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddScoped<IUserClaimsPrincipalFactory<PortalUser>, PortalClaimsFactory>();
        services.AddSingleton<UnknownAddressLockout>();
        services.AddSingleton<TrustedDevices>();
        services.AddSingleton<SessionTimeout>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalPolicies.HostAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new HostAdminRequirement()));
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, HostAdminHandler>();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        builder.AddSignInRateLimit();
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
