using System.Text.Json;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Platform.Domain;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.Platform.Features.Members;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Admin;

[RequireCouncilRole(CouncilRoles.TenantAdmin)]
public sealed class MembersModel(
    PortalContext portal, CouncilMembers members, InviteMember invite, RevokeInvitation revoke, RenewInvitation renew, DecideMembershipRequest requests) : PageModel
{
    public static readonly (string Value, string Label, string Hint)[] RoleChoices =
    [
        ("Secretary", "Sekretariat", "skriver avtaler, timer, rapporter og møter"),
        ("Member", "Medlem", "leser og kommenterer"),
        ("TenantAdmin", "Administrator", "inviterer og gir roller"),
    ];

    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public List<MemberRow> Members { get; private set; } = [];

    public List<PendingInvitationRow> Invitations { get; private set; } = [];

    /// <summary>People who signed in with Microsoft without an invitation.</summary>
    public List<MembershipRequestRow> Requests { get; private set; } = [];

    /// <summary>The invitation just made, shown once after the redirect (so that reloading the page does not invite again).</summary>
    public InvitationSent? Sent => SentInvitation is null ? null : JsonSerializer.Deserialize<InvitationSent>(SentInvitation);

    [TempData]
    public string? SentInvitation { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync()
    {
        Input.Roles = ["Member"];
        await Load();
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        var roles = Input.Roles.Aggregate(TenantRoles.None, (all, r) => Enum.TryParse<TenantRoles>(r, out var role) ? all | role : all);
        var baseUrl = Request.PortalAddress();
        var result = await invite.HandleAsync(new InviteMemberCommand(portal.CouncilId, Input.Email, Input.FullName, roles, CurrentUser.IdOf(User)!.Value, baseUrl));
        if (result.Succeeded)
        {
            SentInvitation = JsonSerializer.Serialize(result.Value);
            return RedirectToPage();
        }

        result.Errors.AddTo(ModelState, "Input");
        await Load();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId)
    {
        if (!await revoke.HandleAsync(invitationId))
        {
            return NotFound();
        }

        Message = "Invitasjonen er trukket tilbake.";
        return RedirectToPage();
    }

    /// <summary>An invitation lost in a mailbox, or expired: a new link valid 7 days (the old one stops working).</summary>
    public async Task<IActionResult> OnPostRenewAsync(Guid invitationId)
    {
        var result = await renew.HandleAsync(new RenewInvitationCommand(invitationId, Request.PortalAddress()));
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            SentInvitation = JsonSerializer.Serialize(result.Value);
        }
        else
        {
            Message = result.Errors[0].Message;
        }

        return RedirectToPage();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid membershipId) => DecideAsync(membershipId, approve: true);

    public Task<IActionResult> OnPostRejectAsync(Guid membershipId) => DecideAsync(membershipId, approve: false);

    private async Task<IActionResult> DecideAsync(Guid membershipId, bool approve)
    {
        if (!await requests.DecideForCouncilAsync(membershipId, approve))
        {
            return NotFound();
        }

        Message = approve
            ? "Personen er godkjent som medlem. Gi flere roller under «Endre» om hun eller han skal ha det."
            : "Forespørselen er avvist. Kontoen er deaktivert i rådet.";
        return RedirectToPage();
    }

    private async Task Load()
    {
        Requests = await requests.ListForCouncilAsync();
        Members = await members.ListAsync();
        Invitations = await members.ListInvitationsAsync();
    }

    public sealed class InviteInput
    {
        public string? FullName { get; set; }

        public string? Email { get; set; }

        public List<string> Roles { get; set; } = [];
    }
}
