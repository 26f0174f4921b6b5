using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>The organising secretary adds an item to the agenda (numbered at once if the agenda is published).</summary>
[RequireCouncilRole(CouncilRoles.Secretary)]
public sealed class NewAgendaItemModel(PortalContext portal, MeetingStore store, EditAgenda agenda, AgendaLinkTargets targets) : MeetingPageModel(portal)
{
    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public ItemFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId)
    {
        if (await store.ManagedAsync(meetingId, Actor) is not { IsCancelled: false } meeting)
        {
            return NotFound(); // a cancelled meeting takes no changes: no form to fill in for nothing
        }

        Meeting = meeting;
        Form = new ItemFormView(Input, await targets.ForMeetingAsync(meeting), "Legg til saken");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId)
    {
        if (await store.ManagedAsync(meetingId, Actor) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        var available = await targets.ForMeetingAsync(meeting);
        var result = await agenda.AddItemAsync(meetingId, Input.ToText(), AgendaLinkTargets.Chosen(Input.Links, available), Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = "Saken er lagt til i sakslisten.";
            return LocalRedirect(BasePath);
        }

        result.Errors.AddTo(ModelState, nameof(Input));
        Form = new ItemFormView(Input, available, "Legg til saken");
        return Page();
    }
}
