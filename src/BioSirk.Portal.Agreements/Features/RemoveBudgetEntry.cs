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
    public async Task<Result<string>?> RemoveHoursAsync(Guid agreementId, Guid entryId, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(agreementId, ct);
        var entry = agreement is null ? null : await store.Db.Hours.FirstOrDefaultAsync(h => h.Id == entryId && h.AgreementId == agreementId, ct);
        if (agreement is null || entry is null)
        {
            return null;
        }

        if (BudgetRules.ClosedFor(agreement) is { } closed)
        {
            return Result<string>.Fail("", closed);
        }

        store.Db.Hours.Remove(entry);
        return await SavedAsync($"{entry.Hours.ToString("0.##", Norwegian.Culture)} t {Norwegian.Date(entry.Date)}, {entry.Person}", ct);
    }

    public async Task<Result<string>?> RemoveCostAsync(Guid agreementId, Guid costId, CancellationToken ct = default)
    {
        var agreement = await store.FindAsync(agreementId, ct);
        var cost = agreement is null ? null : await store.Db.DirectCosts.FirstOrDefaultAsync(c => c.Id == costId && c.AgreementId == agreementId, ct);
        if (agreement is null || cost is null)
        {
            return null;
        }

        if (BudgetRules.ClosedFor(agreement) is { } closed)
        {
            return Result<string>.Fail("", closed);
        }

        store.Db.DirectCosts.Remove(cost);
        return await SavedAsync($"{Norwegian.Kroner(cost.Amount)} {Norwegian.Date(cost.Date)}, {cost.Supplier}", ct);
    }

    private async Task<Result<string>> SavedAsync(string removed, CancellationToken ct)
    {
        var saved = await store.SaveAsync(ct);
        return saved.Succeeded ? Result<string>.Ok(removed) : Result<string>.Fail(saved.Errors);
    }
}
