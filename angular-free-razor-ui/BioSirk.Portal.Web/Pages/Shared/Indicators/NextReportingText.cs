using BioSirk.Portal.SharedKernel.Formatting;
using Microsoft.Extensions.Localization;

namespace BioSirk.Portal.Web.Pages.Shared.Indicators;

/// <summary>When an indicator's next measurement is due, in the reader's language: «31.03.2026 (passert)» / «31.03.2026 (passed)».</summary>
public static class NextReportingText
{
    public static string Of(DateOnly date, DateOnly today, IStringLocalizer texts) =>
        date < today ? $"{Norwegian.Date(date)} ({texts["passert"]})" : Norwegian.Date(date);
}
