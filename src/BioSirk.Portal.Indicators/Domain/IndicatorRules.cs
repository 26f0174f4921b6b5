using BioSirk.Portal.SharedKernel.Time;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Indicators.Domain;

/// <summary>
/// The rules for an indicator's definition and for a measurement: the same for the forms, the CSV import and the API.
/// Messages in bokmål, one per field (field names are the properties of <see cref="IndicatorDefinition"/>).
/// </summary>
public static class IndicatorRules
{
    public const int MaxDecimals = 4;

    public const string TargetEqualsBaseline =
        "Målverdien kan ikke være lik utgangsverdien: da er det ingen endring å måle. Skriv inn verdien dere vil nå.";

    public static IReadOnlyList<FieldError> Validate(IndicatorDefinition d)
    {
        var e = new Errors();
        e.When(string.IsNullOrWhiteSpace(d.Name), "Name", "Skriv inn navnet på indikatoren.");
        e.When(d.Name is { Length: > 200 }, "Name", "Navnet kan ha høyst 200 tegn.");
        e.When(string.IsNullOrWhiteSpace(d.Unit), "Unit", "Skriv inn enheten, for eksempel tonn, prosent eller antall.");
        e.When(d.Unit is { Length: > 50 }, "Unit", "Enheten kan ha høyst 50 tegn.");
        e.WhenLongerThan(d.Description, 2_000, "Description", "Beskrivelsen");
        e.When(d.Direction is null, "Direction", "Velg om høyere eller lavere verdier er bedre.");
        e.When(d.Frequency is null, "Frequency", "Velg hvor ofte indikatoren skal rapporteres.");
        Number(e, "BaselineValue", d.BaselineValue, "Skriv inn utgangsverdien, for eksempel 1 234,5.");
        Number(e, "TargetValue", d.TargetValue, "Skriv inn målverdien, for eksempel 1 500.");
        e.When(d.BaselineDate is null, "BaselineDate", "Skriv inn datoen utgangsverdien gjelder (dd.mm.åååå).");
        e.When(d.TargetDate is null, "TargetDate", "Skriv inn datoen målet skal være nådd (dd.mm.åååå).");
        e.Check("BaselineDate", d.BaselineDate).Check("TargetDate", d.TargetDate);
        if (d.BaselineDate is { } from && d.TargetDate is { } to && PlausibleDates.Contains(to) && to <= from)
        {
            e.Add("TargetDate", "Måldatoen må komme etter datoen for utgangsverdien.");
        }

        if (d.BaselineValue is { } baseline && d.TargetValue is { } target)
        {
            if (target == baseline)
            {
                e.Add("TargetValue", TargetEqualsBaseline);
            }
            else if (d.Direction == Direction.HigherIsBetter && target < baseline)
            {
                e.Add("TargetValue", "Når høyere verdier er bedre, må målverdien være høyere enn utgangsverdien.");
            }
            else if (d.Direction == Direction.LowerIsBetter && target > baseline)
            {
                e.Add("TargetValue", "Når lavere verdier er bedre, må målverdien være lavere enn utgangsverdien.");
            }
        }

        return e.All;
    }

    /// <summary>A measurement may lie before the baseline date (the status then compares it with the baseline), never in the future.</summary>
    public static IReadOnlyList<FieldError> CheckMeasurement(decimal? value, DateOnly? date, string? source, string? comment, DateOnly today)
    {
        var e = new Errors();
        Number(e, "Value", value, "Skriv inn verdien som ble målt, for eksempel 1 234,5.");
        if (date is null)
        {
            e.Add("Date", "Skriv inn datoen målingen gjelder (dd.mm.åååå).");
        }
        else if (date > today)
        {
            e.Add("Date", $"Datoen kan ikke være fram i tid (i dag er {SharedKernel.Formatting.Norwegian.Date(today)}).");
        }
        else
        {
            e.Check("Date", date);
        }

        e.When(source is { Length: > 200 }, "Source", "Kilden kan ha høyst 200 tegn.");
        e.When(comment is { Length: > 1000 }, "Comment", "Kommentaren kan ha høyst 1000 tegn.");
        return e.All;
    }

    public static bool HasAtMostFourDecimals(decimal value) => decimal.Round(value, MaxDecimals) == value;

    private static void Number(Errors e, string field, decimal? value, string missing)
    {
        if (value is null)
        {
            e.Add(field, missing);
        }
        else if (!HasAtMostFourDecimals(value.Value))
        {
            e.Add(field, "Tallet kan ha høyst fire desimaler.");
        }
        else if (Math.Abs(value.Value) >= 100_000_000_000_000m)
        {
            e.Add(field, "Tallet er for stort.");
        }
    }
}
