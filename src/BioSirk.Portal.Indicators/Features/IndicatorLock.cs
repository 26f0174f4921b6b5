using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Indicators.Features;

/// <summary>
/// An indicator of an agreement whose final report lies with the county, or has been approved (or that is settled), is
/// locked: it is not edited, and its measurements are neither added, imported nor deleted, so the figures the county
/// reads stay as the report delivered them (<see cref="IFinalPlans"/>). A report sent back opens them again. Every use
/// case that writes an indicator asks here first; the pages ask too, to show the reason instead of the forms. Reading
/// and exporting stay open.
/// </summary>
public sealed class IndicatorLock(IFinalPlans plans)
{
    /// <summary>Why an indicator and its measurements cannot be changed; the pages show it, the API answers it with 409.</summary>
    public const string Message = "Sluttrapporten for avtalen er godkjent, så indikatoren og målingene er låst.";

    public const string WithTheCountyMessage =
        "Sluttrapporten for avtalen er levert og ligger hos fylket, med indikatoren og målingene slik de var da. De kan endres igjen hvis fylket sender rapporten tilbake.";

    /// <summary>Why no indicator is added to the agreement (the page for a new indicator says the same).</summary>
    public const string NoNewIndicatorMessage =
        "Sluttrapporten for avtalen er godkjent, og indikatorene den rapporterte er endelige. Nye indikatorer kan ikke legges til avtalen.";

    public const string NoNewIndicatorWithTheCountyMessage =
        "Sluttrapporten for avtalen er levert og ligger hos fylket. Nye indikatorer kan legges til hvis fylket sender rapporten tilbake.";

    public static Result Refusal(string reason) => Result.Fail("", reason);

    /// <summary>Why <paramref name="indicator"/> cannot be changed now, or null when it can.</summary>
    public async Task<string?> LockedBecauseAsync(Indicator indicator, CancellationToken ct = default) =>
        await ClosureAsync(indicator.PlanKind, indicator.PlanId, ct) switch
        {
            PlanClosure.ReportApproved => Message,
            PlanClosure.ReportWithTheCounty => WithTheCountyMessage,
            _ => null,
        };

    /// <summary>Why no indicator can be added to the plan now, or null when one can.</summary>
    public async Task<string?> NoNewIndicatorBecauseAsync(PlanKind kind, Guid planId, CancellationToken ct = default) =>
        await ClosureAsync(kind, planId, ct) switch
        {
            PlanClosure.ReportApproved => NoNewIndicatorMessage,
            PlanClosure.ReportWithTheCounty => NoNewIndicatorWithTheCountyMessage,
            _ => null,
        };

    public async Task<bool> IsLockedAsync(Indicator indicator, CancellationToken ct = default) => await LockedBecauseAsync(indicator, ct) is not null;

    /// <summary>Those of <paramref name="indicators"/> that are not locked, in the same order: the ones someone may be asked to measure.</summary>
    public async Task<IReadOnlyList<T>> OpenAsync<T>(IReadOnlyList<T> indicators, Func<T, (PlanKind Kind, Guid PlanId)> planOf, CancellationToken ct = default)
    {
        var agreements = indicators.Select(planOf).Where(p => p.Kind == PlanKind.Agreement).Select(p => p.PlanId).Distinct().ToList();
        if (agreements.Count == 0)
        {
            return indicators;
        }

        var closed = await plans.ClosedAgreementsAsync(agreements, ct);
        return closed.Count == 0 ? indicators : [.. indicators.Where(i => planOf(i) is var (kind, planId) && !(kind == PlanKind.Agreement && closed.ContainsKey(planId)))];
    }

    private async Task<PlanClosure?> ClosureAsync(PlanKind kind, Guid planId, CancellationToken ct) =>
        kind == PlanKind.Agreement && (await plans.ClosedAgreementsAsync([planId], ct)).TryGetValue(planId, out var closure) ? closure : null;
}
