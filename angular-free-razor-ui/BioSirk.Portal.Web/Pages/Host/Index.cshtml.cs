using BioSirk.Portal.Platform.Email;
using BioSirk.Portal.Platform.Features.Entra;
using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Platform.Features.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Host;

public sealed class HostIndexModel(HostAdministration host, DecideMembershipRequest requests, EmailOutbox outbox, EntraConnections entra) : PageModel
{
    /// <summary>Councils' Entra tenants and domains that wait for the host admin before anyone signs in through them.</summary>
    public List<PendingEntraConnection> PendingEntraConnections { get; private set; } = [];

    /// <summary>Each council's Microsoft sign-in, for the list of councils; a council not in it has none.</summary>
    public Dictionary<Guid, EntraConnectionView> CouncilConnections { get; private set; } = [];

    /// <summary>County officers who signed in with Microsoft without an invitation (counties have no admin of their own).</summary>
    public List<MembershipRequestRow> OfficerRequests { get; private set; } = [];

    public List<OrganisationRow> Tenants { get; private set; } = [];

    /// <summary>E-mails the mail server has not taken (the portal keeps trying; the notices are in the portal anyway).</summary>
    public List<UnsentEmailRow> UnsentEmails { get; private set; } = [];

    public List<OrganisationRow> Counties { get; private set; } = [];

    public List<OrganisationRow> Partnerships { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [TempData]
    public string? Warning { get; set; }

    public async Task OnGetAsync()
    {
        Tenants = await host.ListTenantsAsync();
        Counties = await host.ListCountiesAsync();
        Partnerships = await host.ListPartnershipsAsync();
        OfficerRequests = await requests.ListForCountiesAsync();
        UnsentEmails = await outbox.ListUnsentAsync();
        PendingEntraConnections = await entra.ListPendingAsync();
        CouncilConnections = await entra.CouncilConnectionsAsync();
    }

    public async Task<IActionResult> OnPostApproveEntraAsync(Guid connectionId, string? stamp) =>
        EntraDecided(await entra.ApproveAsync(connectionId, stamp),
            "Koblingen til Entra ID er godkjent. Rådets administratorer har fått beskjed.");

    public async Task<IActionResult> OnPostRejectEntraAsync(Guid connectionId, string? stamp) =>
        EntraDecided(await entra.RejectAsync(connectionId, stamp),
            "Koblingen til Entra ID er avvist. Det som var godkjent før, gjelder fortsatt; rådets administratorer har fått beskjed.");

    private IActionResult EntraDecided(EntraDecision decision, string done)
    {
        switch (decision)
        {
            case EntraDecision.NotWaiting:
                return NotFound();
            case EntraDecision.ChangedSinceRead:
                Warning = "Rådet har endret koblingen etter at du åpnet siden, så ingenting er godkjent eller avvist. Se over det som venter nå, og velg på nytt.";
                break;
            default:
                Message = done;
                break;
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRetryEmailAsync(Guid emailId)
    {
        var sent = await outbox.RetryNowAsync(emailId);
        if (sent is null)
        {
            return NotFound();
        }

        Message = sent.Value
            ? "E-posten er sendt."
            : "E-posttjeneren tok fortsatt ikke imot e-posten. Portalen prøver igjen om fem minutter; se feilmeldingen i listen.";
        return RedirectToPage();
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
