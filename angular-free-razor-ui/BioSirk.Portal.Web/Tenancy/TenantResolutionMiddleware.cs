using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Web.Tenancy;

/// <summary>
/// Reads the council ("tenant") or county from the route, checks that the signed-in person belongs to it, and runs
/// the rest of the request in that scope. A council the person is not in answers 404, exactly like a council that
/// does not exist.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next)
{
    public const string LastPlaceCookie = "biosirk.last";

    public async Task InvokeAsync(HttpContext http, PortalContext portal, IPlatformDirectory directory, ICurrentTenant currentTenant)
    {
        var userId = CurrentUser.IdOf(http.User);
        if (userId is { } id)
        {
            portal.Access = await directory.GetAccessAsync(id, http.RequestAborted);
        }

        var tenantSlug = http.GetRouteValue("tenant") as string;
        var countySlug = http.GetRouteValue("county") as string;
        if (tenantSlug is null && countySlug is null)
        {
            await next(http);
            return;
        }

        if (portal.Access is null)
        {
            await next(http); // not signed in: authorization sends her to the sign-in page
            return;
        }

        TenantScope? scope = null;
        if (tenantSlug is not null)
        {
            portal.Council = portal.Access.Council(tenantSlug);
            if (portal.Council is not null)
            {
                // Most councils are in no partnership: the access query says so, and saves this round trip.
                portal.Partnerships = portal.Council.InPartnership
                    ? await directory.ListPartnershipsOfCouncilAsync(portal.Council.Id, http.RequestAborted)
                    : [];
                scope = TenantScope.ForTenant(portal.Council.Id, [.. portal.Partnerships.Select(p => p.Id)]);
            }
        }
        else
        {
            portal.County = portal.Access.County(countySlug!);
            scope = portal.County is null ? null : TenantScope.ForCounty(portal.County.Id);
        }

        if (scope is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.Cookies.Append(LastPlaceCookie, portal.Prefix, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(180),
        });

        using (currentTenant.Use(scope))
        {
            await next(http);
        }
    }
}
