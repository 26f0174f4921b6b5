using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Entra;
using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Web.Pages.Shared;

namespace BioSirk.Portal.Web.Pages.Host;

/// <summary>
/// A county's Entra tenant, connected by the host admin: county memberships carry no admin role, so no county
/// officer can be the one who decides which Entra tenant speaks for the county.
/// </summary>
public sealed class CountyEntraModel(HostAdministration host, EntraConnections connections) : EntraConnectionPage(connections)
{
    public OrganisationRow County { get; private set; } = null!;

    protected override EntraOwnerKind OwnerKind => EntraOwnerKind.County;

    protected override bool SavedByHostAdmin => true;

    protected override async Task<Guid?> OwnerIdAsync()
    {
        var county = Guid.TryParse(RouteData.Values["countyId"]?.ToString(), out var countyId) ? await host.FindCountyAsync(countyId) : null;
        if (county is null)
        {
            return null;
        }

        County = county;
        return county.Id;
    }
}
