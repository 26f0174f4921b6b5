using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>
/// The meeting: time, place, participants with their absence, and the agenda (to the participants once published).
/// The secretary orders the items and publishes; a participant reports her absence here.
/// </summary>
public sealed class MeetingDetailsModel(PortalContext portal, MeetingStore store, EditAgenda agenda, RecordAttendance attendance, AgendaLinkTargets targets)
    : MeetingPageModel(portal)
{
    [BindProperty]
    public string? AbsenceNote { get; set; }

    public IReadOnlyDictionary<Guid, string> LinkHrefs { get; private set; } = new Dictionary<Guid, string>();

    public async Task<IActionResult> OnGetAsync(Guid meetingId) => await LoadAsync(meetingId) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(Guid meetingId) =>
        Do(meetingId, () => agenda.PublishAsync(meetingId, Actor), "Sakslisten er publisert. Deltakerne ser den nå, og sakene har fått saksnummer.");

    public Task<IActionResult> OnPostMoveUpAsync(Guid meetingId, Guid itemId) =>
        Do(meetingId, () => agenda.MoveItemAsync(meetingId, itemId, -1, Actor), "Saken er flyttet opp.");

    public Task<IActionResult> OnPostMoveDownAsync(Guid meetingId, Guid itemId) =>
        Do(meetingId, () => agenda.MoveItemAsync(meetingId, itemId, +1, Actor), "Saken er flyttet ned.");

    public Task<IActionResult> OnPostAbsenceAsync(Guid meetingId) =>
        Do(meetingId, () => attendance.ReportAbsenceAsync(meetingId, AbsenceNote, Actor), "Forfallet ditt er meldt.");

    public Task<IActionResult> OnPostWithdrawAbsenceAsync(Guid meetingId) =>
        Do(meetingId, () => attendance.WithdrawAbsenceAsync(meetingId, Actor), "Forfallet ditt er trukket tilbake.");

    private async Task<IActionResult> Do(Guid meetingId, Func<Task<SharedKernel.Results.Result?>> action, string done)
    {
        if (await store.VisibleAsync(meetingId, Actor) is null)
        {
            return NotFound();
        }

        var result = await action();
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = done;
            return LocalRedirect(BasePathOf(meetingId));
        }

        store.Db.ChangeTracker.Clear();
        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message); // "AbsenceNote" is the page's own field
        }

        await LoadAsync(meetingId);
        return Page();
    }

    private string BasePathOf(Guid meetingId) => $"{Portal.Prefix}/moter/{meetingId}";

    private async Task<bool> LoadAsync(Guid meetingId)
    {
        if (await store.VisibleAsync(meetingId, Actor) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        if (CanSeeAgenda)
        {
            LinkHrefs = await targets.HrefsAsync(meeting.Items.SelectMany(i => i.Links));
        }

        return true;
    }
}
