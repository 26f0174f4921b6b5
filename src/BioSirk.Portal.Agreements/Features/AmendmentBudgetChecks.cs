using BioSirk.Portal.Agreements.Data;
using BioSirk.Portal.Agreements.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.EntityFrameworkCore;

namespace BioSirk.Portal.Agreements.Features;

/// <summary>
/// What new terms may not contradict in the money already registered: a frame below what has been paid out, or a
/// period that leaves registered hours or costs outside it (they would still count, against terms that exclude them).
/// </summary>
internal static class AmendmentBudgetChecks
{
    public static async Task<IReadOnlyList<FieldError>> CheckAsync(AgreementsDbContext db, Guid agreementId, AgreementTerms terms, CancellationToken ct)
    {
        var errors = new Errors();
        var paid = await db.Payments.Where(p => p.AgreementId == agreementId).SumAsync(p => p.Amount, ct);
        errors.When(terms.FrameAmount is { } frame && frame < paid, nameof(AgreementTerms.FrameAmount),
            $"Rammen kan ikke være lavere enn det som allerede er utbetalt ({Norwegian.Kroner(paid)}).");

        var hourDates = db.Hours.Where(h => h.AgreementId == agreementId).Select(h => h.Date);
        var costDates = db.DirectCosts.Where(c => c.AgreementId == agreementId).Select(c => c.Date);
        var dates = await hourDates.Concat(costDates).ToListAsync(ct);
        if (dates.Count > 0)
        {
            var first = dates.Min();
            var last = dates.Max();
            errors.When(terms.PeriodStart is { } start && start > first, nameof(AgreementTerms.PeriodStart),
                $"Det er registrert timer eller kostnader {Norwegian.Date(first)}, før den nye perioden. Flytt eller slett dem først.");
            errors.When(terms.PeriodEnd is { } end && end < last, nameof(AgreementTerms.PeriodEnd),
                $"Det er registrert timer eller kostnader {Norwegian.Date(last)}, etter den nye perioden. Flytt eller slett dem først.");
        }

        return errors.All;
    }
}
