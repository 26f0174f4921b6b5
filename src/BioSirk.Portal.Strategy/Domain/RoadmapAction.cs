using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Strategy.Domain;

/// <summary>
/// One action (tiltak) of the roadmap. Every council of the partnership reads it; only the owner council's
/// secretaries change it, and its responsible person reports progress on it.
/// </summary>
public sealed class RoadmapAction : IPartnershipShared, IAudited, IConcurrencyAware
{
    private readonly List<ActionLink> links = [];

    private RoadmapAction()
    {
    }

    public RoadmapAction(Guid roadmapId, Guid goalId, Guid partnershipId, Guid ownerCouncilId)
    {
        RoadmapId = roadmapId;
        GoalId = goalId;
        PartnershipId = partnershipId;
        OwnerCouncilId = ownerCouncilId;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid RoadmapId { get; private set; }

    public Guid GoalId { get; set; }

    public Guid PartnershipId { get; private set; }

    public Guid OwnerCouncilId { get; private set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public Guid? ResponsibleUserId { get; set; }

    public string? ResponsibleName { get; set; }

    public List<Guid> CollaboratingCouncilIds { get; set; } = [];

    public DateOnly Start { get; set; }

    public DateOnly End { get; set; }

    public DevelopmentPhase Phase { get; set; } = DevelopmentPhase.Mapping;

    public ActionStatus Status { get; private set; } = ActionStatus.NotStarted;

    public ProgressJudgement Judgement { get; private set; } = ProgressJudgement.OnTrack;

    public string? JudgementComment { get; private set; }

    public DateTime? ProgressUpdatedAtUtc { get; private set; }

    public string? ProgressUpdatedBy { get; private set; }

    public IReadOnlyList<ActionLink> Links => links;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public bool IsActive => Status is ActionStatus.NotStarted or ActionStatus.InProgress;

    /// <summary>
    /// A new action: not started and on track. Its creation counts as its starting point for the reminders (it waits for
    /// a first report from the next reporting window), but it is no report: nobody is named as having reported.
    /// </summary>
    public void Begin(DateTime atUtc)
    {
        Status = ActionStatus.NotStarted;
        Judgement = ProgressJudgement.OnTrack;
        ProgressUpdatedAtUtc = atUtc;
        ProgressUpdatedBy = null;
    }

    /// <summary>Whether anyone has reported on the action yet (<see cref="Begin"/> is not a report).</summary>
    public bool HasProgressReport => ProgressUpdatedBy is not null;

    public void ReportProgress(ActionStatus status, ProgressJudgement judgement, string? comment, string byName, DateTime atUtc)
    {
        Status = status;
        Judgement = judgement;
        JudgementComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ProgressUpdatedAtUtc = atUtc;
        ProgressUpdatedBy = byName;
    }

    public void ReplaceLinks(IEnumerable<(ActionLinkKind Kind, Guid TargetId, string Label)> wanted)
    {
        links.Clear();
        links.AddRange(wanted.Select(w => new ActionLink(w.Kind, w.TargetId, w.Label)));
    }

    public void AddLink(ActionLinkKind kind, Guid targetId, string label)
    {
        if (links.All(l => l.Kind != kind || l.TargetId != targetId))
        {
            links.Add(new ActionLink(kind, targetId, label));
        }
    }

    public void RemoveLink(ActionLinkKind kind, Guid targetId) => links.RemoveAll(l => l.Kind == kind && l.TargetId == targetId);

    /// <summary>Waits for an update when it is active and its last update was made (by the day in Norway) on or before the day the window starts from.</summary>
    public bool AwaitsUpdate(DateOnly windowStart) =>
        IsActive && (ProgressUpdatedAtUtc is null || SharedKernel.Time.Oslo.DateOf(ProgressUpdatedAtUtc.Value) <= windowStart);
}

/// <summary>A link from an action to an agreement, an indicator or a meeting item, by id, with the label shown.</summary>
public sealed class ActionLink
{
    private ActionLink()
    {
    }

    public ActionLink(ActionLinkKind kind, Guid targetId, string label)
    {
        Kind = kind;
        TargetId = targetId;
        Label = label;
    }

    public ActionLinkKind Kind { get; private set; }

    public Guid TargetId { get; private set; }

    public string Label { get; private set; } = string.Empty;
}
