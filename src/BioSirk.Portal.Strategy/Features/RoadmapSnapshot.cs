using System.Text.Json;
using BioSirk.Portal.Strategy.Domain;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>The whole roadmap as frozen into a version: names instead of ids where a reader needs names, so that
/// renaming a council or a person later does not change what was adopted.</summary>
public sealed record RoadmapSnapshot(string Title, string? Description, DateOnly PeriodStart, DateOnly PeriodEnd, IReadOnlyList<FocusAreaSnapshot> FocusAreas)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RoadmapSnapshot FromJson(string json) => JsonSerializer.Deserialize<RoadmapSnapshot>(json, Json)!;

    public IEnumerable<ActionSnapshot> Actions => FocusAreas.SelectMany(f => f.Goals).SelectMany(g => g.Actions);

    public static RoadmapSnapshot Of(RoadmapTree tree, Func<Guid, string> councilName) => new(
        tree.Roadmap.Title,
        tree.Roadmap.Description,
        tree.Roadmap.PeriodStart,
        tree.Roadmap.PeriodEnd,
        [.. tree.Roadmap.FocusAreas.OrderBy(f => f.Number).Select(f => new FocusAreaSnapshot(
            f.Id, f.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), f.Title, f.Description,
            [.. f.Goals.OrderBy(g => g.Number).Select(g => new GoalSnapshot(
                g.Id, tree.NumberOf(g), g.Title, g.Description,
                [.. tree.ActionsOf(g).Select(a => new ActionSnapshot(
                    a.Id, a.Title, a.Description, councilName(a.OwnerCouncilId), a.ResponsibleName,
                    [.. a.CollaboratingCouncilIds.Select(councilName).Order()],
                    a.Start, a.End, RoadmapTexts.Phase(a.Phase), RoadmapTexts.Status(a.Status), RoadmapTexts.Judgement(a.Judgement),
                    a.JudgementComment))]))]))]);
}

public sealed record FocusAreaSnapshot(Guid Id, string Number, string Title, string? Description, IReadOnlyList<GoalSnapshot> Goals);

public sealed record GoalSnapshot(Guid Id, string Number, string Title, string? Description, IReadOnlyList<ActionSnapshot> Actions);

public sealed record ActionSnapshot(
    Guid Id,
    string Title,
    string? Description,
    string Owner,
    string? Responsible,
    IReadOnlyList<string> Collaborators,
    DateOnly Start,
    DateOnly End,
    string Phase,
    string Status,
    string Judgement,
    string? Comment);
