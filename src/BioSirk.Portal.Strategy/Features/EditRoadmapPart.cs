using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>A focus area or a goal of a roadmap, found by its id: the two are named, described and removed alike.</summary>
public sealed record RoadmapPart(Roadmap Roadmap, FocusArea? Area, Goal? Goal)
{
    public bool IsGoal => Goal is not null;

    public string Title => IsGoal ? Goal!.Title : Area!.Title;

    public string? Description => IsGoal ? Goal!.Description : Area!.Description;

    public string ConcurrencyStamp => IsGoal ? Goal!.ConcurrencyStamp : Area!.ConcurrencyStamp;

    public static RoadmapPart? Find(Roadmap roadmap, Guid partId)
    {
        if (roadmap.FocusAreas.FirstOrDefault(f => f.Id == partId) is { } area)
        {
            return new RoadmapPart(roadmap, area, null);
        }

        return roadmap.Goals.FirstOrDefault(g => g.Id == partId) is { } goal ? new RoadmapPart(roadmap, null, goal) : null;
    }
}

/// <summary>
/// The coordinator renames a focus area or goal, or removes one that is empty: a focus area without goals, a goal
/// without actions. Adopted versions keep their own copy, so what was adopted does not change.
/// </summary>
public sealed class EditRoadmapPart(RoadmapStore store)
{
    public async Task<Result?> RenameAsync(Guid roadmapId, Guid partId, string? title, string? description, string? stamp, RoadmapActor actor,
        CancellationToken ct = default)
    {
        if (await FindAsync(roadmapId, partId, ct) is not { } part)
        {
            return null;
        }

        if (!RoadmapRules.CanCoordinate(part.Roadmap, actor))
        {
            return Result.Fail("", ShapeRoadmap.NotCoordinator);
        }

        var errors = new Errors().When(ShapeRoadmap.TitleError(title) is not null, "Title", ShapeRoadmap.TitleError(title) ?? "")
            .WhenLongerThan(description, ShapeRoadmap.MaxDescription, "Description", "Beskrivelsen");
        if (errors.Any)
        {
            return Result.Fail(errors.All);
        }

        if (part.Goal is { } goal)
        {
            store.ExpectStamp(goal, stamp);
            goal.Title = title!.Trim();
            goal.Description = ShapeRoadmap.Clean(description);
        }
        else
        {
            store.ExpectStamp(part.Area!, stamp);
            part.Area!.Title = title!.Trim();
            part.Area.Description = ShapeRoadmap.Clean(description);
        }

        return await store.SaveAsync(ct);
    }

    /// <param name="goalIndicators">The names of the indicators that measure the goal (the Indicators module's, read by the caller).</param>
    public async Task<Result?> RemoveAsync(Guid roadmapId, Guid partId, RoadmapActor actor, IReadOnlyList<string> goalIndicators, CancellationToken ct = default)
    {
        if (await FindAsync(roadmapId, partId, ct) is not { } part)
        {
            return null;
        }

        if (!RoadmapRules.CanCoordinate(part.Roadmap, actor))
        {
            return Result.Fail("", ShapeRoadmap.NotCoordinator);
        }

        if (await WhyNotRemovableAsync(part, goalIndicators, ct) is { } refusal)
        {
            return Result.Fail("", refusal);
        }

        if (part.Goal is { } goal)
        {
            part.Roadmap.FocusAreas.First(f => f.Id == goal.FocusAreaId).RemoveGoal(goal);
        }
        else
        {
            part.Roadmap.RemoveFocusArea(part.Area!);
        }

        var saved = await store.SaveAsync(ct);
        if (saved.IsStale && await WhyNotRemovableNowAsync(roadmapId, partId, goalIndicators, ct) is { } since)
        {
            // An action was put under the goal (or a goal under the area) in the same moment: say what to do first.
            return Result.Fail("", since);
        }

        return saved;
    }

    private async Task<string?> WhyNotRemovableNowAsync(Guid roadmapId, Guid partId, IReadOnlyList<string> goalIndicators, CancellationToken ct)
    {
        store.Db.ChangeTracker.Clear();
        return await FindAsync(roadmapId, partId, ct) is { } now ? await WhyNotRemovableAsync(now, goalIndicators, ct) : null;
    }

    /// <summary>Why the part cannot be removed now, in words that say what to do first; null when it can.</summary>
    public async Task<string?> WhyNotRemovableAsync(RoadmapPart part, IReadOnlyList<string> goalIndicators, CancellationToken ct = default)
    {
        if (part.Area is { Goals.Count: > 0 } area)
        {
            return area.Goals.Count == 1
                ? $"Satsingsområdet har ett mål, «{area.Goals[0].Title}». Fjern målet først."
                : $"Satsingsområdet har {area.Goals.Count} mål. Fjern målene først.";
        }

        if (part.Goal is not { } goal)
        {
            return null;
        }

        var actions = await store.Db.Actions.AsNoTracking().Where(a => a.RoadmapId == part.Roadmap.Id && a.GoalId == goal.Id)
            .OrderBy(a => a.Start).Select(a => a.Title).ToListAsync(ct);
        // An indicator keeps its goal with its measurements (it is neither moved nor deleted): its goal stays.
        return (actions.Count, goalIndicators.Count) switch
        {
            (1, _) => $"Tiltaket «{actions[0]}» hører til målet. Flytt det først til et annet mål, under «Endre» på tiltaket.",
            ( > 1, _) => $"{actions.Count} tiltak hører til målet, blant dem «{actions[0]}». Flytt dem først til et annet mål, under «Endre» på hvert tiltak.",
            (_, 1) => $"Indikatoren «{goalIndicators[0]}» måler målet og beholder det med målingene sine. Et mål med indikatorer fjernes ikke; gi det heller et nytt navn.",
            (_, > 1) => $"{goalIndicators.Count} indikatorer måler målet, blant dem «{goalIndicators[0]}», og beholder det med målingene sine. Et mål med indikatorer fjernes ikke; gi det heller et nytt navn.",
            _ => null,
        };
    }

    /// <summary>The part's stamp as stored now, for a form whose save was stale (the tracked copy holds the failed attempt's).</summary>
    public Task<string?> CurrentStampAsync(RoadmapPart part, CancellationToken ct = default) =>
        part.IsGoal ? store.Db.CurrentStampAsync<Goal>(part.Goal!.Id, ct) : store.Db.CurrentStampAsync<FocusArea>(part.Area!.Id, ct);

    public async Task<RoadmapPart?> FindAsync(Guid roadmapId, Guid partId, CancellationToken ct = default) =>
        await store.RoadmapAsync(roadmapId, ct) is { } roadmap ? RoadmapPart.Find(roadmap, partId) : null;
}
