using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.SharedKernel.Data;

public static class ConcurrencyCheckedSave
{
    /// <summary>Saves; a concurrent change by someone else (a stale <see cref="IConcurrencyAware"/> stamp) becomes a message instead of an overwrite.</summary>
    public static async Task<Result> SaveOrConflictAsync(this DbContext db, string conflictMessage, CancellationToken ct = default)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return Result.Ok();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Result.Stale("", conflictMessage);
        }
    }

    /// <summary>
    /// The stamp a row has in the database now, for a form that lets its writer save over a newer version once she
    /// has been told about it (not the stamp a failed save left on the tracked entity).
    /// </summary>
    public static Task<string?> CurrentStampAsync<TEntity>(this DbContext db, Guid id, CancellationToken ct = default)
        where TEntity : class, IConcurrencyAware =>
        db.Set<TEntity>().AsNoTracking()
            .Where(e => EF.Property<Guid>(e, "Id") == id)
            .Select(e => e.ConcurrencyStamp)
            .FirstOrDefaultAsync(ct);
}
