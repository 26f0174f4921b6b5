using BioSirk.Portal.Agreements.Features;
using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared.Agreements;

/// <summary>
/// An agreement's next deadline in the reader's language: «Sluttrapporten skal leveres 01.02.2027 (om 5 dager)» /
/// «Final report due 01.02.2027 (in 5 days)». The API writes it in Norwegian (<see cref="BioSirk.Portal.Web.Localization.NorwegianTexts"/>).
/// </summary>
public static class DeadlineTexts
{
    public static string Describe(Deadline? deadline, DateOnly today, IStringLocalizer texts)
    {
        if (deadline is null)
        {
            return texts["Ingen frister igjen"];
        }

        var days = deadline.Date.DayNumber - today.DayNumber;
        var when = days switch
        {
            < 0 => texts["passert"],
            0 => texts["i dag"],
            1 => texts["i morgen"],
            _ => texts["om {0} dager", days],
        };
        var what = deadline.Milestone is { } milestone ? texts["Utbetaling «{0}»", milestone] : texts[deadline.What];
        return $"{what} {Norwegian.Date(deadline.Date)} ({when})";
    }
}
