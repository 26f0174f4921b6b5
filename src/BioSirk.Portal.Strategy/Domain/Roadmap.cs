using BioSirk.Portal.SharedKernel.Auditing;
using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Tenancy;

namespace BioSirk.Portal.Strategy.Domain;

/// <summary>
/// A partnership's joint roadmap: focus areas (satsingsområder) with goals; the actions hang under the goals as their
/// own aggregate (<see cref="RoadmapAction"/>), since each council edits its own actions independently.
/// The coordinating council's secretaries own the structure and freeze versions for adoption.
/// </summary>
public sealed class Roadmap : IPartnershipShared, IAudited, IConcurrencyAware
{
    private readonly List<FocusArea> focusAreas = [];

    private Roadmap()
    {
    }

    public Roadmap(Guid partnershipId, Guid coordinatorCouncilId, string title, string? description, DateOnly periodStart, DateOnly periodEnd)
    {
        PartnershipId = partnershipId;
        CoordinatorCouncilId = coordinatorCouncilId;
        Title = title;
        Description = description;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid PartnershipId { get; private set; }

    /// <summary>The council whose secretaries coordinate: they shape the structure and freeze versions.</summary>
    public Guid CoordinatorCouncilId { get; private set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

    /// <summary>The dates by which every responsible person reports progress (e.g. before each council meeting).</summary>
    public List<DateOnly> ReportingDates { get; set; } = [];

    public IReadOnlyList<FocusArea> FocusAreas => focusAreas;

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public IEnumerable<Goal> Goals => focusAreas.SelectMany(f => f.Goals);

    public FocusArea AddFocusArea(string title, string? description)
    {
        var area = new FocusArea(Id, PartnershipId, focusAreas.Count == 0 ? 1 : focusAreas.Max(f => f.Number) + 1, title, description);
        focusAreas.Add(area);
        return area;
    }

    /// <summary>Takes out an empty focus area; the ones after it move up a number, so the numbering has no gap.</summary>
    public void RemoveFocusArea(FocusArea area)
    {
        if (area.Goals.Count > 0)
        {
            throw new InvalidOperationException("A focus area with goals cannot be removed.");
        }

        focusAreas.Remove(area);
        foreach (var later in focusAreas.Where(f => f.Number > area.Number))
        {
            later.Number--;
        }
    }

    /// <summary>The first reporting date on or after <paramref name="today"/>, if any is left.</summary>
    public DateOnly? NextReportingDate(DateOnly today) =>
        ReportingDates.Where(d => d >= today).Order().Cast<DateOnly?>().FirstOrDefault();

    /// <summary>The last reporting date before <paramref name="today"/>, if one has passed.</summary>
    public DateOnly? PreviousReportingDate(DateOnly today) =>
        ReportingDates.Where(d => d < today).Order().Cast<DateOnly?>().LastOrDefault();

    /// <summary>
    /// Whether <paramref name="action"/> owes a report for the reporting date <paramref name="date"/> (for a passed date:
    /// owed one and gave none, then or since): it is under way by then, and its last update is older than that date's
    /// window. An action that starts after the date has nothing to report yet.
    /// </summary>
    public bool OwesReport(RoadmapAction action, DateOnly date) =>
        action.Start < date && action.AwaitsUpdate(ReportingWindowStart(date));

    /// <summary>The reporting date before <paramref name="date"/>, or the start of the period: updates after it count for <paramref name="date"/>.</summary>
    public DateOnly ReportingWindowStart(DateOnly date) =>
        ReportingDates.Where(d => d < date).Order().Cast<DateOnly?>().LastOrDefault() ?? PeriodStart;
}

public sealed class FocusArea : IPartnershipShared, IAudited, IConcurrencyAware
{
    private readonly List<Goal> goals = [];

    private FocusArea()
    {
    }

    internal FocusArea(Guid roadmapId, Guid partnershipId, int number, string title, string? description)
    {
        RoadmapId = roadmapId;
        PartnershipId = partnershipId;
        Number = number;
        Title = title;
        Description = description;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid RoadmapId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public int Number { get; internal set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public IReadOnlyList<Goal> Goals => goals;

    public Goal AddGoal(string title, string? description)
    {
        var goal = new Goal(Id, RoadmapId, PartnershipId, goals.Count == 0 ? 1 : goals.Max(g => g.Number) + 1, title, description);
        goals.Add(goal);
        return goal;
    }

    /// <summary>Takes out a goal no action hangs under (the caller checks); the goals after it move up a number.</summary>
    public void RemoveGoal(Goal goal)
    {
        goals.Remove(goal);
        foreach (var later in goals.Where(g => g.Number > goal.Number))
        {
            later.Number--;
        }
    }
}

public sealed class Goal : IPartnershipShared, IAudited, IConcurrencyAware
{
    private Goal()
    {
    }

    internal Goal(Guid focusAreaId, Guid roadmapId, Guid partnershipId, int number, string title, string? description)
    {
        FocusAreaId = focusAreaId;
        RoadmapId = roadmapId;
        PartnershipId = partnershipId;
        Number = number;
        Title = title;
        Description = description;
    }

    public Guid Id { get; private set; } = Guid.NewGuid();

    public Guid FocusAreaId { get; private set; }

    public Guid RoadmapId { get; private set; }

    public Guid PartnershipId { get; private set; }

    public int Number { get; internal set; }

    public string Title { get; set; } = string.Empty;

    public string? Description { get; set; }

    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
