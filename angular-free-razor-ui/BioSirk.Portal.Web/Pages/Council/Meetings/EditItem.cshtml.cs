using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Pages.Shared;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>The organising secretary changes an item, and records the adopted resolution (vedtak).</summary>
[RequireCouncilRole(CouncilRoles.Secretary)]
public sealed class EditAgendaItemModel(PortalContext portal, MeetingStore store, EditAgenda agenda, AgendaLinkTargets targets) : MeetingPageModel(portal)
{
    [BindProperty]
    public ItemInput Input { get; set; } = new();

    public AgendaItem Item { get; private set; } = null!;

    public ItemFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId))
        {
            return NotFound();
        }

        Input = ItemInput.From(Item);
        Form = new ItemFormView(Input, await targets.ForMeetingAsync(Meeting), "Lagre saken");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId))
        {
            return NotFound();
        }

        var available = await targets.ForMeetingAsync(Meeting);
        // Links to targets this council no longer sees are kept as they were, not dropped by a save.
        var kept = Item.Links.Where(l => available.All(t => t.Id != l.TargetId)).Select(l => new ChosenLink(l.Kind, l.TargetId, l.Label));
        var result = await agenda.ChangeItemAsync(meetingId, itemId, Input.ToText(), [.. AgendaLinkTargets.Chosen(Input.Links, available), .. kept], Input.ConcurrencyStamp, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = "Saken er lagret.";
            return LocalRedirect($"{BasePath}/saker/{itemId}");
        }

        if (result.IsStale)
        {
            Input.ConcurrencyStamp = await store.Db.CurrentStampAsync<AgendaItem>(itemId);
            this.OfferOverwrite(this.Localized("saken"));
        }
        else
        {
            result.Errors.AddTo(ModelState, nameof(Input));
        }

        Form = new ItemFormView(Input, available, "Lagre saken");
        return Page();
    }

    private async Task<bool> LoadAsync(Guid meetingId, Guid itemId)
    {
        var meeting = await store.ManagedAsync(meetingId, Actor);
        var item = meeting?.Items.FirstOrDefault(i => i.Id == itemId);
        if (meeting is null || item is null)
        {
            return false;
        }

        Meeting = meeting;
        Item = item;
        return true;
    }
}
