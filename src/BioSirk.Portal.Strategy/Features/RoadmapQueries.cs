using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>A roadmap with its structure and every action, as the pages show it.</summary>
public sealed record RoadmapTree(Roadmap Roadmap, IReadOnlyList<RoadmapAction> Actions)
{
    public IEnumerable<RoadmapAction> ActionsOf(Goal goal) => Actions.Where(a => a.GoalId == goal.Id).OrderBy(a => a.Start).ThenBy(a => a.Title);

    public IEnumerable<RoadmapAction> ActionsOf(FocusArea area)
    {
        var goals = area.Goals.Select(g => g.Id).ToHashSet();
        return Actions.Where(a => goals.Contains(a.GoalId));
    }

    public Goal? GoalOf(RoadmapAction action) => Roadmap.Goals.FirstOrDefault(g => g.Id == action.GoalId);

    public FocusArea? FocusAreaOf(RoadmapAction action) =>
        Roadmap.FocusAreas.FirstOrDefault(f => f.Goals.Any(g => g.Id == action.GoalId));

    /// <summary>"2.1" for the first goal of the second focus area.</summary>
    public string NumberOf(Goal goal) =>
        $"{Roadmap.FocusAreas.First(f => f.Id == goal.FocusAreaId).Number}.{goal.Number}";
}

public sealed record ActionFilter(Guid? CouncilId, DevelopmentPhase? Phase, ActionStatus? Status, Guid? FocusAreaId)
{
    public static ActionFilter None { get; } = new(null, null, null, null);

    public IEnumerable<RoadmapAction> Apply(RoadmapTree tree) => tree.Actions
        .Where(a => CouncilId is null || a.OwnerCouncilId == CouncilId || a.CollaboratingCouncilIds.Contains(CouncilId.Value))
        .Where(a => Phase is null || a.Phase == Phase)
        .Where(a => Status is null || a.Status == Status)
        .Where(a => FocusAreaId is null || tree.FocusAreaOf(a)?.Id == FocusAreaId);
}

/// <summary>An action that waits for its responsible person's progress report before a reporting date.</summary>
/// <summary>
/// An action whose report is due by <see cref="ReportingDate"/>; <see cref="MissedReportingDate"/> is the reporting date
/// that passed without a report from it (nor any since), when one did.
/// </summary>
public sealed record AwaitedUpdate(Guid RoadmapId, string RoadmapTitle, RoadmapAction Action, DateOnly ReportingDate, DateOnly? MissedReportingDate)
{
    /// <summary>"01.03.2027", or "01.03.2027 (rapporten for 01.12.2026 mangler)".</summary>
    public string DueText => MissedReportingDate is { } missed
        ? $"{Norwegian.Date(ReportingDate)} (rapporten for {Norwegian.Date(missed)} mangler)"
        : Norwegian.Date(ReportingDate);
}

public sealed class RoadmapQueries(StrategyDbContext db)
{
    public async Task<IReadOnlyList<Roadmap>> ListAsync(CancellationToken ct = default) =>
        await db.Roadmaps.AsNoTracking().OrderBy(r => r.Title).ToListAsync(ct);

    public async Task<RoadmapTree?> TreeAsync(Guid roadmapId, CancellationToken ct = default)
    {
        var roadmap = await db.Roadmaps.AsNoTracking().AsSplitQuery()
            .Include(r => r.FocusAreas.OrderBy(f => f.Number)).ThenInclude(f => f.Goals.OrderBy(g => g.Number))
            .FirstOrDefaultAsync(r => r.Id == roadmapId, ct);
        if (roadmap is null)
        {
            return null;
        }

        var actions = await db.Actions.AsNoTracking().Where(a => a.RoadmapId == roadmapId).ToListAsync(ct);
        return new RoadmapTree(roadmap, actions);
    }

    /// <summary>A goal of a roadmap of the current council's partnerships (others are not found).</summary>
    public Task<Goal?> GoalAsync(Guid goalId, CancellationToken ct = default) =>
        db.Goals.AsNoTracking().FirstOrDefaultAsync(g => g.Id == goalId, ct);

