using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;
using Microsoft.AspNetCore.Mvc;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>The partnership's dashboard: actions by phase and status, what is at risk, and which councils still have to decide.</summary>
public sealed class RoadmapDashboardModel(PortalContext portal, RoadmapQueries queries, IIndicatorReader indicators, TimeProvider clock)
    : RoadmapPageModel(portal, queries)
{
    /// <summary>The roadmap goals' indicators that are off track or at risk.</summary>
    public IReadOnlyList<IndicatorSummary> IndicatorsBehind { get; private set; } = [];

    public RoadmapVersion? LatestVersion { get; private set; }

    public IReadOnlyList<CouncilInfo> CouncilsWithoutDecision { get; private set; } = [];

    /// <summary>The councils that decided not to adopt the latest version.</summary>
    public IReadOnlyList<CouncilInfo> CouncilsNotAdopting { get; private set; } = [];

    public IReadOnlyList<RoadmapAction> Troubled { get; private set; } = [];

    public IReadOnlyList<RoadmapAction> AwaitingUpdate { get; private set; } = [];

    public DateOnly? NextReportingDate { get; private set; }

    public int Count(DevelopmentPhase phase, ActionStatus status) => Tree.Actions.Count(a => a.Phase == phase && a.Status == status);

    public async Task<IActionResult> OnGetAsync(Guid roadmapId)
    {
        if (!await LoadAsync(roadmapId))
        {
            return NotFound();
        }

        LatestVersion = (await Queries.VersionsAsync(roadmapId)).FirstOrDefault();
        if (LatestVersion is not null)
        {
            var decisions = (await Queries.DecisionsAsync(roadmapId)).Where(d => d.VersionId == LatestVersion.Id).ToList();
            CouncilsWithoutDecision = [.. Partnership.Councils.Where(c => decisions.All(d => d.CouncilId != c.Id))];
            CouncilsNotAdopting = [.. Partnership.Councils.Where(c => decisions.Any(d => d.CouncilId == c.Id && d.Outcome == AdoptionOutcome.NotAdopted))];
        }

        var goals = Roadmap.Goals.Select(g => g.Id).ToHashSet();
        IndicatorsBehind = [.. (await indicators.ListVisibleAsync())
            .Where(i => i.PlanKind == PlanKind.RoadmapGoal && goals.Contains(i.PlanId) && i.State is IndicatorState.OffTrack or IndicatorState.AtRisk)
            .OrderByDescending(i => i.State).ThenBy(i => i.Name)];
        Troubled = [.. Tree.Actions.Where(a => a.IsActive && a.Judgement != ProgressJudgement.OnTrack).OrderByDescending(a => a.Judgement).ThenBy(a => a.End)];
        var today = SharedKernel.Time.Oslo.Today(clock);
        NextReportingDate = Roadmap.NextReportingDate(today);
        if (NextReportingDate is { } next)
        {
            AwaitingUpdate = [.. Tree.Actions.Where(a => Roadmap.OwesReport(a, next)).OrderBy(a => a.ResponsibleName).ThenBy(a => a.Title)];
        }

        return Page();
    }
}
