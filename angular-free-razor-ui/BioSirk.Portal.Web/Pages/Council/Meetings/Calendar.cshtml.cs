using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>The meeting as a calendar file (.ics) for the people who see it.</summary>
public sealed class MeetingCalendarModel(PortalContext portal, MeetingStore store) : MeetingPageModel(portal)
{
    public async Task<IActionResult> OnGetAsync(Guid meetingId)
    {
        if (await store.VisibleAsync(meetingId, Actor) is not { } meeting)
        {
            return NotFound();
        }

        Meeting = meeting;
        var url = Request.PortalAddress() + BasePath;
        var text = MeetingCalendar.Build(meeting, BodyName, CanSeeAgenda, url, store.UtcNow);
        return File(System.Text.Encoding.UTF8.GetBytes(text), MeetingCalendar.ContentType, MeetingCalendar.FileName(meeting));
    }
}
