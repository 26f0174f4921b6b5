using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>The action form's fields; names match the command's field errors.</summary>
public sealed class ActionInput
{
    public Guid? GoalId { get; set; }

    public string? Title { get; set; }

    public string? Description { get; set; }

    public Guid? ResponsibleUserId { get; set; }

    public List<Guid> CollaboratingCouncilIds { get; set; } = [];

    public DateOnly? Start { get; set; }

    public DateOnly? End { get; set; }

    public DevelopmentPhase? Phase { get; set; }

    public string? ConcurrencyStamp { get; set; }

    public ActionDraft ToDraft() => new(GoalId, Title, Description, ResponsibleUserId, CollaboratingCouncilIds, Start, End, Phase);

    public static ActionInput From(RoadmapAction action) => new()
    {
        GoalId = action.GoalId,
        Title = action.Title,
        Description = action.Description,
        ResponsibleUserId = action.ResponsibleUserId,
        CollaboratingCouncilIds = [.. action.CollaboratingCouncilIds],
        Start = action.Start,
        End = action.End,
        Phase = action.Phase,
        ConcurrencyStamp = action.ConcurrencyStamp,
    };
}

/// <summary>What the action form partial needs besides the input: the goals, the councils and the people to choose from.</summary>
public sealed record ActionFormView(ActionInput Input, RoadmapTree Tree, PartnershipInfo Partnership, Guid OwnerCouncilId, IReadOnlyList<PersonInfo> People, string SubmitText);
