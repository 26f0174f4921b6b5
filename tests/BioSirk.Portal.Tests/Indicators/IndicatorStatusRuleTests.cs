using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;

namespace BioSirk.Portal.Tests.Indicators;

/// <summary>
/// The status rule with exact figures. The period 01.01.2026–11.04.2026 is 100 days, so from 100 to 200 the expected
/// line rises by exactly 1 a day: 150 on 20.02.2026 (day 50).
/// </summary>
public sealed class IndicatorStatusRuleTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2026, 4, 11);
    private static readonly DateOnly Day50 = new(2026, 2, 20);

    private static IndicatorStatus Higher(decimal value, DateOnly date) =>
        IndicatorStatusRule.Evaluate(Direction.HigherIsBetter, 100m, Start, 200m, End, value, date);

    private static IndicatorStatus Lower(decimal value, DateOnly date) =>
        IndicatorStatusRule.Evaluate(Direction.LowerIsBetter, 200m, Start, 100m, End, value, date);

    [Fact]
    public void Expected_FollowsTheStraightLine_AndIsClampedToThePeriod()
    {
        Assert.Equal(100m, IndicatorStatusRule.Expected(100m, Start, 200m, End, Start));
        Assert.Equal(150m, IndicatorStatusRule.Expected(100m, Start, 200m, End, Day50));
        Assert.Equal(133m, IndicatorStatusRule.Expected(100m, Start, 200m, End, new DateOnly(2026, 2, 3)));
        Assert.Equal(100m, IndicatorStatusRule.Expected(100m, Start, 200m, End, new DateOnly(2025, 12, 1)));
        Assert.Equal(200m, IndicatorStatusRule.Expected(100m, Start, 200m, End, new DateOnly(2026, 12, 31)));
        Assert.Equal(150m, IndicatorStatusRule.Expected(200m, Start, 100m, End, Day50));
        Assert.Equal(0.3333333333333333333333333333m, IndicatorStatusRule.Expected(0m, Start, 1m, Start.AddDays(3), Start.AddDays(1)));
    }

    [Theory]
    [InlineData("150", IndicatorState.OnTrack, "0", "0")]            // on the line
    [InlineData("160", IndicatorState.OnTrack, "-10", "-0.1")]       // ahead of it
    [InlineData("140", IndicatorState.AtRisk, "10", "0.1")]          // exactly 10 % behind: still at risk
    [InlineData("139.99", IndicatorState.OffTrack, "10.01", "0.1001")] // just over 10 %
    [InlineData("120", IndicatorState.OffTrack, "30", "0.3")]
    [InlineData("200", IndicatorState.Achieved, "-50", "-0.5")]      // the target reached early
    [InlineData("215", IndicatorState.Achieved, "-65", "-0.65")]
    public void HigherIsBetter_OnDay50(string value, IndicatorState state, string shortfall, string gap)
    {
        var status = Higher(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Day50);

        Assert.Equal(state, status.State);
        Assert.Equal(150m, status.Expected);
        Assert.Equal(decimal.Parse(shortfall, System.Globalization.CultureInfo.InvariantCulture), status.Shortfall);
        Assert.Equal(decimal.Parse(gap, System.Globalization.CultureInfo.InvariantCulture), status.Gap);
    }

    [Theory]
    [InlineData("150", IndicatorState.OnTrack, "0", "0")]
    [InlineData("140", IndicatorState.OnTrack, "-10", "-0.1")]
    [InlineData("160", IndicatorState.AtRisk, "10", "0.1")]          // exactly 10 % behind (too high)
    [InlineData("160.01", IndicatorState.OffTrack, "10.01", "0.1001")]
    [InlineData("100", IndicatorState.Achieved, "-50", "-0.5")]
    [InlineData("90", IndicatorState.Achieved, "-60", "-0.6")]
    public void LowerIsBetter_OnDay50(string value, IndicatorState state, string shortfall, string gap)
    {
        var status = Lower(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), Day50);

        Assert.Equal(state, status.State);
        Assert.Equal(150m, status.Expected);
        Assert.Equal(decimal.Parse(shortfall, System.Globalization.CultureInfo.InvariantCulture), status.Shortfall);
        Assert.Equal(decimal.Parse(gap, System.Globalization.CultureInfo.InvariantCulture), status.Gap);
    }

    [Fact]
    public void MeasurementBeforeTheBaselineDate_IsComparedWithTheBaseline()
    {
        var before = new DateOnly(2025, 12, 1);

        Assert.Equal(new IndicatorStatus(IndicatorState.OnTrack, 100m, 0m, 0m), Higher(100m, before));
        Assert.Equal(new IndicatorStatus(IndicatorState.AtRisk, 100m, 5m, 0.05m), Higher(95m, before));
        Assert.Equal(new IndicatorStatus(IndicatorState.OffTrack, 200m, 30m, 0.3m), Lower(230m, before));
        Assert.Empty(IndicatorRules.CheckMeasurement(95m, before, null, null, today: new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void MeasurementAfterTheTargetDate_IsComparedWithTheTarget()
    {
        var after = new DateOnly(2026, 6, 1);

        Assert.Equal(new IndicatorStatus(IndicatorState.AtRisk, 200m, 10m, 0.1m), Higher(190m, after));
        Assert.Equal(new IndicatorStatus(IndicatorState.OffTrack, 200m, 20m, 0.2m), Higher(180m, after));
        Assert.Equal(IndicatorState.Achieved, Higher(200m, after).State);
        Assert.Equal(new IndicatorStatus(IndicatorState.AtRisk, 100m, 10m, 0.1m), Lower(110m, after));
    }

    [Fact]
    public void WithoutMeasurements_ThereIsNoData()
    {
        var status = IndicatorStatusRule.Evaluate(Direction.HigherIsBetter, 100m, Start, 200m, End, null, null);

        Assert.Equal(IndicatorStatus.NoData, status);
        Assert.Null(status.Expected);
        Assert.Equal("Ingen data", IndicatorTexts.State(status.State));
    }

    [Fact]
    public void TargetEqualToBaseline_IsRefusedWithAMessage()
    {
        var definition = new IndicatorDefinition("Tonn biokull", "tonn", Direction.HigherIsBetter, 100m, Start, 100m, End, ReportingFrequency.Quarterly, null, null);

        var error = Assert.Single(IndicatorRules.Validate(definition));

        Assert.Equal("TargetValue", error.Field);
        Assert.Equal("Målverdien kan ikke være lik utgangsverdien: da er det ingen endring å måle. Skriv inn verdien dere vil nå.", error.Message);
        Assert.Throws<ArgumentException>(() => IndicatorStatusRule.Evaluate(Direction.HigherIsBetter, 100m, Start, 100m, End, 100m, Day50));
    }

    [Fact]
    public void Definition_IsCheckedFieldByField()
    {
        var errors = IndicatorRules.Validate(new IndicatorDefinition(" ", null, Direction.LowerIsBetter, 1.23456m, End, 2m, Start, null, null, null));

        Assert.Equal(
            ["Name", "Unit", "Frequency", "BaselineValue", "TargetDate", "TargetValue"],
            errors.Select(e => e.Field).ToArray());
        Assert.Contains(errors, e => e.Message == "Tallet kan ha høyst fire desimaler.");
        Assert.Contains(errors, e => e.Message == "Måldatoen må komme etter datoen for utgangsverdien.");
        Assert.Contains(errors, e => e.Message == "Når lavere verdier er bedre, må målverdien være lavere enn utgangsverdien.");
    }

    [Fact]
    public void MeasurementInTheFuture_IsRefused()
    {
        var error = Assert.Single(IndicatorRules.CheckMeasurement(5m, new DateOnly(2026, 3, 3), null, null, today: new DateOnly(2026, 3, 2)));

        Assert.Equal("Date", error.Field);
        Assert.Equal("Datoen kan ikke være fram i tid (i dag er 02.03.2026).", error.Message);
    }

    [Fact]
    public void NextReportingDate_IsOnePeriodAfterTheLatestMeasurementOrTheBaseline()
    {
        Assert.Equal(new DateOnly(2026, 4, 1), Indicator.NextReportingDate(ReportingFrequency.Quarterly, Start, null));
        Assert.Equal(new DateOnly(2026, 5, 20), Indicator.NextReportingDate(ReportingFrequency.Quarterly, Start, Day50));
        Assert.Equal(new DateOnly(2026, 2, 1), Indicator.NextReportingDate(ReportingFrequency.Monthly, Start, new DateOnly(2025, 12, 1)));
        Assert.Equal(new DateOnly(2027, 1, 1), Indicator.NextReportingDate(ReportingFrequency.Yearly, Start, null));
    }

    [Fact]
    public void ANewIndicatorsFirstReport_FallsOnOrAfterTheDayItWasDefined_InTheBaselinesRhythm()
    {
        // Baseline 01.01.2026, defined 30.11.2026: not overdue since 01.04.2026, but due 01.01.2027.
        Assert.Equal(new DateOnly(2027, 1, 1), Indicator.NextReportingDate(ReportingFrequency.Quarterly, Start, null, new DateOnly(2026, 11, 30)));
        Assert.Equal(new DateOnly(2026, 10, 1), Indicator.NextReportingDate(ReportingFrequency.Quarterly, Start, null, new DateOnly(2026, 10, 1)));
        Assert.Equal(new DateOnly(2026, 4, 1), Indicator.NextReportingDate(ReportingFrequency.Quarterly, Start, null, new DateOnly(2026, 1, 15)));
        // Once measured, the latest measurement sets the pace, even one dated before the indicator was defined.
        Assert.Equal(new DateOnly(2026, 5, 20), Indicator.NextReportingDate(ReportingFrequency.Quarterly, Start, Day50, new DateOnly(2026, 11, 30)));
    }

    [Theory]
    // The baseline's rhythm goes through a short month without drifting to the month's end: 30.01 → 28.02 → 30.03.
    [InlineData(ReportingFrequency.Monthly, "2026-01-30", "2026-03-15", "2026-03-30")]
    [InlineData(ReportingFrequency.Monthly, "2026-01-30", "2026-02-10", "2026-02-28")]
    [InlineData(ReportingFrequency.Quarterly, "2026-11-29", "2027-03-01", "2027-05-29")]
    [InlineData(ReportingFrequency.Monthly, "2026-01-31", "2026-03-15", "2026-03-31")] // a month's end stays one
    public void ANewIndicatorsFirstReport_KeepsTheBaselinesDay_ThroughShortMonths(ReportingFrequency frequency, string baseline, string definedOn, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Indicator.NextReportingDate(frequency, DateOnly.Parse(baseline, System.Globalization.CultureInfo.InvariantCulture), null,
                DateOnly.Parse(definedOn, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NextReportingDate_AfterAMonthsLastDay_IsAMonthsLastDay()
    {
        Assert.Equal(new DateOnly(2026, 12, 31), Indicator.NextReportingDate(ReportingFrequency.HalfYearly, Start, new DateOnly(2026, 6, 30)));
        Assert.Equal(new DateOnly(2026, 6, 30), Indicator.NextReportingDate(ReportingFrequency.Quarterly, Start, new DateOnly(2026, 3, 31)));
        Assert.Equal(new DateOnly(2026, 3, 31), Indicator.NextReportingDate(ReportingFrequency.Monthly, Start, new DateOnly(2026, 2, 28)));
        Assert.Equal(new DateOnly(2026, 7, 29), Indicator.NextReportingDate(ReportingFrequency.HalfYearly, Start, new DateOnly(2026, 1, 29)));
    }

    [Theory]
    [InlineData(199.7257, new[] { 100.0, 300.0, 150.0 }, "199,7")] // whole figures: one decimal
    [InlineData(150.0, new[] { 100.0, 200.0, 140.0 }, "150")]
    [InlineData(49.72571, new[] { 100.0, 300.0, 150.25 }, "49,73")] // as many decimals as the figures have
    [InlineData(1234.56, new[] { 1000.0, 2000.0, 1500.0 }, "1 234,6")]
    public void ComputedValues_HaveTheDecimalsOfTheFiguresTheyComeFrom(double value, double[] figures, string expected) =>
        Assert.Equal(expected, IndicatorTexts.Computed((decimal)value, [.. figures.Select(f => (decimal)f)]));
}
