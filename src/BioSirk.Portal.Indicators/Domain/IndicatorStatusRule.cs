using BioSirk.Portal.Indicators.Contracts;

namespace BioSirk.Portal.Indicators.Domain;

/// <summary>The status of an indicator at its latest measurement, and the figures behind it.</summary>
/// <param name="Expected">Where the straight line from baseline to target stands at the measurement's date.</param>
/// <param name="Shortfall">How far the measurement is behind <paramref name="Expected"/>, in the indicator's unit and
/// direction (negative: ahead of the line).</param>
/// <param name="Gap">The shortfall as a share of |target − baseline| (0.1 = 10 %).</param>
public sealed record IndicatorStatus(IndicatorState State, decimal? Expected, decimal? Shortfall, decimal? Gap)
{
    public static IndicatorStatus NoData { get; } = new(IndicatorState.NoData, null, null, null);
}

/// <summary>
/// The one status rule; every page, list, job, export and snapshot asks this class. Decimal arithmetic throughout,
/// no rounding (pages round only when they show a figure).
/// <list type="bullet">
/// <item>expected(t) = baseline + (target − baseline) × (t − baseline date) / (target date − baseline date), with t
/// clamped to the period: before the baseline date expected is the baseline, after the target date the target.</item>
/// <item>No measurement: <see cref="IndicatorState.NoData"/>.</item>
/// <item>Achieved: the latest measurement (latest date) reaches the target in the indicator's direction — value ≥
/// target when higher is better, value ≤ target when lower is better — whatever its date. This is checked first.</item>
/// <item>Otherwise shortfall = expected − value (higher is better) or value − expected (lower is better); gap =
/// shortfall / |target − baseline|. On track when shortfall ≤ 0, at risk when gap ≤ 10 % (exactly 10 % is at risk),
/// off track above.</item>
/// </list>
/// A target equal to the baseline has no direction to go and is refused when the indicator is defined
/// (<see cref="IndicatorRules"/>); this class refuses it too rather than divide by zero.
/// </summary>
public static class IndicatorStatusRule
{
    /// <summary>The largest gap that is still "at risk" rather than "off track": 10 %.</summary>
    public const decimal AtRiskLimit = 0.10m;

    public static decimal Expected(decimal baseline, DateOnly baselineDate, decimal target, DateOnly targetDate, DateOnly at)
    {
        if (targetDate <= baselineDate)
        {
            throw new ArgumentException("The target date must come after the baseline date.", nameof(targetDate));
        }

        if (at <= baselineDate)
        {
            return baseline;
        }

        if (at >= targetDate)
        {
            return target;
        }

        var elapsed = at.DayNumber - baselineDate.DayNumber;
        var period = targetDate.DayNumber - baselineDate.DayNumber;
        return baseline + ((target - baseline) * elapsed / period);
    }

    public static IndicatorStatus Evaluate(
        Direction direction, decimal baseline, DateOnly baselineDate, decimal target, DateOnly targetDate, decimal? latestValue, DateOnly? latestDate)
    {
        if (target == baseline)
        {
            throw new ArgumentException(IndicatorRules.TargetEqualsBaseline, nameof(target));
        }

        if (latestValue is not { } value || latestDate is not { } date)
        {
            return IndicatorStatus.NoData;
        }

        var expected = Expected(baseline, baselineDate, target, targetDate, date);
        var higher = direction == Direction.HigherIsBetter;
        var shortfall = higher ? expected - value : value - expected;
        var gap = shortfall / Math.Abs(target - baseline);
        var achieved = higher ? value >= target : value <= target;
        var state = achieved ? IndicatorState.Achieved
            : shortfall <= 0 ? IndicatorState.OnTrack
            : gap <= AtRiskLimit ? IndicatorState.AtRisk
            : IndicatorState.OffTrack;
        return new IndicatorStatus(state, expected, shortfall, gap);
    }

    /// <summary>The indicator at its latest measurement on or before <paramref name="asOf"/> (all of them without a date).</summary>
    public static IndicatorStatus Evaluate(Indicator indicator, IEnumerable<Measurement> measurements, DateOnly? asOf = null)
    {
        var latest = Latest(measurements, asOf);
        return Evaluate(indicator.Direction, indicator.BaselineValue, indicator.BaselineDate, indicator.TargetValue, indicator.TargetDate,
            latest?.Value, latest?.Date);
    }

    /// <summary>The measurement with the latest date (the last registered of that date), on or before <paramref name="asOf"/>.</summary>
    public static Measurement? Latest(IEnumerable<Measurement> measurements, DateOnly? asOf = null) =>
        measurements.Where(m => asOf is null || m.Date <= asOf).OrderByDescending(m => m.Date).ThenByDescending(m => m.RegisteredAtUtc).FirstOrDefault();
}