    public Task<RoadmapAction?> ActionAsync(Guid roadmapId, Guid actionId, CancellationToken ct = default) =>
        db.Actions.AsNoTracking().FirstOrDefaultAsync(a => a.RoadmapId == roadmapId && a.Id == actionId, ct);

    /// <summary>The actions a person is responsible for that wait for her report before the next reporting date.</summary>
    public async Task<IReadOnlyList<AwaitedUpdate>> AwaitingUpdateAsync(Guid userId, DateOnly today, CancellationToken ct = default)
    {
        var actions = await db.Actions.AsNoTracking().Where(a => a.ResponsibleUserId == userId).ToListAsync(ct);
        var roadmapIds = actions.Select(a => a.RoadmapId).Distinct().ToList();
        var roadmaps = await db.Roadmaps.AsNoTracking().Where(r => roadmapIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        return Awaiting(actions, roadmaps, today);
    }

    private static List<AwaitedUpdate> Awaiting(IEnumerable<RoadmapAction> actions, IReadOnlyDictionary<Guid, Roadmap> roadmaps, DateOnly today) =>
    [
        .. actions
            .Select(a => (Action: a, Roadmap: roadmaps[a.RoadmapId], Date: roadmaps[a.RoadmapId].NextReportingDate(today)))
            .Where(x => x.Date is not null && x.Roadmap.OwesReport(x.Action, x.Date.Value))
            .OrderBy(x => x.Date).ThenBy(x => x.Action.ResponsibleName).ThenBy(x => x.Action.Title)
            .Select(x => new AwaitedUpdate(x.Roadmap.Id, x.Roadmap.Title, x.Action, x.Date!.Value, Missed(x.Action, x.Roadmap, today))),
    ];

    private static DateOnly? Missed(RoadmapAction action, Roadmap roadmap, DateOnly today) =>
        roadmap.PreviousReportingDate(today) is { } passed && roadmap.OwesReport(action, passed) ? passed : null;

    public async Task<IReadOnlyList<RoadmapVersion>> VersionsAsync(Guid roadmapId, CancellationToken ct = default) =>
        await db.Versions.AsNoTracking().Where(v => v.RoadmapId == roadmapId).OrderByDescending(v => v.Number).ToListAsync(ct);

    public Task<RoadmapVersion?> VersionAsync(Guid roadmapId, Guid versionId, CancellationToken ct = default) =>
        db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.RoadmapId == roadmapId && v.Id == versionId, ct);

    /// <summary>The council's own actions, which of them wait for a progress report (and from whom), and the versions it has not decided on.</summary>
    public async Task<CouncilRoadmapSummary> SummaryForCouncilAsync(Guid councilId, DateOnly today, CancellationToken ct = default)
    {
        var roadmaps = await db.Roadmaps.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var own = await db.Actions.AsNoTracking().Where(a => a.OwnerCouncilId == councilId).ToListAsync(ct);
        var awaiting = Awaiting(own, roadmaps, today);
        var versions = await db.Versions.AsNoTracking().ToListAsync(ct);
        var decided = await db.Decisions.AsNoTracking().Where(d => d.CouncilId == councilId).Select(d => d.VersionId).ToListAsync(ct);
        var pending = versions.GroupBy(v => v.RoadmapId)
            .Select(g => g.MaxBy(v => v.Number)!)
            .Where(v => !decided.Contains(v.Id))
            .Select(v => (roadmaps[v.RoadmapId], v))
            .ToList();
        return new CouncilRoadmapSummary(
            [.. own.OrderBy(a => a.End).Select(a => (roadmaps[a.RoadmapId], a))],
            awaiting,
            pending);
    }

    public async Task<IReadOnlyList<AdoptionDecision>> DecisionsAsync(Guid roadmapId, CancellationToken ct = default) =>
        await db.Decisions.AsNoTracking().Where(d => d.RoadmapId == roadmapId).ToListAsync(ct);
}

/// <summary>A council's part of its partnerships' roadmaps, for its start page.</summary>
public sealed record CouncilRoadmapSummary(
    IReadOnlyList<(Roadmap Roadmap, RoadmapAction Action)> OwnActions,
    IReadOnlyList<AwaitedUpdate> AwaitingUpdate,
    IReadOnlyList<(Roadmap Roadmap, RoadmapVersion Version)> DecisionsPending);
