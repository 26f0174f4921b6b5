using BioSirk.Portal.SharedKernel.Data;
using BioSirk.Portal.SharedKernel.Results;
using BioSirk.Portal.Strategy.Data;
using BioSirk.Portal.Strategy.Domain;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Strategy.Features;

/// <summary>Loads roadmaps and actions for change, through the tenant filter, and saves with the concurrency check.</summary>
public sealed class RoadmapStore(StrategyDbContext db)
{
    public const string ConflictMessage =
        "Noen andre har endret dette mens du arbeidet. Det du skrev står fortsatt i skjemaet: last inn siden på nytt for å se endringen, og lagre igjen.";

    public StrategyDbContext Db => db;

    public Task<Roadmap?> RoadmapAsync(Guid roadmapId, CancellationToken ct = default) =>
        db.Roadmaps.Include(r => r.FocusAreas).ThenInclude(f => f.Goals).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == roadmapId, ct);

    public Task<RoadmapAction?> ActionAsync(Guid roadmapId, Guid actionId, CancellationToken ct = default) =>
        db.Actions.FirstOrDefaultAsync(a => a.RoadmapId == roadmapId && a.Id == actionId, ct);

    /// <summary>Saves; a concurrent change by someone else becomes a message instead of an overwrite.</summary>
    public Task<Result> SaveAsync(CancellationToken ct = default) => db.SaveOrConflictAsync(ConflictMessage, ct);

    /// <summary>
    /// A focus area or goal is numbered from those there are (the highest + 1): renewing the roadmap's stamp makes two
    /// added at the same moment conflict, instead of both getting the same number.
    /// </summary>
    public void NumberedPartAdded(Roadmap roadmap) => db.Entry(roadmap).Property(r => r.ConcurrencyStamp).IsModified = true;

    /// <summary>
    /// An action put under a goal (a new one, or one moved there) renews the goal's stamp: a removal of the goal at the same
    /// moment, which found no action under it, then conflicts instead of leaving the action under a goal that is gone.
    /// </summary>
    public void ActionPutUnder(Goal goal) => db.Entry(goal).Property(g => g.ConcurrencyStamp).IsModified = true;

    /// <summary>
    /// An action given its dates (a new one, or one moved in time) renews the roadmap's stamp: a change of the period at the
    /// same moment, which found no action outside the new period, then conflicts instead of leaving the action outside it.
    /// </summary>
    public void ActionDated(Roadmap roadmap) => db.Entry(roadmap).Property(r => r.ConcurrencyStamp).IsModified = true;

    /// <summary>
    /// A goal put under a focus area renews the area's stamp: a removal of the area at the same moment, which found no goal
    /// under it, then conflicts instead of failing on the goal's key (or taking the new goal with it).
    /// </summary>
    public void GoalPutUnder(FocusArea area) => db.Entry(area).Property(f => f.ConcurrencyStamp).IsModified = true;

    /// <summary>Makes the save fail if the row changed since the form was loaded.</summary>
    public void ExpectStamp<T>(T entity, string? stamp)
        where T : class, IConcurrencyAware =>
        db.Entry(entity).Property(e => e.ConcurrencyStamp).OriginalValue = stamp ?? "";
}
