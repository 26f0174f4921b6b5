using System.Globalization;
using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.Indicators.Features;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared.Indicators;

/// <summary>
/// The geometry of an indicator's chart, drawn by _IndicatorChart.cshtml as SVG on the server: the measurements, the
/// expected line (flat at the baseline before its date, flat at the target after its date, as the status rule clamps
/// it) and the target. Coordinates are in the SVG's own units; the description is in the reader's language.
/// </summary>
public sealed class IndicatorChart
{
    public const double Width = 640;
    public const double Height = 320;
    private const double Left = 76;
    private const double Right = 24;
    private const double Top = 20;
    private const double Bottom = 56;

    private readonly DateOnly from;
    private readonly DateOnly to;
    private readonly decimal low;
    private readonly decimal high;

    public IndicatorChart(IndicatorDetails details, IStringLocalizer texts)
    {
        var i = details.Indicator;
        var dates = details.Measurements.Select(m => m.Date).Append(i.BaselineDate).Append(i.TargetDate).ToList();
        from = dates.Min();
        to = dates.Max();
        var values = details.Measurements.Select(m => m.Value).Append(i.BaselineValue).Append(i.TargetValue).ToList();
        var step = NiceStep((values.Max() - values.Min()) / 4m);
        low = Math.Floor(values.Min() / step) * step;
        high = Math.Ceiling(values.Max() / step) * step;
        if (high == low)
        {
            high = low + step;
        }

        for (var v = low; v <= high; v += step)
        {
            YTicks.Add((Y(v), IndicatorTexts.Value(v)));
        }

        // A year a label while they fit; over decades (a series from 1990), every 2nd, 5th, 10th … year.
        var yearStep = YearStep(to.Year - from.Year);
        var firstYear = from.Year + (from.DayOfYear == 1 ? 0 : 1);
        for (var year = (firstYear + yearStep - 1) / yearStep * yearStep; year <= to.Year; year += yearStep)
        {
            XTicks.Add((X(new DateOnly(year, 1, 1)), year.ToString(CultureInfo.InvariantCulture)));
        }

        if (XTicks.Count < 2)
        {
            XTicks = [(X(from), Norwegian.Date(from)), (X(to), Norwegian.Date(to))];
        }

        var expected = new List<(double, double)>();
        if (from < i.BaselineDate)
        {
            expected.Add((X(from), Y(i.BaselineValue)));
        }

        expected.Add((X(i.BaselineDate), Y(i.BaselineValue)));
        expected.Add((X(i.TargetDate), Y(i.TargetValue)));
        if (to > i.TargetDate)
        {
            expected.Add((X(to), Y(i.TargetValue)));
        }

        ExpectedPoints = Points(expected);
        Measured = [.. details.Measurements.Select(m => (X(m.Date), Y(m.Value), $"{Norwegian.Date(m.Date)}: {IndicatorTexts.Value(m.Value)} {i.Unit}"))];
        MeasuredPoints = Points(Measured.Select(p => (p.X, p.Y)));
        Target = (X(i.TargetDate), Y(i.TargetValue));
        Unit = i.Unit;
        Description = Describe(details, texts);
    }

    public List<(double Y, string Label)> YTicks { get; } = [];

    public List<(double X, string Label)> XTicks { get; } = [];

    /// <summary>The SVG "points" of the expected line.</summary>
    public string ExpectedPoints { get; }

    public string MeasuredPoints { get; }

    public List<(double X, double Y, string Label)> Measured { get; }

    public (double X, double Y) Target { get; }

    public string Unit { get; }

    public string Description { get; }

    public static double PlotLeft => Left;

    public static double PlotRight => Width - Right;

    public static double PlotTop => Top;

    public static double PlotBottom => Height - Bottom;

    /// <summary>A coordinate for SVG: invariant culture, whatever the page's language.</summary>
    public static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private double X(DateOnly date) =>
        Left + ((Width - Left - Right) * (date.DayNumber - from.DayNumber) / Math.Max(1, to.DayNumber - from.DayNumber));

    private double Y(decimal value) =>
        Height - Bottom - ((Height - Top - Bottom) * (double)((value - low) / (high - low)));

    private static string Points(IEnumerable<(double X, double Y)> points) => string.Join(' ', points.Select(p => $"{F(p.X)},{F(p.Y)}"));

    /// <summary>Years between labels, so that at most about eight fit under the chart: 1, 2, 5, 10, 20, 50, 100 …</summary>
    private static int YearStep(int years)
    {
        foreach (var step in (int[])[1, 2, 5, 10, 20, 50])
        {
            if (years / step <= 8)
            {
                return step;
            }
        }

        return 100 * (years / 800 + 1);
    }

    private static decimal NiceStep(decimal rough)
    {
        if (rough <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)rough)));
        var fraction = rough / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static string Describe(IndicatorDetails d, IStringLocalizer texts)
    {
        var i = d.Indicator;
        var plan = texts["Utgangsverdi {0} {1}, mål {2} {3} ({4}). Den stiplede linjen viser forventet verdi underveis.",
            $"{IndicatorTexts.Value(i.BaselineValue)} {i.Unit}", Norwegian.Date(i.BaselineDate), $"{IndicatorTexts.Value(i.TargetValue)} {i.Unit}",
            Norwegian.Date(i.TargetDate), texts[i.DirectionText].Value.ToLowerInvariant()];
        if (d.Latest is not { } latest)
        {
            return plan + " " + texts["Ingen målinger ennå."];
        }

        var count = d.Measurements.Count == 1 ? texts["Én måling"] : texts["{0} målinger", d.Measurements.Count];
        var measured = texts["{0}; siste {1} {2}. Status: {3}. Tallene står i tabellen under.", count,
            $"{IndicatorTexts.Value(latest.Value)} {i.Unit}", Norwegian.Date(latest.Date), texts[IndicatorTexts.State(d.Status.State)]];
        return plan + " " + measured;
    }
}
