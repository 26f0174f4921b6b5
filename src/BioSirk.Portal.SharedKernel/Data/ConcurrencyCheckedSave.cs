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
            return Result.Fail("", conflictMessage);
        }
    }
}
