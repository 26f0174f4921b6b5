using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace BioSirk.Portal.Web.Pages.Council;

/// <summary>"Mine oppdateringer": the actions (and indicators) that wait for an update from the signed-in person.</summary>
public sealed class MyUpdatesModel(PortalContext portal, RoadmapQueries roadmaps, IIndicatorReader indicators, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AwaitedUpdate> Actions { get; private set; } = [];

    public IReadOnlyList<IndicatorSummary> Indicators { get; private set; } = [];

    public string Prefix => portal.Prefix;

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var today = Today = SharedKernel.Time.Oslo.Today(clock);
        var userId = CurrentUser.IdOf(User)!.Value;
        Actions = await roadmaps.AwaitingUpdateAsync(userId, today);
        Indicators = await indicators.ListAwaitingUpdateAsync(userId, today);
    }
}
