using BioSirk.Portal.SharedKernel.Formatting;
using BioSirk.Portal.SharedKernel.Results;

namespace BioSirk.Portal.Reporting.Domain;

/// <summary>What a final report must say before it is submitted, and its limits; one place for the form and the API.</summary>
public static class ReportRules
{
    public const int MaxSectionLength = 20_000;

    public const int MaxAttachments = 20;

    public const int MaxCommentLength = 4_000;

    public static string Title(ReportSection section) => section switch
    {
        ReportSection.Activities => "Gjennomførte aktiviteter",
        ReportSection.Results => "Resultater mot delmålene",
        ReportSection.Deviations => "Avvik",
        ReportSection.UseOfFunds => "Bruk av midlene",
        _ => "Videre arbeid",
    };

    /// <summary>The field a section is written in (also the key of its errors).</summary>
    public static string Field(ReportSection section) => section.ToString();

    public static IReadOnlyList<FieldError> CheckLengths(ReportSections sections)
    {
        var errors = new Errors();
        foreach (var section in Enum.GetValues<ReportSection>())
        {
            errors.When(sections[section].Length > MaxSectionLength, Field(section),
                $"«{Title(section)}» er for lang ({Norwegian.Number(sections[section].Length)} tegn). Den kan ha høyst {Norwegian.Number(MaxSectionLength)} tegn; legg lange dokumenter ved som vedlegg.");
        }

        return errors.All;
    }

    /// <summary>Every section is needed; deviations may say that there were none.</summary>
    public static IReadOnlyList<FieldError> CheckComplete(ReportSections sections)
    {
        var errors = new Errors()
            .When(string.IsNullOrWhiteSpace(sections.Activities), Field(ReportSection.Activities), "Beskriv aktivitetene som er gjennomført før du leverer.")
            .When(string.IsNullOrWhiteSpace(sections.Results), Field(ReportSection.Results), "Beskriv resultatene mot hvert delmål før du leverer.")
            .When(string.IsNullOrWhiteSpace(sections.Deviations), Field(ReportSection.Deviations), "Beskriv avvikene, eller skriv «Ingen avvik».")
            .When(string.IsNullOrWhiteSpace(sections.UseOfFunds), Field(ReportSection.UseOfFunds), "Beskriv hvordan midlene er brukt før du leverer.")
            .When(string.IsNullOrWhiteSpace(sections.FurtherWork), Field(ReportSection.FurtherWork), "Beskriv det videre arbeidet før du leverer.");
        return [.. errors.All, .. CheckLengths(sections)];
    }
}
