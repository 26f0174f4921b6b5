using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using BioSirk.Portal.Strategy.Domain;
using BioSirk.Portal.Strategy.Features;

namespace BioSirk.Portal.Web.Pages.Council.Roadmap;

/// <summary>
/// Positions for the server-rendered timeline: one row per action, grouped by focus area, on a time axis from the
/// roadmap's start to its end. Bars are coloured by phase and also carry the phase number, so colour is not the only cue.
/// </summary>
public sealed class TimelineChart
{
    public const int Width = 1000;
    public const int LabelWidth = 330;
    public const int RowHeight = 26;
    public const int AxisHeight = 36;

    private readonly DateOnly start;
    private readonly DateOnly end;

    public TimelineChart(RoadmapTree tree, DateOnly today)
    {
        start = tree.Roadmap.PeriodStart;
        end = tree.Roadmap.PeriodEnd;
        var y = AxisHeight;
        foreach (var area in tree.Roadmap.FocusAreas)
        {
            Rows.Add(new TimelineRow($"{area.Number}. {area.Title}", null, y, 0, 0, IsGroup: true));
            y += RowHeight;
            foreach (var action in tree.ActionsOf(area).OrderBy(a => a.Start).ThenBy(a => a.Title))
            {
                var x1 = X(action.Start);
                var x2 = Math.Max(X(action.End.AddDays(1)), x1 + 3);
                Rows.Add(new TimelineRow(action.Title, action, y, x1, x2, IsGroup: false));
                y += RowHeight;
            }
        }

        Height = y + 8;
        TodayX = today >= start && today <= end ? X(today) : null;
        for (var year = start.Year; year <= end.Year; year++)
        {
            foreach (var month in new[] { 1, 4, 7, 10 })
            {
                var tick = new DateOnly(year, month, 1);
                if (tick >= start && tick <= end)
                {
                    Ticks.Add((X(tick), month == 1 ? year.ToString(CultureInfo.InvariantCulture) : $"{month:00}", month == 1));
                }
            }
        }
    }

    public List<TimelineRow> Rows { get; } = [];

    public List<(double X, string Label, bool IsYear)> Ticks { get; } = [];

    public int Height { get; }

    public double? TodayX { get; }

    public static string PhaseColour(DevelopmentPhase phase) => phase switch
    {
        DevelopmentPhase.Mapping => "#0b5394",
        DevelopmentPhase.SelectionAndMobilisation => "#7a4a00",
        DevelopmentPhase.Implementation => "#1e5b3a",
        _ => "#6a1b9a",
    };

    public static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>An SVG text element (Razor reserves the &lt;text&gt; tag inside code, so it is written here).</summary>
    public static IHtmlContent Text(double x, double y, int size, string fill, string content, bool bold = false) =>
        new HtmlString($"<text x=\"{F(x)}\" y=\"{F(y)}\" font-size=\"{size}\" fill=\"{fill}\"{(bold ? " font-weight=\"700\"" : "")}>{HtmlEncoder.Default.Encode(content)}</text>");

    private double X(DateOnly date)
    {
        var total = Math.Max(1, end.DayNumber - start.DayNumber + 1);
        var clamped = Math.Clamp(date.DayNumber - start.DayNumber, 0, total);
        return LabelWidth + ((Width - LabelWidth - 10) * (double)clamped / total);
    }
}

public sealed record TimelineRow(string Label, RoadmapAction? Action, int Y, double X1, double X2, bool IsGroup);
