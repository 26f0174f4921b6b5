using BioSirk.Portal.Indicators.Contracts;
using BioSirk.Portal.Indicators.Domain;
using BioSirk.Portal.Platform.Contracts;
using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BioSirk.Portal.Web.Pages.Shared.Indicators;

/// <summary>The indicator form as typed: numbers stay text until they are read the Norwegian way, so a typo is shown back as typed.</summary>
public sealed class IndicatorInput
{
    public string? Name { get; set; }

    public string? Unit { get; set; }

    public string? Description { get; set; }

    public Direction? Direction { get; set; }

    public string? BaselineValue { get; set; }

    public DateOnly? BaselineDate { get; set; }

    public string? TargetValue { get; set; }

    public DateOnly? TargetDate { get; set; }

    public ReportingFrequency? Frequency { get; set; }

    /// <summary>The texts typed in the form, by their labels: shown to copy when the form could not be saved at all.</summary>
    public IReadOnlyList<(string Label, string Text)> TypedTexts() =>
        PlanClosedView.Typed(("Navn på indikatoren", Name), ("Enhet", Unit), ("Beskrivelse", Description));

    public Guid? ResponsibleUserId { get; set; }

    public static IndicatorInput From(IndicatorDefinition d) => new()
    {
        Name = d.Name,
        Unit = d.Unit,
        Description = d.Description,
        Direction = d.Direction,
        BaselineValue = d.BaselineValue is { } b ? IndicatorTexts.Input(b) : null,
        BaselineDate = d.BaselineDate,
        TargetValue = d.TargetValue is { } t ? IndicatorTexts.Input(t) : null,
        TargetDate = d.TargetDate,
        Frequency = d.Frequency,
        ResponsibleUserId = d.ResponsibleUserId,
    };

    /// <summary>The definition to check; numbers that cannot be read and an unknown person go to <paramref name="parseErrors"/>.</summary>
    public IndicatorDefinition ToDefinition(List<FieldError> parseErrors, IReadOnlyList<PersonInfo> people)
    {
        decimal? Number(string? text, string field, string example)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (NorwegianNumber.TryParseValue(text, out var value, out var error, example))
            {
                return value;
            }

            parseErrors.Add(new FieldError(field, error!));
            return null;
        }

        var person = people.FirstOrDefault(p => p.UserId == ResponsibleUserId);
        if (ResponsibleUserId is not null && person is null)
        {
            parseErrors.Add(new FieldError("ResponsibleUserId", "Velg en person fra listen."));
        }

        return new IndicatorDefinition(Name, Unit, Direction, Number(BaselineValue, "BaselineValue", "1 234,5"), BaselineDate,
            Number(TargetValue, "TargetValue", "1 500"), TargetDate, Frequency, person?.UserId, person?.FullName, Description);
    }

    public static string FrequencyText(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Monthly => "Hver måned",
        ReportingFrequency.Quarterly => "Hvert kvartal",
        ReportingFrequency.HalfYearly => "Hvert halvår",
        _ => "Hvert år",
    };
}

/// <summary>What the form partial needs: the input and the people who may be responsible.</summary>
public sealed record IndicatorFormView(IndicatorInput Input, IReadOnlyList<PersonInfo> People);
