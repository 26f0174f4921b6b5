using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.County;

public sealed class CountyHomeModel(PortalContext portal, IPlatformDirectory directory) : PageModel
{
    public IReadOnlyList<CouncilInfo> Councils { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var inCounty = await directory.ListCouncilsInCountyAsync(portal.CountyId);
        Councils = inCounty;
    }
}
