using System.Globalization;
using BioSirk.Portal.SharedKernel.Formatting;

namespace BioSirk.Portal.Indicators.Contracts;

/// <summary>What an action plan belongs to.</summary>
public enum PlanKind
{
    Agreement = 1,
    RoadmapGoal = 2,
    Council = 3,
}

/// <summary>Where an indicator stands; computed by the one status rule of the module.</summary>
public enum IndicatorState
{
    NoData = 0,
    OnTrack = 1,
    AtRisk = 2,
    OffTrack = 3,
    Achieved = 4,
}

/// <summary>An indicator as lists and dashboards show it.</summary>
public sealed record IndicatorSummary(
    Guid Id, string Name, string Unit, PlanKind PlanKind, Guid PlanId, string PlanTitle, Guid OwnerCouncilId,
    IndicatorState State, decimal? LatestValue, DateOnly? LatestDate, decimal TargetValue, DateOnly TargetDate,
    Guid? ResponsibleUserId, string? ResponsibleName, DateOnly NextReportingDate);

/// <summary>An indicator frozen as of a date, for the final report of an agreement.</summary>
public sealed record IndicatorSnapshot(
    Guid IndicatorId, string Name, string Unit, string Direction, decimal BaselineValue, DateOnly BaselineDate,
    decimal TargetValue, DateOnly TargetDate, decimal? LatestValue, DateOnly? LatestDate, IndicatorState State, decimal? ExpectedValue);

/// <summary>
/// Reads indicators for other modules (Strategy's goal pages and "my updates", Reporting's final report). Everything
/// goes through the tenant filter: a council sees its own indicators and those of its partnerships' roadmap goals,
/// a county those of the agreements it funds.
/// </summary>
public interface IIndicatorReader
{
    Task<IReadOnlyList<IndicatorSummary>> ListForPlanAsync(PlanKind kind, Guid planId, CancellationToken ct = default);

    /// <summary>Everything the current scope sees.</summary>
    Task<IReadOnlyList<IndicatorSummary>> ListVisibleAsync(CancellationToken ct = default);

    /// <summary>
    /// "My updates": the indicators this person is responsible for whose next reporting date is at most 7 days away
    /// (or passed) — the same window as the reminder — and that are not locked (<see cref="IFinalPlans"/>).
    /// </summary>
    Task<IReadOnlyList<IndicatorSummary>> ListAwaitingUpdateAsync(Guid userId, DateOnly today, CancellationToken ct = default);

    /// <summary>The plan's indicators with the latest measurement on or before <paramref name="asOf"/> and the status then.</summary>
    Task<IReadOnlyList<IndicatorSnapshot>> SnapshotAsync(PlanKind kind, Guid planId, DateOnly asOf, CancellationToken ct = default);
}

/// <summary>Why an agreement's indicators cannot be changed now.</summary>
public enum PlanClosure
{
    /// <summary>The final report is delivered and lies with the county: the indicators stand as delivered until it answers.</summary>
    ReportWithTheCounty = 1,

    /// <summary>The county approved the final report (or the agreement is settled): the figures it approved are final.</summary>
    ReportApproved = 2,
}

/// <summary>
/// Which plans' indicators are closed to changes. An agreement's are while its final report lies with the county (they
/// stand as the report delivered them; a report sent back opens them again) and for good once the county has approved
/// it: the figures the county read must not change under it. The module refuses every change to such an indicator and
/// its measurements and asks no one to measure it. The host answers from the Agreements module, through the tenant
/// filter (an indicator's agreement is its owner council's). A roadmap goal's and a council's own plan are never closed.
/// </summary>
public interface IFinalPlans
{
    /// <returns>Those of <paramref name="agreementIds"/> whose indicators are closed, each with why.</returns>
    Task<IReadOnlyDictionary<Guid, PlanClosure>> ClosedAgreementsAsync(IReadOnlyCollection<Guid> agreementIds, CancellationToken ct = default);
}

/// <summary>The module's words in bokmål, for every page and document that shows an indicator.</summary>
public static class IndicatorTexts
{
    public static string State(IndicatorState state) => state switch
    {
        IndicatorState.NoData => "Ingen data",
        IndicatorState.OnTrack => "I rute",
        IndicatorState.AtRisk => "Risiko",
        IndicatorState.OffTrack => "Ikke i rute",
        IndicatorState.Achieved => "Nådd",
        _ => state.ToString(),
    };

    /// <summary>A CSS class for the badge; the badge always carries the text too, never only the colour.</summary>
    public static string StateCss(IndicatorState state) => state switch
    {
        IndicatorState.OnTrack => "status-on-track",
        IndicatorState.AtRisk => "status-at-risk",
        IndicatorState.OffTrack => "status-off-track",
        IndicatorState.Achieved => "status-achieved",
        _ => "status-no-data",
    };

    public static string Plan(PlanKind kind) => kind switch
    {
        PlanKind.Agreement => "Avtale",
        PlanKind.RoadmapGoal => "Mål i veikartet",
        PlanKind.Council => "Rådets handlingsplan",
        _ => kind.ToString(),
    };

    /// <summary>The next reporting date as the lists show it; once it has passed without a new measurement, it says so.</summary>
    public static string NextReporting(DateOnly date, DateOnly today) =>
        date < today ? $"{Norwegian.Date(date)} (passert)" : Norwegian.Date(date);

    public static string Direction(bool higherIsBetter) => higherIsBetter ? "Høyere er bedre" : "Lavere er bedre";

    /// <summary>A value as a Norwegian reads it: "1 234,5" (up to four decimals).</summary>
    public static string Value(decimal value) => Norwegian.Number(value);

    /// <summary>
    /// A value the portal computed from people's figures (where the straight line stands on a date, how far behind it a
    /// measurement is), with no more decimals than those figures have, and at least one: 199,7 rather than 199,7257.
    /// </summary>
    public static string Computed(decimal value, params ReadOnlySpan<decimal> from)
    {
        var places = 1;
        foreach (var figure in from)
        {
            places = Math.Max(places, DecimalPlaces(figure));
        }

        return Value(Math.Round(value, places, MidpointRounding.AwayFromZero));
    }

    private static int DecimalPlaces(decimal value)
    {
        var text = Input(value);
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? 0 : text.Length - comma - 1;
    }

    /// <summary>A value for a form field, without grouping, so that it reads back exactly: "1234,5".</summary>
    public static string Input(decimal value) => value.ToString("0.####", Norwegian.Culture).Replace('\u2212', '-');

    /// <summary>A share as a percentage: 0.125 → "12,5 %".</summary>
    public static string Percent(decimal share) =>
        (share * 100m).ToString("0.#", CultureInfo.GetCultureInfo("nb-NO")).Replace('\u2212', '-') + " %";
}
