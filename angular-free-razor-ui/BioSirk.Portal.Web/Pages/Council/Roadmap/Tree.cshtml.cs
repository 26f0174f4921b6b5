using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>The roadmap as a tree: focus areas → goals → actions, with progress rolled up and adoption per council.</summary>
public sealed class RoadmapTreeModel(PortalContext portal, RoadmapQueries queries, IIndicatorReader indicators, TimeProvider clock)
    : RoadmapPageModel(portal, queries)
{
    /// <summary>The results indicators of each goal.</summary>
    public ILookup<Guid, IndicatorSummary> GoalIndicators { get; private set; } = Enumerable.Empty<IndicatorSummary>().ToLookup(i => i.PlanId);

    public RoadmapVersion? LatestVersion { get; private set; }

    public IReadOnlyList<AdoptionDecision> Decisions { get; private set; } = [];

    public DateOnly? NextReportingDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid roadmapId)
    {
        if (!await LoadAsync(roadmapId))
        {
            return NotFound();
        }

        LatestVersion = (await Queries.VersionsAsync(roadmapId)).FirstOrDefault();
        Decisions = LatestVersion is null ? [] : (await Queries.DecisionsAsync(roadmapId)).Where(d => d.VersionId == LatestVersion.Id).ToList();
        NextReportingDate = Roadmap.NextReportingDate(SharedKernel.Time.Oslo.Today(clock));
        GoalIndicators = (await indicators.ListVisibleAsync()).Where(i => i.PlanKind == PlanKind.RoadmapGoal).ToLookup(i => i.PlanId);
        return Page();
    }
}
