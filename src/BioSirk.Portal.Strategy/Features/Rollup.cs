using BioSirk.Portal.Strategy.Domain;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>
/// Progress of a goal or focus area: how many of its actions are in each status, and the worst judgement among the
/// actions still under way (not started or in progress) — a finished or cancelled action no longer puts a goal at risk.
/// </summary>
public sealed record Rollup(int NotStarted, int InProgress, int Done, int Cancelled, ProgressJudgement? Worst)
{
    public int Total => NotStarted + InProgress + Done + Cancelled;

    public static Rollup Of(IEnumerable<RoadmapAction> actions)
    {
        var list = actions.ToList();
        var active = list.Where(a => a.IsActive).ToList();
        return new Rollup(
            list.Count(a => a.Status == ActionStatus.NotStarted),
            list.Count(a => a.Status == ActionStatus.InProgress),
            list.Count(a => a.Status == ActionStatus.Done),
            list.Count(a => a.Status == ActionStatus.Cancelled),
            active.Count == 0 ? null : active.Max(a => a.Judgement));
    }

    public int Count(ActionStatus status) => status switch
    {
        ActionStatus.NotStarted => NotStarted,
        ActionStatus.InProgress => InProgress,
        ActionStatus.Done => Done,
        _ => Cancelled,
    };
}
