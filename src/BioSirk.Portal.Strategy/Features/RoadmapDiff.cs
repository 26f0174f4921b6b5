using System.Globalization;

namespace BioSirk.Portal.Strategy.Features;

public enum ChangeKind
{
    Added = 1,
    Removed = 2,
    Changed = 3,
}

public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>One difference between two versions: a focus area, goal or action added, removed or changed (with its fields).</summary>
public sealed record RoadmapChange(ChangeKind Kind, string What, string Name, IReadOnlyList<FieldChange> Fields);

/// <summary>Compares two snapshots item by item (by id), so a renamed action shows as changed, not as removed and added.</summary>
public static class RoadmapDiff
{
    public static IReadOnlyList<RoadmapChange> Between(RoadmapSnapshot before, RoadmapSnapshot after)
    {
        var changes = new List<RoadmapChange>();
        changes.AddRange(Compare("Veikart", [(Guid.Empty, before)], [(Guid.Empty, after)], s => s.Title, RoadmapFields));
        changes.AddRange(Compare("Satsingsområde", before.FocusAreas.Select(f => (f.Id, f)), after.FocusAreas.Select(f => (f.Id, f)),
            f => $"{f.Number} {f.Title}", f => [("Navn", f.Title), ("Nummer", f.Number), ("Beskrivelse", f.Description)]));
        changes.AddRange(Compare("Mål", Goals(before), Goals(after),
            g => $"{g.Number} {g.Title}", g => [("Navn", g.Title), ("Nummer", g.Number), ("Beskrivelse", g.Description)]));
        var goalNames = Goals(after).ToDictionary(g => g.Item1, g => GoalName(g.Item2));
        changes.AddRange(Compare("Tiltak", ActionsUnderGoals(before, goalNames), ActionsUnderGoals(after, goalNames), a => a.Action.Title, ActionFields));
        return changes;
    }

    private static string GoalName(GoalSnapshot g) => $"{g.Number} {g.Title}";

    /// <summary>
    /// Each action with the goal it hangs under, named as in the later version when that goal is still there: an action
    /// moved to another goal is a change, one whose goal was only renamed is not (the goal's change is listed itself).
    /// </summary>
    private static IEnumerable<(Guid, (ActionSnapshot Action, string Goal))> ActionsUnderGoals(RoadmapSnapshot s, IReadOnlyDictionary<Guid, string> goalNames) =>
        s.FocusAreas.SelectMany(f => f.Goals).SelectMany(g => g.Actions.Select(a => (a.Id, (a, goalNames.GetValueOrDefault(g.Id) ?? GoalName(g)))));

    private static IEnumerable<(Guid, GoalSnapshot)> Goals(RoadmapSnapshot s) => s.FocusAreas.SelectMany(f => f.Goals).Select(g => (g.Id, g));

    private static IEnumerable<(string, string?)> RoadmapFields(RoadmapSnapshot s) =>
    [
        ("Navn", s.Title), ("Beskrivelse", s.Description), ("Periode fra", Date(s.PeriodStart)), ("Periode til", Date(s.PeriodEnd)),
    ];

    private static IEnumerable<(string, string?)> ActionFields((ActionSnapshot Action, string Goal) x) => ActionFields(x.Action, x.Goal);

    private static IEnumerable<(string, string?)> ActionFields(ActionSnapshot a, string goal) =>
    [
        ("Navn", a.Title), ("Mål", goal), ("Beskrivelse", a.Description), ("Eier", a.Owner), ("Ansvarlig", a.Responsible),
        ("Samarbeidende råd", string.Join(", ", a.Collaborators)), ("Start", Date(a.Start)), ("Slutt", Date(a.End)),
        ("Fase", a.Phase), ("Status", a.Status), ("Vurdering", a.Judgement), ("Kommentar", a.Comment),
    ];

    private static string Date(DateOnly d) => d.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static IEnumerable<RoadmapChange> Compare<T>(string what, IEnumerable<(Guid Id, T Item)> before, IEnumerable<(Guid Id, T Item)> after,
        Func<T, string> name, Func<T, IEnumerable<(string Field, string? Value)>> fields)
    {
        var old = before.ToDictionary(x => x.Id, x => x.Item);
        var now = after.ToDictionary(x => x.Id, x => x.Item);
        foreach (var (id, item) in old.Where(o => !now.ContainsKey(o.Key)))
        {
            yield return new RoadmapChange(ChangeKind.Removed, what, name(item), []);
        }

        foreach (var (id, item) in now)
        {
            if (!old.TryGetValue(id, out var previous))
            {
                yield return new RoadmapChange(ChangeKind.Added, what, name(item), []);
                continue;
            }

            var changed = fields(previous).Zip(fields(item))
                .Where(p => !string.Equals(p.First.Value ?? "", p.Second.Value ?? "", StringComparison.Ordinal))
                .Select(p => new FieldChange(p.First.Field, p.First.Value, p.Second.Value))
                .ToList();
            if (changed.Count > 0)
            {
                yield return new RoadmapChange(ChangeKind.Changed, what, name(item), changed);
            }
        }
    }
}
