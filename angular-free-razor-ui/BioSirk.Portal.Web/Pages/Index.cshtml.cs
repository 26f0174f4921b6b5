using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages;

/// <summary>
/// The front door. Signed in, a person goes straight to the council or county she used last (or her only one);
/// with several and no history she chooses.
/// </summary>
public sealed class IndexModel(PortalContext portal, IPlatformDirectory directory) : PageModel
{
    public UserAccess? Access => portal.Access;

    /// <summary>For a person with nowhere to go: the councils of hers that the host has closed.</summary>
    public IReadOnlyList<string> ClosedCouncils { get; private set; } = [];

    /// <summary>For a person with nowhere to go: the councils whose admin has deactivated her.</summary>
    public IReadOnlyList<string> DeactivatedIn { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(bool velg = false)
    {
        if (Access is null || velg)
        {
            return Page();
        }

        var places = Access.Councils.Select(c => "/rad/" + c.Slug)
            .Concat(Access.Counties.Select(c => "/fylke/" + c.Slug))
            .Concat(Access.IsHostAdmin ? ["/vert"] : Array.Empty<string>())
            .ToList();
        var last = Request.Cookies[TenantResolutionMiddleware.LastPlaceCookie];
        if (last is not null && places.Contains(last, StringComparer.OrdinalIgnoreCase))
        {
            return LocalRedirect(last);
        }

        if (places.Count == 0)
        {
            ClosedCouncils = await directory.ListClosedCouncilsOfAsync(Access.UserId);
            DeactivatedIn = await directory.ListDeactivatedCouncilsOfAsync(Access.UserId);
        }

        return places.Count == 1 ? LocalRedirect(places[0]) : Page();
    }
}
