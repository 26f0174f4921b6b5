using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council;

public sealed record CouncilTask(string Text, string Url);

/// <summary>A council's start page: what waits for this person, by her roles.</summary>
public sealed class CouncilHomeModel(PortalContext portal, CouncilMembers members) : PageModel
{
    public List<CouncilTask> Tasks { get; } = [];

    public int ActiveMembers { get; private set; }

    public int PendingInvitations { get; private set; }

    public async Task OnGetAsync()
    {
        var council = portal.Council!;
        if (!council.Has(CouncilRoles.TenantAdmin))
        {
            return;
        }

        var list = await members.ListAsync();
        var invitations = await members.ListInvitationsAsync();
        ActiveMembers = list.Count(m => m.IsActive);
        PendingInvitations = invitations.Count(i => i.State == InvitationState.Pending);
        var admin = $"/rad/{council.Slug}/admin/medlemmer";
        if (!list.Any(m => m.IsActive && m.Roles.HasFlag(TenantRoles.Secretary)))
        {
            Tasks.Add(new CouncilTask("Rådet har ingen i sekretariatet ennå: inviter sekretariatet først.", admin));
        }

        var expired = invitations.Count(i => i.State == InvitationState.Expired);
        if (expired > 0)
        {
            Tasks.Add(new CouncilTask($"{expired} invitasjon(er) er utløpt uten svar: send dem på nytt.", admin));
        }
    }
}
