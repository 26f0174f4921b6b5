using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Indicators.Features;

/// <summary>
/// An indicator of an agreement whose final report the county has approved (or that is settled) is locked: it is not
/// edited, and its measurements are neither added, imported nor deleted, so the figures the county approved stay as
/// they were (<see cref="IFinalPlans"/>). Every use case that writes an indicator asks here first; the pages ask too,
/// to show the reason instead of the forms. Reading and exporting stay open.
/// </summary>
public sealed class IndicatorLock(IFinalPlans plans)
{
    /// <summary>Why an indicator and its measurements cannot be changed; the pages show it, the API answers it with 409.</summary>
    public const string Message = "Sluttrapporten for avtalen er godkjent, så indikatoren og målingene er låst.";

    /// <summary>Why no indicator is added to the agreement (the page for a new indicator says the same).</summary>
    public const string NoNewIndicatorMessage =
        "Sluttrapporten for avtalen er godkjent, og indikatorene den rapporterte er endelige. Nye indikatorer kan ikke legges til avtalen.";

    public static Result Refusal => Result.Fail("", Message);

    public Task<bool> IsLockedAsync(Indicator indicator, CancellationToken ct = default) => IsFinalAsync(indicator.PlanKind, indicator.PlanId, ct);

    public async Task<bool> IsFinalAsync(PlanKind kind, Guid planId, CancellationToken ct = default) =>
        kind == PlanKind.Agreement && (await plans.FinalAgreementsAsync([planId], ct)).Contains(planId);

    /// <summary>Those of <paramref name="indicators"/> that are not locked, in the same order: the ones someone may be asked to measure.</summary>
    public async Task<IReadOnlyList<T>> OpenAsync<T>(IReadOnlyList<T> indicators, Func<T, (PlanKind Kind, Guid PlanId)> planOf, CancellationToken ct = default)
    {
        var agreements = indicators.Select(planOf).Where(p => p.Kind == PlanKind.Agreement).Select(p => p.PlanId).Distinct().ToList();
        if (agreements.Count == 0)
        {
            return indicators;
        }

        var final = await plans.FinalAgreementsAsync(agreements, ct);
        return final.Count == 0 ? indicators : [.. indicators.Where(i => planOf(i) is var (kind, planId) && !(kind == PlanKind.Agreement && final.Contains(planId)))];
    }
}
