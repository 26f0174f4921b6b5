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

/// <summary>The organising secretary changes the title, time, place or participants of a meeting.</summary>
[RequireCouncilRole(CouncilRoles.Secretary)]
public sealed class EditMeetingModel(PortalContext portal, MeetingStore store, ScheduleMeeting schedule, Live.LiveFollows follows) : MeetingPageModel(portal)
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public MeetingFormView Form { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid meetingId)
    {
        if (await store.ManagedAsync(meetingId, Actor) is not { IsCancelled: false } meeting)
        {
            return NotFound(); // a cancelled meeting takes no changes: no form to fill in for nothing
        }

        Meeting = meeting;
        Input = MeetingInput.From(meeting);
        await BuildFormAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid meetingId)
    {
        if (await store.ManagedAsync(meetingId, Actor) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        var result = await schedule.ChangeAsync(meetingId, new ScheduleMeetingCommand(meeting.PartnershipId, Input.ToDetails(), Input.ParticipantIds, Actor) { ConfirmsPastTime = Input.ConfirmsPastTime }, Input.ConcurrencyStamp);
        if (result is null)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            await follows.RecheckAsync(); // a participant taken off stops receiving the meeting's comments
            TempData["Message"] = "Endringene er lagret.";
            return LocalRedirect(BasePath);
        }

        if (result.IsStale)
        {
            Input.ConcurrencyStamp = await store.Db.CurrentStampAsync<Meeting>(meetingId);
            this.OfferOverwrite(this.Localized("møtet"));
        }
        else
        {
            result.Errors.AddTo(ModelState, nameof(Input));
        }

        Input.PartnershipId = meeting.IsPartnershipMeeting ? meeting.PartnershipId : null;
        await BuildFormAsync();
        return Page();
    }

    private async Task BuildFormAsync() =>
        Form = new MeetingFormView(Input, Portal.Council!.Name, Portal.Partnerships, await schedule.CandidatesAsync(Portal.CouncilId), BodyFixed: true, "Lagre endringene");
}
