using System.Linq.Expressions;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>
/// Takes back an hour row or a direct cost registered by mistake, while hours and costs can still be registered (the
/// same rule, <see cref="BudgetRules.ClosedFor"/>): once the final report is with the county, the figures stand. The
/// audit log keeps what was removed. A cost's voucher file is kept, since an earlier version of the final report may
/// still show it.
/// </summary>
public sealed class RemoveBudgetEntry(AgreementStore store)
{
    /// <summary>The row that was removed, for the receipt the page writes in its reader's language; null when not found here.</summary>
    public Task<Result<HourEntry>?> RemoveHoursAsync(Guid agreementId, Guid entryId, CancellationToken ct = default) =>
        RemoveAsync(agreementId, store.Db.Hours, h => h.Id == entryId && h.AgreementId == agreementId, ct);

    public Task<Result<DirectCost>?> RemoveCostAsync(Guid agreementId, Guid costId, CancellationToken ct = default) =>
        RemoveAsync(agreementId, store.Db.DirectCosts, c => c.Id == costId && c.AgreementId == agreementId, ct);

    private async Task<Result<TEntry>?> RemoveAsync<TEntry>(
        Guid agreementId, DbSet<TEntry> entries, Expression<Func<TEntry, bool>> which, CancellationToken ct)
        where TEntry : class
    {
        var agreement = await store.FindAsync(agreementId, ct);
        if (agreement is null)
        {
            return null;
        }

        if (await entries.FirstOrDefaultAsync(which, ct) is not { } entry)
        {
            // Deleted already, most likely from another tab; any id that is not one of this agreement's rows reads the same.
            return Result<TEntry>.Fail("", "Raden er allerede slettet. Siden viser timene og kostnadene slik de er nå.");
        }

        if (BudgetRules.ClosedFor(agreement) is { } closed)
        {
            return Result<TEntry>.Fail("", closed);
        }

        store.MoneyChanged(agreement);
        entries.Remove(entry);
        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? Result<TEntry>.Ok(entry) : Result<TEntry>.Fail(saved.Errors);
    }
}
