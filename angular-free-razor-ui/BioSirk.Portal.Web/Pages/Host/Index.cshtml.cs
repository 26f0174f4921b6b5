using BioSirk.Portal.Platform.Features.Host;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

public sealed class HostIndexModel(HostAdministration host) : PageModel
{
    public List<OrganisationRow> Tenants { get; private set; } = [];

    public List<OrganisationRow> Counties { get; private set; } = [];

    public List<OrganisationRow> Partnerships { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Tenants = await host.ListTenantsAsync();
        Counties = await host.ListCountiesAsync();
        Partnerships = await host.ListPartnershipsAsync();
    }
}
