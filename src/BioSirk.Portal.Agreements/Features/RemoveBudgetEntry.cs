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
    /// <summary>What was removed, in words for the receipt ("7,5 t 20.01.2026, Kari Nordby"); null when not found here.</summary>
    public Task<Result<string>?> RemoveHoursAsync(Guid agreementId, Guid entryId, CancellationToken ct = default) =>
        RemoveAsync(agreementId, store.Db.Hours, h => h.Id == entryId && h.AgreementId == agreementId,
            h => $"{h.Hours.ToString("0.##", Norwegian.Culture)} t {Norwegian.Date(h.Date)}, {h.Person}", ct);

    public Task<Result<string>?> RemoveCostAsync(Guid agreementId, Guid costId, CancellationToken ct = default) =>
        RemoveAsync(agreementId, store.Db.DirectCosts, c => c.Id == costId && c.AgreementId == agreementId,
            c => $"{Norwegian.Kroner(c.Amount)} {Norwegian.Date(c.Date)}, {c.Supplier}", ct);

    private async Task<Result<string>?> RemoveAsync<TEntry>(
        Guid agreementId, DbSet<TEntry> entries, Expression<Func<TEntry, bool>> which, Func<TEntry, string> describe, CancellationToken ct)
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
            return Result<string>.Fail("", "Raden er allerede slettet. Siden viser timene og kostnadene slik de er nå.");
        }

        if (BudgetRules.ClosedFor(agreement) is { } closed)
        {
            return Result<string>.Fail("", closed);
        }

        entries.Remove(entry);
        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? Result<string>.Ok(describe(entry)) : Result<string>.Fail(saved.Errors);
    }
}
