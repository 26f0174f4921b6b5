using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>The meetings she is invited to (and, for a secretary, all of her council's), upcoming first.</summary>
public sealed class MeetingsIndexModel(PortalContext portal, MeetingQueries queries, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MeetingSummary> Upcoming { get; private set; } = [];

    public IReadOnlyList<MeetingSummary> Past { get; private set; } = [];

    public bool IsSecretary => portal.IsIn(CouncilRoles.Secretary);

    public async Task OnGetAsync()
    {
        var all = await queries.ListAsync(MeetingPageModel.ActorOf(portal, User), HttpContext.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        Upcoming = all.Where(m => m.EndsAtUtc >= now).ToList();
        Past = all.Where(m => m.EndsAtUtc < now).Reverse().ToList();
    }

    public string BodyName(Guid partnershipId) => MeetingPageModel.BodyNameOf(portal, partnershipId, Localization.PageTexts.Of(HttpContext));
}
