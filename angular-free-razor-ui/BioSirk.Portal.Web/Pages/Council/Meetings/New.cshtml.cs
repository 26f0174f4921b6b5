using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Hosting;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>A secretary sets up a meeting of her council, or of a partnership her council is in.</summary>
[RequireCouncilRole(CouncilRoles.Secretary)]
public sealed class NewMeetingModel(PortalContext portal, ScheduleMeeting schedule, TimeProvider clock) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public MeetingFormView Form { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        Input.Date = SharedKernel.Time.Oslo.Today(clock).AddDays(14);
        Input.Start = new TimeOnly(10, 0);
        Input.End = new TimeOnly(12, 0);
        await BuildFormAsync(preselectEveryone: true);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var actor = MeetingPageModel.ActorOf(portal, User);
        var result = await schedule.CreateAsync(new ScheduleMeetingCommand(Input.PartnershipId, Input.ToDetails(), Input.ParticipantIds, actor) { ConfirmsPastTime = Input.ConfirmsPastTime });
        if (result.Succeeded)
        {
            TempData["Message"] = "Møtet er opprettet. Legg til sakene, og publiser sakslisten når den er klar.";
            return LocalRedirect($"{portal.Prefix}/moter/{result.Value}");
        }

        result.Errors.AddTo(ModelState, nameof(Input));
        await BuildFormAsync(preselectEveryone: false);
        return Page();
    }

    private async Task BuildFormAsync(bool preselectEveryone)
    {
        var people = await schedule.CandidatesAsync(portal.CouncilId);
        if (preselectEveryone)
        {
            Input.ParticipantIds = people.Select(p => p.UserId).ToList();
        }

        Form = new MeetingFormView(Input, portal.Council!.Name, portal.Partnerships, people, BodyFixed: false, "Opprett møtet");
    }
}
