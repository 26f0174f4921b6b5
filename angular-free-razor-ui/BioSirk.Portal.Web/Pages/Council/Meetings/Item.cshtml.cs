using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>One agenda item, as the participants read it; a participant declares here that she may be disqualified.</summary>
public sealed class AgendaItemModel(PortalContext portal, MeetingStore store, RecordAttendance attendance, AgendaLinkTargets targets) : MeetingPageModel(portal)
{
    [BindProperty]
    public string? Reason { get; set; }

    public AgendaItem Item { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> LinkHrefs { get; private set; } = new Dictionary<Guid, string>();

    public bool IsParticipant => Meeting.Participant(Actor.UserId) is not null;

    public ConflictDeclaration? MyConflict => Item.Conflicts.FirstOrDefault(c => c.UserId == Actor.UserId);

    public async Task<IActionResult> OnGetAsync(Guid meetingId, Guid itemId) => await LoadAsync(meetingId, itemId) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConflictAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId))
        {
            return NotFound();
        }

        var result = await attendance.DeclareConflictAsync(meetingId, itemId, Reason, Actor);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            TempData["Message"] = "Du har meldt at du kan være inhabil i saken. Møtet avgjør habiliteten.";
            return LocalRedirect($"{BasePath}/saker/{itemId}");
        }

        foreach (var error in result.Errors)
        {
            ModelState.AddModelError(error.Field, error.Message); // "Reason" is the page's own field
        }

        store.Db.ChangeTracker.Clear();
        await LoadAsync(meetingId, itemId);
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawConflictAsync(Guid meetingId, Guid itemId)
    {
        if (!await LoadAsync(meetingId, itemId) || await attendance.WithdrawConflictAsync(meetingId, itemId, Actor) is not { } result)
        {
            return NotFound();
        }

        TempData["Message"] = result.Succeeded ? "Habilitetsmeldingen er trukket tilbake." : string.Join(" ", result.Errors.Select(e => e.Message));
        return LocalRedirect($"{BasePath}/saker/{itemId}");
    }

    private async Task<bool> LoadAsync(Guid meetingId, Guid itemId)
    {
        var meeting = await store.VisibleAsync(meetingId, Actor);
        var item = meeting is not null && MeetingRules.CanSeeAgenda(meeting, Actor) ? meeting.Items.FirstOrDefault(i => i.Id == itemId) : null;
        if (meeting is null || item is null)
        {
            return false;
        }

        Meeting = meeting;
        Item = item;
        LinkHrefs = await targets.HrefsAsync(item.Links);
        return true;
    }
}
