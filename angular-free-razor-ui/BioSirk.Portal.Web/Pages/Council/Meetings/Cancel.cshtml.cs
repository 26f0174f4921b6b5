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
/// The organising secretary cancels a published meeting (with a reason, after ticking that she means it), or deletes
/// a draft no one was summoned to. A cancelled meeting has nothing more to cancel: 404.
/// </summary>
[RequireCouncilRole(CouncilRoles.Secretary)]
public sealed class CancelMeetingModel(PortalContext portal, MeetingStore store, CancelMeeting cancel, DeleteDraftMeeting delete) : MeetingPageModel(portal)
{
    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Confirms { get; set; }

    [BindProperty]
    public string? ConcurrencyStamp { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid meetingId)
    {
        if (!await LoadAsync(meetingId))
        {
            return NotFound();
        }

        ConcurrencyStamp = Meeting.ConcurrencyStamp;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId)
    {
        if (!await LoadAsync(meetingId))
        {
            return NotFound();
        }

        if (Meeting.IsPublished)
        {
            if (!Confirms)
            {
                ModelState.AddModelError(nameof(Confirms), "Kryss av for at du vil avlyse møtet. Avlysningen kan ikke angres.");
            }

            var cancelled = Confirms ? await cancel.CancelAsync(meetingId, Reason, ConcurrencyStamp, Actor) : null;
            if (Confirms && cancelled is null)
            {
                return NotFound();
            }

            if (cancelled is { Succeeded: true })
            {
                TempData["Message"] = "Møtet er avlyst. Deltakerne har fått beskjed.";
                return LocalRedirect(BasePath);
            }

            // The reason is checked also when the box was not ticked, so both messages come at once.
            if (!Confirms && string.IsNullOrWhiteSpace(Reason))
            {
                ModelState.AddModelError(nameof(Reason), "Skriv kort hvorfor møtet avlyses. Deltakerne får beskjed med grunnen.");
            }

            return await ShowAgainAsync(meetingId, cancelled);
        }

        if (!Confirms)
        {
            ModelState.AddModelError(nameof(Confirms), "Kryss av for at du vil slette møtet. Slettingen kan ikke angres.");
            return await ShowAgainAsync(meetingId, null);
        }

        var deleted = await delete.DeleteAsync(meetingId, ConcurrencyStamp, Actor);
        if (deleted is null)
        {
            return NotFound();
        }

        if (deleted.Succeeded)
        {
            TempData["Message"] = this.Localized("Møtet «{0}» er slettet.", deleted.Value!);
            return LocalRedirect($"{Portal.Prefix}/moter");
        }

        return await ShowAgainAsync(meetingId, deleted);
    }

    /// <summary>The form again with the messages; a meeting changed meanwhile is shown as it is now, with the new stamp.</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid meetingId, SharedKernel.Results.Result? result)
    {
        if (result is { IsStale: true })
        {
            ModelState.AddModelError("", "Noen andre har endret møtet mens du var her. Se over det som står nå, og bekreft igjen.");
            store.Db.ChangeTracker.Clear();
            ConcurrencyStamp = await store.Db.CurrentStampAsync<Meeting>(meetingId);
            Confirms = false;
            ModelState.Remove(nameof(Confirms));
            ModelState.Remove(nameof(ConcurrencyStamp));
        }
        else if (result is not null)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Field, error.Message); // "Reason" is the page's own field
            }
        }

        store.Db.ChangeTracker.Clear();
        return await LoadAsync(meetingId) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid meetingId)
    {
        if (await store.ManagedAsync(meetingId, Actor) is not { } meeting || !meeting.CanBeCancelled(store.UtcNow))
        {
            return false; // cancelled already, or started: there is nothing to cancel
        }

        Meeting = meeting;
        return true;
    }
}
