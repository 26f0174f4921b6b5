using System.Text.Json;
using BioSirk.Portal.Platform.Features.Host;
using BioSirk.Portal.Platform.Features.Invitations;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace BioSirk.Portal.Web.Pages.Host;

/// <summary>
/// A council's or county's host page: below its edit form, the invitations to its administrators (officers) that
/// wait for an answer, each sent again or revoked, and a form that invites one more. Every change redirects back
/// (post, redirect, get), and the link is shown once after it when the e-mail did not go.
/// </summary>
public abstract class HostInvitationsPage(HostInvitations invitations) : PageModel
{
    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public List<HostInvitationRow> Invitations { get; private set; } = [];

    /// <summary>The council's active administrators (the county's active officers).</summary>
    public int ActiveAdministrators { get; private set; }

    public abstract bool IsCounty { get; }

    /// <summary>The invitation just made or sent again, shown once after the redirect.</summary>
    public InvitationSent? Sent => SentInvitation is null ? null : JsonSerializer.Deserialize<InvitationSent>(SentInvitation);

    [TempData]
    public string? SentInvitation { get; set; }

    /// <summary>created, invited or renewed: what the receipt of <see cref="Sent"/> says.</summary>
    [TempData]
    public string? SentKind { get; set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The council or county of the route, with its edit form filled from it; null when there is none.</summary>
    protected abstract Task<InvitationOwner?> LoadOrganisationAsync();

    /// <summary>Loads the organisation and its invitations; false when the route names no such organisation.</summary>
    protected async Task<InvitationOwner?> LoadAsync()
    {
        if (await LoadOrganisationAsync() is not { } owner)
        {
            return null;
        }

        Invitations = await invitations.ListAsync(owner);
        ActiveAdministrators = await invitations.CountActiveAdministratorsAsync(owner);
        return owner;
    }

    public async Task<IActionResult> OnPostInviteAsync()
    {
        if (await LoadAsync() is not { } owner)
        {
            return NotFound();
        }

        var result = await invitations.InviteAsync(owner, Invite.FullName, Invite.Email, CurrentUser.IdOf(User)!.Value, BaseUrl);
        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Invite");
            return Page();
        }

        if (result.Value!.MadeAdministrator is { } name)
        {
            Message = this.Localized("{0} var allerede med i rådet og har nå fått rollene administrator og sekretær. {0} har fått beskjed under «Varsler» i portalen.", name);
            return RedirectToPage();
        }

        return Receipt(result.Value.Sent!, "invited");
    }

    public async Task<IActionResult> OnPostRenewAsync(Guid invitationId)
    {
        if (await LoadAsync() is not { } owner || await invitations.RenewAsync(owner, invitationId, BaseUrl) is not { } result)
        {
            return NotFound();
        }

        if (!result.Succeeded)
        {
            result.Errors.AddTo(ModelState, "Invite");
            return Page();
        }

        return Receipt(result.Value!, "renewed");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId)
    {
        if (await LoadAsync() is not { } owner || !await invitations.RevokeAsync(owner, invitationId))
        {
            return NotFound();
        }

        Message = "Invitasjonen er trukket tilbake.";
        return RedirectToPage();
    }

    /// <summary>After creating the organisation: its page shows that it was made and the first invitation sent.</summary>
    public static void RememberCreated(ITempDataDictionary tempData, InvitationSent sent)
    {
        tempData[nameof(SentInvitation)] = JsonSerializer.Serialize(sent);
        tempData[nameof(SentKind)] = "created";
    }

    private RedirectToPageResult Receipt(InvitationSent sent, string kind)
    {
        SentInvitation = JsonSerializer.Serialize(sent);
        SentKind = kind;
        return RedirectToPage();
    }

    private string BaseUrl => Request.PortalAddress();

    public sealed class InviteInput
    {
        public string? FullName { get; set; }

        public string? Email { get; set; }
    }
}
