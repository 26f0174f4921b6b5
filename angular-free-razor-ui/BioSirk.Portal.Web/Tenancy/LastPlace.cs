using BioSirk.Portal.Platform.Contracts;

namespace BioSirk.Portal.Web.Tenancy;

/// <summary>
/// The council or county a person was last in (the cookie <see cref="TenantResolutionMiddleware"/> sets). Her own pages
/// (Varsler, Min konto) belong to no place, so their header shows this one: the header always says where she is.
/// </summary>
public static class LastPlace
{
    public static (CouncilAccess? Council, CountyAccess? County) Of(HttpContext http, UserAccess? access)
    {
        var path = http.Request.Path;
        if (access is null || path == "/" || path.StartsWithSegments("/vert") || path.StartsWithSegments("/jobs"))
        {
            return (null, null); // the chooser of places, and the host's pages, are in no council
        }

        var last = http.Request.Cookies[TenantResolutionMiddleware.LastPlaceCookie]?.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (last)
        {
            case ["rad", var slug] when access.Council(slug) is { } council:
                return (council, null);
            case ["fylke", var slug] when access.County(slug) is { } county:
                return (null, county);
        }

        // Nothing remembered (a link from an e-mail, opened in a new browser): her only place, if she has one.
        return access.Councils.Count + access.Counties.Count == 1 ? (access.Councils.FirstOrDefault(), access.Counties.FirstOrDefault()) : (null, null);
    }
}
