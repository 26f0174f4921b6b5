using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Entra;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.Council.Admin;

/// <summary>The council's own Entra tenant, connected by its tenant admin.</summary>
[RequireCouncilRole(CouncilRoles.TenantAdmin)]
public sealed class EntraModel(PortalContext portal, EntraConnections connections) : EntraConnectionPage(connections)
{
    protected override EntraOwnerKind OwnerKind => EntraOwnerKind.Council;

    protected override bool SavedByHostAdmin => false;

    protected override Task<Guid?> OwnerIdAsync() => Task.FromResult<Guid?>(portal.CouncilId);
}
