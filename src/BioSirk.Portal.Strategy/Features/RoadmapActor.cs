using BioSirk.Portal.Strategy.Domain;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>The person acting, in the council she is acting for.</summary>
public sealed record RoadmapActor(Guid UserId, string Name, Guid CouncilId, bool IsSecretary);

/// <summary>Who may change what in a roadmap. Reading is decided by the tenant filter (partnership members only).</summary>
public static class RoadmapRules
{
    public static bool CanEdit(RoadmapAction action, RoadmapActor actor) =>
        actor.IsSecretary && action.OwnerCouncilId == actor.CouncilId;

    /// <summary>The owner council's secretaries and the action's responsible person report progress.</summary>
    public static bool CanReportProgress(RoadmapAction action, RoadmapActor actor) =>
        CanEdit(action, actor) || (action.ResponsibleUserId is { } responsible && responsible == actor.UserId);

    /// <summary>The coordinating council's secretaries shape focus areas and goals and freeze versions.</summary>
    public static bool CanCoordinate(Roadmap roadmap, RoadmapActor actor) =>
        actor.IsSecretary && roadmap.CoordinatorCouncilId == actor.CouncilId;

    /// <summary>Any partnership council's secretaries add actions (owned by their council) and record their council's decision.</summary>
    public static bool CanContribute(RoadmapActor actor) => actor.IsSecretary;

    public static string NotYours(string ownerCouncilName) =>
        $"Dette tiltaket eies av {ownerCouncilName}. Bare sekretariatet der kan endre det; du kan lese det og kommentere i møtene.";

    /// <summary>For the responsible person of another council: she may not edit the action, but she reports on it.</summary>
    public static string NotYoursButYouReport(string ownerCouncilName) =>
        $"Dette tiltaket eies av {ownerCouncilName}. Bare sekretariatet der kan endre det; som ansvarlig rapporterer du status og fremdrift nedenfor.";
}
