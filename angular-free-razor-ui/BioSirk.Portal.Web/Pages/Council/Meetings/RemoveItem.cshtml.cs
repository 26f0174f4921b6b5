using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Localization;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>
/// «Fjern saken»: the organising secretary deletes an item of a draft agenda, or withdraws (trekker) a numbered item
/// with a reason, after ticking that she means it. A withdrawn item, or an item of a cancelled meeting: 404 (a
/// confirmation that finds it so, after another tab or a cancellation at the same moment, goes to the item, which says why).
/// </summary>
[RequireCouncilRole(CouncilRoles.Secretary)]
public sealed class RemoveAgendaItemModel(PortalContext portal, MeetingStore store, RemoveAgendaItem remove) : MeetingPageModel(portal)
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirms { get; set; }

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public AgendaItem Item { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId))
        {
            return NotFound();
        }

        ConcurrencyStamp = Item.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId))
        {
            return NotFound();
        }

        var withdraw = Item.CaseNumber is not null;
        if (!Confirms)
        {
            ModelState.AddModelError(nameof(Confirms), withdraw
                ? "Kryss av for at du vil trekke saken. Saksnummeret blir ikke brukt igjen."
                : "Kryss av for at du vil slette saken. Slettingen kan ikke angres.");
            if (withdraw && string.IsNullOrWhiteSpace(Reason))
            {
                ModelState.AddModelError(nameof(Reason), "Skriv kort hvorfor saken trekkes. Deltakerne får beskjed med grunnen.");
            }

            return await ShowAgainAsync(meetingId, itemId, null);
        }

        var result = await remove.RemoveAsync(meetingId, itemId, Reason, ConcurrencyStamp, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            var removed = result.Value!;
            TempData["Message"] = removed.Withdrawn
                ? this.Localized("{0} «{1}» er trukket. Deltakerne har fått beskjed.", removed.CaseLabel!, removed.Title)
                : this.Localized("Saken «{0}» er slettet.", removed.Title);
            return LocalRedirect(BasePath);
        }

        return await ShowAgainAsync(meetingId, itemId, result);
    }

    private async Task<IActionResult> ShowAgainAsync(Guid meetingId, Guid itemId, SharedKernel.Results.Result? result)
    {
        store.Db.ChangeTracker.Clear();
        if (result is { IsStale: true })
        {
            ModelState.AddModelError("", "Noen andre har endret saken mens du var her. Se over det som står nå, og bekreft igjen.");
            ConcurrencyStamp = await store.Db.CurrentStampAsync<AgendaItem>(itemId);
            Confirms = false;
        }
        else if (result is not null)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message); // "Reason" is the page's own field
            }
        }

        if (await LoadAsync(meetingId, itemId))
        {
            return Page();
        }

        // Cancelled, or the item withdrawn in another tab, while she confirmed: the item's page says which.
        return await store.ManagedAsync(meetingId, Actor) is { } meeting && meeting.Items.Any(i => i.Id == itemId)
            ? LocalRedirect($"{Portal.Prefix}/moter/{meetingId}/saker/{itemId}")
            : NotFound();
    }

    private async Task<bool> LoadAsync(Guid meetingId, Guid itemId)
    {
        var meeting = await store.ManagedAsync(meetingId, Actor);
        var item = meeting?.Items.FirstOrDefault(i => i.Id == itemId);
        if (meeting is null || meeting.IsCancelled || item is null || item.IsWithdrawn)
        {
            return false;
        }

        Meeting = meeting;
        Item = item;
        return true;
    }
}
