using BioSirk.Portal.Meetings.Domain;
using BioSirk.Portal.Meetings.Features;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;
using BioSirk.Portal.Web.Tenancy;

namespace BioSirk.Portal.Web.Pages.Council.Meetings;

/// <summary>What the "roadmap action from this item" form posts; names match the Strategy module's field errors.</summary>
public sealed class ActionFromItemInput
{
    public Guid? GoalId { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    public DevelopmentPhase? Phase { get; set; }

    public Guid? ResponsibleUserId { get; set; }

    public ActionDraft ToDraft() => new(GoalId, Title, Description, ResponsibleUserId, [], Start, End, Phase);
}

/// <summary>The roadmaps an item's action can go into (with their goals), and the people who can be responsible.</summary>
public sealed record ActionFromItemChoices(IReadOnlyList<RoadmapTree> Roadmaps, IReadOnlyList<PersonInfo> People)
{
    public bool HasGoals => Roadmaps.Any(r => r.Roadmap.Goals.Any());

    public IEnumerable<Goal> Goals => Roadmaps.SelectMany(r => r.Roadmap.Goals);
}

/// <summary>The action made: where it is shown, and a warning when the item's link back could not be saved.</summary>
public sealed record ActionFromItemMade(string Href, string Title, string RoadmapTitle, string? Warning);

/// <summary>
/// Makes a roadmap action (tiltak) from an agenda item in one step. Roadmaps are partnerships' joint roadmaps, and each
/// action is owned by one council: the action is owned by the organising council (whose secretaries alone run the
/// meeting) and goes into the roadmap of the meeting's partnership, or, for a council meeting, into a roadmap of one of
/// the council's partnerships; the goal chosen decides which. The action is saved with its link to the item; then the
/// item gets its link to the action. The web host composes this, as Meetings and Strategy know nothing of each other.
/// </summary>
public sealed class ActionFromItem(RoadmapQueries roadmaps, SaveRoadmapAction save, EditAgenda agenda, IPlatformDirectory directory, PortalContext portal)
{
    private const int MaxLabelLength = 300;

    public async Task<ActionFromItemChoices> ChoicesAsync(Meeting meeting, CancellationToken ct = default)
    {
        var trees = new List<RoadmapTree>();
        foreach (var roadmap in (await roadmaps.ListAsync(ct)).Where(r => !meeting.IsPartnershipMeeting || r.PartnershipId == meeting.PartnershipId))
        {
            if (await roadmaps.TreeAsync(roadmap.Id, ct) is { } tree)
            {
                trees.Add(tree);
            }
        }

        var councils = portal.Partnerships.Where(p => trees.Any(t => t.Roadmap.PartnershipId == p.Id)).SelectMany(p => p.Councils).Select(c => c.Id).Distinct();
        var people = (await directory.ListPeopleAsync(councils, ct)).DistinctBy(p => p.UserId).OrderBy(p => p.FullName).ToList();
        return new ActionFromItemChoices(trees, people);
    }

    /// <summary>
    /// The form as it first shows: the item's title, from the meeting's day (or the roadmap's start, when the meeting
    /// came before it) to the end of the roadmap's period, phase 1.
    /// </summary>
    public static ActionFromItemInput Prefill(Meeting meeting, AgendaItem item, ActionFromItemChoices choices)
    {
        var goals = choices.Goals.ToList();
        var withGoals = choices.Roadmaps.Where(r => r.Roadmap.Goals.Any()).ToList();
        var meetingDay = DateOnly.FromDateTime(Oslo.ToOslo(meeting.StartsAtUtc));
        var only = withGoals.Count == 1 ? withGoals[0].Roadmap : null;
        return new ActionFromItemInput
        {
            Title = item.Title,
            GoalId = goals.Count == 1 ? goals[0].Id : null,
            Start = only is not null && meetingDay < only.PeriodStart ? only.PeriodStart : meetingDay,
            End = only?.PeriodEnd,
            Phase = DevelopmentPhase.Mapping,
        };
    }

    /// <summary>Null when the roadmap is no longer there for this council (404).</summary>
    public async Task<Result<ActionFromItemMade>?> CreateAsync(
        Meeting meeting, AgendaItem item, ActionFromItemInput input, ActionFromItemChoices choices, MeetingActor actor, CancellationToken ct = default)
    {
        // With no goal (or one of another roadmap) chosen, the first roadmap's checks still tell every field's error at once.
        var tree = choices.Roadmaps.FirstOrDefault(t => t.Roadmap.Goals.Any(g => g.Id == input.GoalId)) ?? choices.Roadmaps.FirstOrDefault();
        if (tree is null)
        {
            return Result<ActionFromItemMade>.Fail("", "Rådet har ikke noe veikart å legge tiltaket i.");
        }

        var roadmapActor = new RoadmapActor(actor.UserId, actor.Name, actor.CouncilId, actor.IsSecretary);
        var toItem = new ActionLink(ActionLinkKind.MeetingItem, item.Id, ItemLabel(meeting, item));
        var created = await save.CreateLinkedAsync(tree.Roadmap.Id, input.ToDraft(), toItem, roadmapActor, ct);
        if (created is null)
        {
            return null;
        }

        if (!created.Succeeded)
        {
            return Result<ActionFromItemMade>.Fail(created.Errors);
        }

        var title = input.Title!.Trim();
        var linked = await agenda.AddLinkAsync(meeting.Id, item.Id, new ChosenLink(AgendaLinkKind.RoadmapAction, created.Value, title), actor, ct);
        var warning = linked is { Succeeded: true }
            ? null
            : "Saken fikk ikke koblingen til tiltaket (tiltaket har koblingen til saken). Koble dem under «Endre saken».";
        return Result<ActionFromItemMade>.Ok(new ActionFromItemMade($"{portal.Prefix}/veikart/{tree.Roadmap.Id}/tiltak/{created.Value}", title, tree.Roadmap.Title, warning));
    }

    /// <summary>"SAK 3/26 Budsjett 2027 (Rådsmøte 14.04.2026)", as the action's page lists the link.</summary>
    public static string ItemLabel(Meeting meeting, AgendaItem item)
    {
        var suffix = $" ({meeting.Title} {SharedKernel.Formatting.Norwegian.Date(DateOnly.FromDateTime(Oslo.ToOslo(meeting.StartsAtUtc)))})";
        var label = (item.CaseLabel is { } c ? c + " " : "") + item.Title;
        return label.Length + suffix.Length <= MaxLabelLength ? label + suffix : label[..Math.Min(label.Length, MaxLabelLength)];
    }
}
