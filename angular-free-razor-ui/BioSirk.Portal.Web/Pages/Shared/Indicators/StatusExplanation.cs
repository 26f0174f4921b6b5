using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared.Indicators;

/// <summary>
/// Why an indicator has its status, in the reader's language: the last measurement against the straight line from the
/// baseline to the target (<see cref="IndicatorStatusRule"/>). Numbers and dates keep the Norwegian format.
/// </summary>
public static class StatusExplanation
{
    public static string For(Indicator i, IndicatorStatus status, Measurement? latest, IStringLocalizer texts)
    {
        if (latest is null || status.State == IndicatorState.NoData)
        {
            return texts["Ingen målinger ennå. Registrer den første målingen for å se om indikatoren er i rute."];
        }

        string Value(decimal value) => $"{IndicatorTexts.Value(value)} {i.Unit}";
        string Computed(decimal value) => $"{IndicatorTexts.Computed(value, i.BaselineValue, i.TargetValue, latest.Value)} {i.Unit}";
        // The distance between two shares is in percentage points: 37 % against 60 % is 23 prosentpoeng behind, not 23 %.
        var differenceUnit = i.Unit.Trim().ToLowerInvariant() is "prosent" or "%" or "percent" ? texts["prosentpoeng"].Value : i.Unit;
        string Difference(decimal value) => $"{IndicatorTexts.Computed(value, i.BaselineValue, i.TargetValue, latest.Value)} {differenceUnit}";
        var date = Norwegian.Date(latest.Date);
        if (status.State == IndicatorState.Achieved)
        {
            return texts["Målet er nådd: siste måling ({0}) er {1}, og målverdien er {2}.", date, Value(latest.Value), Value(i.TargetValue)];
        }

        var line = texts["Siste måling ({0}) er {1}. Etter en jevn linje fra utgangsverdien ({2}, {3}) til målet ({4}, {5}) var forventet verdi den datoen {6}.",
            date, Value(latest.Value), Value(i.BaselineValue), Norwegian.Date(i.BaselineDate), Value(i.TargetValue), Norwegian.Date(i.TargetDate),
            Computed(status.Expected!.Value)];
        var verdict = status.State switch
        {
            IndicatorState.OnTrack when status.Shortfall == 0 => texts["Målingen ligger på linjen: i rute."],
            IndicatorState.OnTrack => texts["Målingen ligger {0} foran linjen: i rute.", Difference(-status.Shortfall!.Value)],
            IndicatorState.AtRisk => texts["Målingen ligger {0} bak linjen, det er {1} av hele endringen fra utgangsverdi til mål. Inntil 10 % bak er risiko.",
                Difference(status.Shortfall!.Value), IndicatorTexts.Percent(status.Gap!.Value)],
            _ => texts["Målingen ligger {0} bak linjen, det er {1} av hele endringen fra utgangsverdi til mål. Mer enn 10 % bak er ikke i rute.",
                Difference(status.Shortfall!.Value), IndicatorTexts.Percent(status.Gap!.Value)],
        };
        return line + " " + verdict;
    }
}
