using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council;

/// <summary>"Mine oppdateringer": the actions (and indicators) that wait for an update from the signed-in person.</summary>
public sealed class MyUpdatesModel(PortalContext portal, RoadmapQueries roadmaps, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AwaitedUpdate> Actions { get; private set; } = [];

    public string Prefix => portal.Prefix;

    public async Task OnGetAsync()
    {
        var today = SharedKernel.Time.Oslo.Today(clock);
        Actions = await roadmaps.AwaitingUpdateAsync(CurrentUser.IdOf(User)!.Value, today);
    }
}
