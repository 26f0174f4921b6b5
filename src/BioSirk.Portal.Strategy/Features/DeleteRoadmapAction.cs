using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Strategy.Domain;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>
/// The owner council's secretary deletes an action. Versions already frozen keep their copy, so the next comparison
/// shows it as removed. An action that still follows up an indicator is not deleted until that link is removed: the
/// indicator would otherwise lose its action without anyone having looked at it.
/// </summary>
public sealed class DeleteRoadmapAction(RoadmapStore store)
{
    public async Task<Result?> DeleteAsync(Guid roadmapId, Guid actionId, string? concurrencyStamp, RoadmapActor actor, CancellationToken ct = default)
    {
        if (await store.ActionAsync(roadmapId, actionId, ct) is not { } action)
        {
            return null;
        }

        if (!RoadmapRules.CanEdit(action, actor))
        {
            return Result.Fail("", "Bare sekretariatet i rådet som eier tiltaket, kan slette det.");
        }

        if (WhyNotDeletable(action) is { } refusal)
        {
            return Result.Fail("", refusal);
        }

        store.ExpectStamp(action, concurrencyStamp);
        store.Db.Actions.Remove(action);
        return await store.SaveAsync(ct);
    }

    /// <summary>Why the action cannot be deleted now, in words that say what to do first; null when it can.</summary>
    public static string? WhyNotDeletable(RoadmapAction action)
    {
        var indicators = action.Links.Where(l => l.Kind == ActionLinkKind.Indicator).Select(l => l.Label).ToList();
        return indicators.Count switch
        {
            0 => null,
            1 => $"Tiltaket er koblet til indikatoren «{indicators[0]}». Fjern koblingen under «Koblinger» først, så tiltaket kan slettes.",
            _ => $"Tiltaket er koblet til {indicators.Count} indikatorer, blant dem «{indicators[0]}». Fjern koblingene under «Koblinger» først, så tiltaket kan slettes.",
        };
    }
}
