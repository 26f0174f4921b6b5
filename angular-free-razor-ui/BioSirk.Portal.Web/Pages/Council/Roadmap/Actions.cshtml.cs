using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>Every action in a table, filterable by council, phase, status and focus area (a GET form, so a filtered view can be shared as a link).</summary>
public sealed class RoadmapActionsModel(PortalContext portal, RoadmapQueries queries) : RoadmapPageModel(portal, queries)
{
    [BindProperty(SupportsGet = true, Name = "rad")]
    public Guid? Council { get; set; }

    [BindProperty(SupportsGet = true, Name = "fase")]
    public DevelopmentPhase? Phase { get; set; }

    [BindProperty(SupportsGet = true, Name = "status")]
    public ActionStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "omrade")]
    public Guid? Area { get; set; }

    public IReadOnlyList<RoadmapAction> Actions { get; private set; } = [];

    public bool Filtered => Council is not null || Phase is not null || Status is not null || Area is not null;

    public async Task<IActionResult> OnGetAsync(Guid roadmapId)
    {
        if (!await LoadAsync(roadmapId))
        {
            return NotFound();
        }

        Actions = [.. new ActionFilter(Council, Phase, Status, Area).Apply(Tree).OrderBy(a => a.Start).ThenBy(a => a.Title)];
        return Page();
    }
}
