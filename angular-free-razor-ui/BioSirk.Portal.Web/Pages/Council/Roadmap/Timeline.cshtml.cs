using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

public sealed class RoadmapTimelineModel(PortalContext portal, RoadmapQueries queries, TimeProvider clock) : RoadmapPageModel(portal, queries)
{
    public TimelineChart Chart { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid roadmapId)
    {
        if (!await LoadAsync(roadmapId))
        {
            return NotFound();
        }

        Chart = new TimelineChart(Tree, SharedKernel.Time.Oslo.Today(clock));
        return Page();
    }
}
