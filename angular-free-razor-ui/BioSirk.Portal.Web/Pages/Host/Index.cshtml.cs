using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Platform.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

public sealed class HostIndexModel(HostAdministration host, DecideMembershipRequest requests) : PageModel
{
    /// <summary>County officers who signed in with Microsoft without an invitation (counties have no admin of their own).</summary>
    public List<MembershipRequestRow> OfficerRequests { get; private set; } = [];

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
        OfficerRequests = await requests.ListForCountiesAsync();
    }

    public Task<IActionResult> OnPostApproveOfficerAsync(Guid membershipId) => DecideAsync(membershipId, approve: true);

    public Task<IActionResult> OnPostRejectOfficerAsync(Guid membershipId) => DecideAsync(membershipId, approve: false);

    private async Task<IActionResult> DecideAsync(Guid membershipId, bool approve)
    {
        if (!await requests.DecideForCountyAsync(membershipId, approve))
        {
            return NotFound();
        }

        Message = approve ? "Fylkesrådgiveren er godkjent." : "Forespørselen er avvist.";
        return RedirectToPage();
    }
}
